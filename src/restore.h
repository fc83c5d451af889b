/* iptables-restore / ip6tables-restore / ipt-restore. */
#ifndef IPT_RESTORE_H
#define IPT_RESTORE_H

#include <stdbool.h>
#include <stdio.h>
#include "tool.h"

int restore_main(const struct tool *t, int argc, char **argv);

/* What restore_dry_run() is asked besides a plain restore. */
struct restore_dry_opts {
	bool counters;          /* -c: counters from the file, and compared */
	bool noflush;           /* -n */
	/* the diff's labels, "--- TABLE (from)" / "+++ TABLE (to)";
	 * NULL: "now" and "after", as ipt-restore --dry-run */
	const char *from, *to;
};

/* ipt-restore --dry-run of path (NULL or "-": stdin) for t's family and
 * backend (t: any tool of ipt's own names, its be set): parses, checks
 * and, on nf_tables, has the kernel check the file's one batch, commits
 * nothing, and prints on stdout a diff per table the file would change,
 * in file order. Messages go to stderr as ipt-restore's, named t->prog.
 * Runs in a child process (the restore path exits at its first error,
 * and libxtables keeps global state), so it returns: 0 when the restore
 * would succeed (*changed: whether any table would change), else the
 * status ipt-restore would exit with (1, 2, 4); -1 when no child could
 * be run. For `ipt diff' and `ipt apply --check'. */
int restore_dry_run(const struct tool *t, const char *path,
		    const struct restore_dry_opts *o, bool *changed);

/* A dry run of restore tool t on path in this process, which it leaves
 * as the restore tool would on bad input (exit): each table the file
 * names as the file would leave it, in save format without counters,
 * into out; nothing is committed. For callers that fork (ipt apply). */
void restore_dry_run_after(const struct tool *t, const char *path, FILE *out);

#endif
