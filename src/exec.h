/* Runs the commands of an invocation through one table handle and
 * commits once: all of them take effect, or none. */
#ifndef IPT_EXEC_H
#define IPT_EXEC_H

#include "command.h"
#include "tool.h"

enum exec_status {
	EXEC_OK,
	EXEC_LIBIPTC,           /* libiptc refused: err holds errno */
	EXEC_PARAM,             /* a parameter problem found at run time */
	EXEC_TARGET,            /* -j names neither chain nor extension */
};

struct exec_result {
	enum exec_status status;
	int err;                /* errno for EXEC_LIBIPTC */
	const char *errmsg;     /* libiptc's text for err, or the message */
	size_t failed;          /* index of the failing command */
	char *culprit;          /* a refused commit: the rule, -S form */
	char msg[256];
};

/* Runs inv on its table with the family of t under the xtables lock:
 * open, run every command, commit once. */
void exec_invocation(const struct tool *t, const struct invocation *inv,
		     struct exec_result *res);

/* What a libiptc failure err of cmd means where libiptc's own message
 * does not say ("Too many links"), or NULL. */
const char *exec_hint(const struct command *cmd, int err);

/* The steps, for callers that keep a handle across invocations (restore).
 * exec_open exits (status 3, as iptables) when the table cannot be had. */
struct xtc_handle *exec_open(const struct family_ops *fam, const char *table);
/* Runs inv's commands on h; false (res says why) at the first failure. */
bool exec_commands(const struct family_ops *fam, struct xtc_handle *h,
		   const struct invocation *inv, struct exec_result *res);
/* -F/-X of every chain (-X: every user chain), as restore's flush does. */
bool exec_flush_table(const struct family_ops *fam, struct xtc_handle *h,
		      bool verbose);

#endif
