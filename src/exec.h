/* Runs the commands of an invocation through one table session and
 * commits once: all of them take effect, or none. */
#ifndef IPT_EXEC_H
#define IPT_EXEC_H

#include <stdnoreturn.h>
#include "command.h"
#include "tabletext.h"
#include "tool.h"

enum exec_status {
	EXEC_OK,
	EXEC_LIBIPTC,           /* the backend refused: err holds errno */
	EXEC_PARAM,             /* a parameter problem found at run time */
	EXEC_TARGET,            /* -j names neither chain nor extension */
	EXEC_GOTO,              /* -g names no chain */
	EXEC_UNLISTABLE,        /* -L/-S of rules iptables-nft cannot show */
};

struct exec_result {
	enum exec_status status;
	int err;                /* errno for EXEC_LIBIPTC */
	const char *errmsg;     /* the backend's text for err */
	size_t failed;          /* index of the failing command */
	bool at_commit;         /* the kernel refused the commit */
	char *culprit;          /* a refused commit: explain()'s line */
	/* a listing (-L, -S) showed changes of earlier commands */
	bool showed_uncommitted;
	char msg[256];
};

/* Runs inv on its table with t's family and backend: open (with the
 * xtables lock on legacy), run every command, commit once. */
void exec_invocation(const struct tool *t, const struct invocation *inv,
		     struct exec_result *res);

/* A dry run's two views of its table, as save lines without counters:
 * as the kernel has it, and as the commands would leave it. */
struct exec_preview {
	struct tabletext before, after;
};

/* As exec_invocation, but nothing is committed: instead of the commit
 * the backend lets the kernel check the changes where it can
 * (validate(): nf_tables), else they are only dropped (libiptc). res
 * says what failed as for a real run; on success pv holds both views
 * (exec_preview_free()). Listings of the commands still print. */
void exec_dry_run(const struct tool *t, const struct invocation *inv,
		  struct exec_result *res, struct exec_preview *pv);
void exec_preview_free(struct exec_preview *pv);

/* Exits for a failure the backend did not report (status EXEC_PARAM,
 * EXEC_TARGET, EXEC_GOTO) with the words of the tool being replaced:
 * iptables-nft finds a missing chain only when it appends. */
noreturn void exec_die_param(const struct exec_result *res, bool nft);

/* What a libiptc failure err of cmd means where libiptc's own message
 * does not say ("Too many links"), or NULL. */
const char *exec_hint(const struct command *cmd, int err);

/* The steps, for callers that keep a session across invocations (restore).
 * exec_open exits (status 3, as iptables) when the table cannot be had. */
struct session *exec_open(const struct tool *t, const char *table, int wait);
/* Runs inv's commands on s, tagging the changes of command i with tag + i
 * (see struct session); false (res says why) at the first failure. */
bool exec_commands(struct session *s, const struct invocation *inv,
		   unsigned int tag, struct exec_result *res);

#endif
