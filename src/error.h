/* An error as a value: what iptables would print before it exits, and
 * the status it exits with. The parser returns one instead of exiting
 * (nftables' struct error_record); main and restore decide to exit. */
#ifndef IPT_ERROR_H
#define IPT_ERROR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdnoreturn.h>

struct error_record {
	int status;             /* the exit status (enum xtables_exittype) */
	bool tryhelp_only;      /* iptables' exit_tryhelp(): hint lines only */
	char position[96];      /* "command 2 (-A web): ", own names only */
	bool uncommitted;       /* add "nothing was committed" (own names) */
	int line;               /* restore's line number; -1: none */
	char *text;             /* the message (malloc'd; NULL: none) */
};

/* Prints on stderr what iptables prints for rec. */
void error_print(const struct error_record *rec);
/* Prints it and exits with its status. */
noreturn void error_exit(const struct error_record *rec);
/* Frees the record's text (for callers that go on). */
void error_free(struct error_record *rec);

#endif
