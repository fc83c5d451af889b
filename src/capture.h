/* What the printers write to stdout, caught in memory: the printers and
 * libxtables' save functions write to stdout and nowhere else, and a dry
 * run, a diff or an apply needs a table's save text as data. */
#ifndef IPT_CAPTURE_H
#define IPT_CAPTURE_H

#include <stdbool.h>
#include <stddef.h>

struct capture {
	int saved;              /* the real stdout, dup'd */
	int fd;                 /* where stdout goes meanwhile */
};

/* Points stdout (the descriptor, so that every writer is caught) at an
 * anonymous file. False with errno set if it could not. */
bool capture_begin(struct capture *c);
/* Puts stdout back and returns what was written, NUL-terminated and
 * malloc'd, its length in *len; NULL (stdout restored) on failure. */
char *capture_end(struct capture *c, size_t *len);

#endif
