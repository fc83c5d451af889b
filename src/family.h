/* The one place where IPv4 and IPv6 differ: the two kernel entry layouts
 * and their addresses. Everything above it (parser, executor, printers,
 * both kernel backends) is written once. */
#ifndef IPT_FAMILY_H
#define IPT_FAMILY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "command.h"
#include "outbuf.h"

/* A kernel entry decoded into family-neutral fields for the printers. */
struct entry_view {
	const void *ip;         /* ipt_ip / ip6t_ip6: what extensions print from */
	const struct xt_counters *counters;
	uint16_t proto;
	bool fragment;
	bool is_goto;
	uint8_t invflags;
	const char *iniface, *outiface;
	const unsigned char *iniface_mask, *outiface_mask;
	union ipt_addr src, smsk, dst, dmsk;
	const unsigned char *matches, *matches_end;  /* xt_entry_match run */
	const struct xt_entry_target *target;
	bool has_tos;           /* ip6tables-save prints a stray "-? tos" */
	bool inv_tos;
	uint8_t tos;
};

struct family_ops {
	const char *name;               /* "iptables" / "ip6tables" */
	uint8_t nfproto;
	size_t entry_size;              /* sizeof(struct ipt_entry) etc. */
	size_t ip_size;                 /* its ip part: what -C/-D compare */
	const char *any_addr;           /* the address -s/-d default to */
	const char *proc_tables;        /* the kernel's list of its tables */
	bool has_fragment_option;       /* -f exists (IPv4 only) */
	bool standard_has_revision;     /* iptables stamps its revision */

	/* entries */
	void (*decode)(const void *entry, struct entry_view *v);
	size_t (*entry_length)(const void *entry);      /* its next_offset */
	/* Builds the kernel entry for source si and destination di of r,
	 * with target t (a struct xt_entry_target). Free with free(). */
	void *(*build)(const struct rule_spec *r, size_t si, size_t di,
		       const struct ext_blob *t);
	/* Sets proto/invflags in the scratch entry extensions parse against. */
	void (*scratch_proto)(void *entry, uint16_t proto, uint8_t invflags);

	/* addresses */
	void (*parse_addrs)(const char *spec, struct addr_list *out);
	/* -L form: "anywhere", "10.0.0.0/8", "host.example/24" ... */
	const char *(*addr_to_string)(const union ipt_addr *a,
				      const union ipt_addr *m,
				      unsigned int format);
	/* -S form " -s 10.0.0.0/8" into o; nothing for "any". */
	void (*save_addr)(struct outbuf *o, char letter,
			  const union ipt_addr *a, const union ipt_addr *m,
			  bool invert);
};

extern const struct family_ops family_ipv4;
extern const struct family_ops family_ipv6;

#endif
