/* Set algebra over the dimensions of struct pktset. A product set B lies
 * inside a product set A when B is empty or every dimension of B lies
 * inside A's; two product sets are disjoint when one dimension is. */
#include <string.h>
#include "pktset.h"

void ivset_range(struct ivset *s, uint32_t lo, uint32_t hi)
{
	s->n = 0;
	if (lo <= hi)
		ivset_add(s, lo, hi);
}

void ivset_full(struct ivset *s, uint32_t max)
{
	ivset_range(s, 0, max);
}

/* Appends [lo, hi] above every interval already there, merging with the
 * last when they touch; callers add in increasing order. */
void ivset_add(struct ivset *s, uint32_t lo, uint32_t hi)
{
	if (s->n && lo <= s->iv[s->n - 1].hi + 1 && lo >= s->iv[s->n - 1].lo) {
		if (hi > s->iv[s->n - 1].hi)
			s->iv[s->n - 1].hi = hi;
		return;
	}
	if (s->n == IVSET_MAX) {        /* cannot happen for ipt's inputs */
		s->iv[s->n - 1].hi = hi;        /* stays a superset */
		return;
	}
	s->iv[s->n].lo = lo;
	s->iv[s->n].hi = hi;
	s->n++;
}

void ivset_complement(struct ivset *s, uint32_t max)
{
	struct ivset c = { .n = 0 };
	uint32_t next = 0;
	bool done = false;

	for (unsigned int i = 0; i < s->n; i++) {
		if (s->iv[i].lo > next)
			ivset_add(&c, next, s->iv[i].lo - 1);
		if (s->iv[i].hi >= max) {
			done = true;
			break;
		}
		next = s->iv[i].hi + 1;
	}
	if (!done)
		ivset_add(&c, next, max);
	*s = c;
}

bool ivset_intersect(struct ivset *a, const struct ivset *b)
{
	struct ivset r = { .n = 0 };
	unsigned int i = 0, j = 0;

	while (i < a->n && j < b->n) {
		uint32_t lo = a->iv[i].lo > b->iv[j].lo ? a->iv[i].lo : b->iv[j].lo;
		uint32_t hi = a->iv[i].hi < b->iv[j].hi ? a->iv[i].hi : b->iv[j].hi;

		if (lo <= hi) {
			if (r.n == IVSET_MAX)
				return false;
			ivset_add(&r, lo, hi);
		}
		if (a->iv[i].hi < b->iv[j].hi)
			i++;
		else
			j++;
	}
	*a = r;
	return true;
}

bool ivset_contains(const struct ivset *s, uint32_t x)
{
	for (unsigned int i = 0; i < s->n; i++)
		if (x >= s->iv[i].lo && x <= s->iv[i].hi)
			return true;
	return false;
}

/* Every interval of a inside one interval of b. */
bool ivset_subset(const struct ivset *a, const struct ivset *b)
{
	unsigned int j = 0;

	for (unsigned int i = 0; i < a->n; i++) {
		while (j < b->n && b->iv[j].hi < a->iv[i].lo)
			j++;
		if (j == b->n || b->iv[j].lo > a->iv[i].lo ||
		    b->iv[j].hi < a->iv[i].hi)
			return false;
	}
	return true;
}

static bool ivset_disjoint(const struct ivset *a, const struct ivset *b)
{
	struct ivset r = *a;

	return ivset_intersect(&r, b) && r.n == 0;
}

static bool ivset_empty(const struct ivset *a)
{
	return a->n == 0;
}

/* ---- masked values: the positive set {x : x & m == v & m} */

static bool mask_zero(const struct masked *a, unsigned int len)
{
	for (unsigned int i = 0; i < len; i++)
		if (a->mask[i])
			return false;
	return true;
}

/* pos(a) inside pos(b): b's mask bits are a's, and a fixes them as b. */
static bool pos_subset(const struct masked *a, const struct masked *b,
		       unsigned int len)
{
	for (unsigned int i = 0; i < len; i++)
		if ((b->mask[i] & ~a->mask[i]) ||
		    ((a->val[i] ^ b->val[i]) & b->mask[i]))
			return false;
	return true;
}

static bool pos_disjoint(const struct masked *a, const struct masked *b,
			 unsigned int len)
{
	for (unsigned int i = 0; i < len; i++)
		if ((a->val[i] ^ b->val[i]) & a->mask[i] & b->mask[i])
			return true;
	return false;
}

static bool masked_subset(const struct masked *a, const struct masked *b,
			  unsigned int len)
{
	if (!b->inv && mask_zero(b, len))
		return true;
	if (!a->inv && !b->inv)
		return pos_subset(a, b, len);
	if (!a->inv && b->inv)
		return pos_disjoint(a, b, len);
	if (a->inv && b->inv)
		return pos_subset(b, a, len);
	return false;   /* a complement inside a proper positive set */
}

static bool masked_disjoint(const struct masked *a, const struct masked *b,
			    unsigned int len)
{
	if (!a->inv && !b->inv)
		return pos_disjoint(a, b, len);
	if (!a->inv && b->inv)
		return pos_subset(a, b, len);
	if (a->inv && !b->inv)
		return pos_subset(b, a, len);
	return false;
}

