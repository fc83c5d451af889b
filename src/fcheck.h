/* The extensions' final checks after a command's options are parsed. */
#ifndef IPT_FCHECK_H
#define IPT_FCHECK_H

#include <xtables.h>

/* What libxtables' xtables_option_mfcall() / _tfcall() do: the
 * extension's own final check, then xtables_options_fcheck() over its
 * option table, which is skipped when the same table already passed with
 * the same option flags. */
void fcheck_match(struct xtables_match *m);
void fcheck_target(struct xtables_target *t);

/* xtables_options_fcheck(), skipped when (table, xflags) passed before. */
void fcheck_options(const char *name, unsigned int xflags,
		    const struct xt_option_entry *table);

/* Forgets every pair that passed (tests). */
void fcheck_forget(void);

#endif
