/* The packets a rule matches, as a product of independent dimensions
 * (addresses, protocol, ports, interfaces, ...), each a set ipt can
 * compare exactly. Plain data: built by lint_match.c from a kernel entry,
 * compared here, used by lint.c. A rule whose matches ipt does not fully
 * understand is marked `unknown': its dimensions then hold a superset of
 * what it matches (every match only narrows a rule). */
#ifndef IPT_PKTSET_H
#define IPT_PKTSET_H

#include <stdbool.h>
#include <stdint.h>
#include <net/if.h>

/* A set of integers in [0, max] as sorted, disjoint closed intervals. */
#define IVSET_MAX 48
struct ivset {
	unsigned int n;
	struct { uint32_t lo, hi; } iv[IVSET_MAX];
};

/* {x : x & mask == val & mask}, or its complement; up to 128 bits. */
struct masked {
	uint8_t val[16], mask[16];
	bool inv;
};

/* An interface name set: any, one name, a prefix ("eth+"), or the
 * complement of a name or prefix. */
struct ifset {
	bool any;
	bool wildcard;
	bool inv;
	char name[IFNAMSIZ + 1];
};

enum { CT_INVALID, CT_ESTABLISHED, CT_RELATED, CT_NEW, CT_UNTRACKED,
       CT_MAX = CT_UNTRACKED };

struct pktset {
	bool unknown;           /* a superset: some match was not understood */
	unsigned int addrlen;   /* 4 or 16 */
	struct masked src, dst, mark;
	struct masked tcpflags; /* one byte: tcp --tcp-flags, --syn */
	struct ifset in, out;
	struct ivset proto;     /* 0..255 */
	struct ivset frag;      /* 0: first or only fragment, 1: later ones */
	struct ivset sport, dport;      /* 0..65535 */
	struct ivset icmp;      /* type << 8 | code, 0..65535 */
	struct ivset ctstate;   /* CT_* */
};

void ivset_full(struct ivset *s, uint32_t max);
void ivset_range(struct ivset *s, uint32_t lo, uint32_t hi);
void ivset_add(struct ivset *s, uint32_t lo, uint32_t hi);
void ivset_complement(struct ivset *s, uint32_t max);
/* a := a & b; false if the result has too many intervals. */
bool ivset_intersect(struct ivset *a, const struct ivset *b);
bool ivset_subset(const struct ivset *a, const struct ivset *b);
bool ivset_contains(const struct ivset *s, uint32_t x);

/* Every packet of family addrlen (4 or 16). */
void pktset_universe(struct pktset *p, unsigned int addrlen);
/* Every packet b holds is in a; false also when a is `unknown'. */
bool pktset_covers(const struct pktset *a, const struct pktset *b);
/* No packet is in both; sound with `unknown' sets (supersets). */
bool pktset_disjoint(const struct pktset *a, const struct pktset *b);
/* a holds every packet (and is exact). */
bool pktset_is_universe(const struct pktset *a);

bool masked_contains(const struct masked *m, const uint8_t *val,
		     unsigned int len);
bool ifset_contains(const struct ifset *s, const char *name);

#endif