bool masked_contains(const struct masked *m, const uint8_t *val,
		     unsigned int len)
{
	bool in = true;

	for (unsigned int i = 0; i < len; i++)
		if ((val[i] ^ m->val[i]) & m->mask[i])
			in = false;
	return in != m->inv;
}

/* ---- interface names */

static bool name_in(const char *name, bool name_wild, const struct ifset *s)
{
	size_t n = strlen(s->name);

	if (s->wildcard)
		return strncmp(name, s->name, n) == 0;
	return !name_wild && strcmp(name, s->name) == 0;
}

/* The positive sets a and b share no name. */
static bool pos_if_disjoint(const struct ifset *a, const struct ifset *b)
{
	return !name_in(a->name, false, b) && !name_in(b->name, false, a) &&
	       !(a->wildcard && b->wildcard &&
		 (strncmp(a->name, b->name, strlen(a->name)) == 0 ||
		  strncmp(a->name, b->name, strlen(b->name)) == 0));
}

static bool ifset_subset(const struct ifset *a, const struct ifset *b)
{
	if (b->any)
		return true;
	if (a->any)
		return false;
	if (!a->inv && !b->inv)
		return name_in(a->name, a->wildcard, b);
	if (!a->inv && b->inv)
		return pos_if_disjoint(a, b);
	if (a->inv && b->inv)
		return name_in(b->name, b->wildcard, a);
	return false;
}

static bool ifset_disjoint(const struct ifset *a, const struct ifset *b)
{
	if (a->any || b->any)
		return false;
	if (!a->inv && !b->inv)
		return pos_if_disjoint(a, b);
	if (!a->inv && b->inv)
		return name_in(a->name, a->wildcard, b);
	if (a->inv && !b->inv)
		return name_in(b->name, b->wildcard, a);
	return false;
}

bool ifset_contains(const struct ifset *s, const char *name)
{
	if (s->any)
		return true;
	return name_in(name, false, s) != s->inv;
}

/* ---- whole sets */

void pktset_universe(struct pktset *p, unsigned int addrlen)
{
	memset(p, 0, sizeof(*p));
	p->addrlen = addrlen;
	p->in.any = p->out.any = true;
	ivset_full(&p->proto, 255);
	ivset_full(&p->frag, 1);
	ivset_full(&p->sport, 65535);
	ivset_full(&p->dport, 65535);
	ivset_full(&p->icmp, 65535);
	ivset_full(&p->ctstate, CT_MAX);
}

static bool pktset_empty(const struct pktset *p)
{
	return ivset_empty(&p->proto) || ivset_empty(&p->frag) ||
	       ivset_empty(&p->sport) || ivset_empty(&p->dport) ||
	       ivset_empty(&p->icmp) || ivset_empty(&p->ctstate);
}

bool pktset_covers(const struct pktset *a, const struct pktset *b)
{
	if (a->unknown)
		return false;
	if (pktset_empty(b))
		return true;
	return masked_subset(&b->src, &a->src, a->addrlen) &&
	       masked_subset(&b->dst, &a->dst, a->addrlen) &&
	       masked_subset(&b->mark, &a->mark, 4) &&
	       masked_subset(&b->tcpflags, &a->tcpflags, 1) &&
	       ifset_subset(&b->in, &a->in) &&
	       ifset_subset(&b->out, &a->out) &&
	       ivset_subset(&b->proto, &a->proto) &&
	       ivset_subset(&b->frag, &a->frag) &&
	       ivset_subset(&b->sport, &a->sport) &&
	       ivset_subset(&b->dport, &a->dport) &&
	       ivset_subset(&b->icmp, &a->icmp) &&
	       ivset_subset(&b->ctstate, &a->ctstate);
}

bool pktset_disjoint(const struct pktset *a, const struct pktset *b)
{
	return pktset_empty(a) || pktset_empty(b) ||
	       masked_disjoint(&a->src, &b->src, a->addrlen) ||
	       masked_disjoint(&a->dst, &b->dst, a->addrlen) ||
	       masked_disjoint(&a->mark, &b->mark, 4) ||
	       masked_disjoint(&a->tcpflags, &b->tcpflags, 1) ||
	       ifset_disjoint(&a->in, &b->in) ||
	       ifset_disjoint(&a->out, &b->out) ||
	       ivset_disjoint(&a->proto, &b->proto) ||
	       ivset_disjoint(&a->frag, &b->frag) ||
	       ivset_disjoint(&a->sport, &b->sport) ||
	       ivset_disjoint(&a->dport, &b->dport) ||
	       ivset_disjoint(&a->icmp, &b->icmp) ||
	       ivset_disjoint(&a->ctstate, &b->ctstate);
}

bool pktset_is_universe(const struct pktset *a)
{
	struct pktset u;

	pktset_universe(&u, a->addrlen);
	return !a->unknown && pktset_covers(a, &u);
}
