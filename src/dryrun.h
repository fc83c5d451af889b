/* What dry runs and diffs share: the two views of each table a run
 * touches (as the kernel has it, as the run would leave it), kept in the
 * order the tables came, and their printing as unified diffs. */
#ifndef IPT_DRYRUN_H
#define IPT_DRYRUN_H

#include <stdbool.h>
#include <stdio.h>
#include <linux/netfilter/x_tables.h>
#include "tabletext.h"

struct dryrun_table {
	char name[XT_TABLE_MAXNAMELEN];
	struct tabletext before, after;
	bool done;              /* after is taken */
};

struct dryrun {
	struct dryrun_table *tables;
	size_t n, cap;
};

/* The entry of table name, added (empty) if there is none. */
struct dryrun_table *dryrun_table(struct dryrun *d, const char *name);
void dryrun_free(struct dryrun *d);

/* Prints the diff from before to after under "--- NAME (from)" and
 * "+++ NAME (to)", as diff -u (3 lines of context); nothing when they
 * are equal. 1 if they differ, 0 if not, -1 out of memory. */
int dryrun_print(FILE *out, const char *name, const char *from,
		 const char *to, const struct tabletext *before,
		 const struct tabletext *after);
/* dryrun_print of every table of d in order: 1 if any differs, 0 if
 * none, -1 out of memory. */
int dryrun_print_all(FILE *out, const struct dryrun *d, const char *from,
		     const char *to);

#endif
