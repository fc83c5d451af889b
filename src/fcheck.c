/* libxtables' xtables_options_fcheck() checks an extension's option
 * table against the options a rule gave (mandatory ones, "also requires",
 * "cannot be used together with"): for every option given it looks up
 * each of the 32 possible ids in the table by a linear walk, about 2,000
 * instructions for a conntrack match. Its verdict depends only on the
 * table and the flags (the name only goes into its messages), and a
 * restore's rules repeat the same few pairs, so a pair that passed once is
 * not checked again. A pair that fails is never remembered: it fails
 * through libxtables, with its message, every time. */
#include <stdint.h>
#include <string.h>
#include "fcheck.h"

struct passed {
	const struct xt_option_entry *table;
	unsigned int xflags;
};

/* Direct-mapped: a pair evicted by another is checked again, no more. */
#define FCHECK_SLOTS 256
static struct passed passed[FCHECK_SLOTS];

static size_t slot_of(const struct xt_option_entry *table,
		      unsigned int xflags)
{
	uintptr_t h = (uintptr_t)table ^ (uintptr_t)xflags * 0x9e3779b1u;

	return (h >> 4 ^ h >> 12) % FCHECK_SLOTS;
}

void fcheck_options(const char *name, unsigned int xflags,
		    const struct xt_option_entry *table)
{
	struct passed *p = &passed[slot_of(table, xflags)];

	if (p->table == table && p->xflags == xflags)
		return;
	xtables_options_fcheck(name, xflags, table);   /* may not return */
	p->table = table;
	p->xflags = xflags;
}

void fcheck_forget(void)
{
	memset(passed, 0, sizeof(passed));
}

/* The dispatch of xtables_option_mfcall(), in its order. */
void fcheck_match(struct xtables_match *m)
{
	if (m->x6_fcheck != NULL) {
		struct xt_fcheck_call cb = {
			.ext_name = m->name,
			.data = m->m->data,
			.xflags = m->mflags,
			.udata = m->udata,
		};

		m->x6_fcheck(&cb);
	} else if (m->final_check != NULL) {
		m->final_check(m->mflags);
	}
	if (m->x6_options != NULL)
		fcheck_options(m->name, m->mflags, m->x6_options);
}

/* The dispatch of xtables_option_tfcall(), in its order. */
void fcheck_target(struct xtables_target *t)
{
	if (t->x6_fcheck != NULL) {
		struct xt_fcheck_call cb = {
			.ext_name = t->name,
			.data = t->t->data,
			.xflags = t->tflags,
			.udata = t->udata,
		};

		t->x6_fcheck(&cb);
	} else if (t->final_check != NULL) {
		t->final_check(t->tflags);
	}
	if (t->x6_options != NULL)
		fcheck_options(t->name, t->tflags, t->x6_options);
}
