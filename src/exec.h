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
	char msg[256];
};

/* Runs inv on its table with the family of t; takes the xtables lock
 * unless locked is false (restore holds it itself). */
void exec_invocation(const struct tool *t, const struct invocation *inv,
		     bool lock, struct exec_result *res);

#endif
