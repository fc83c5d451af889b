/* A table as the lines of its save text ("*filter" .. "COMMIT"), the form
 * in which dry runs, diffs and apply compare rulesets: the same text
 * ipt-save prints, so a difference shown is one the user can read and
 * replay. */
#ifndef IPT_TABLETEXT_H
#define IPT_TABLETEXT_H

#include <stdbool.h>
#include <stddef.h>
#include "backend.h"

struct tabletext {
	char *text;             /* the whole text, its newlines cut */
	char **lines;           /* into text */
	size_t n;
};

/* s's table as it stands in the session (changes not yet committed
 * included), with rule counters when counters. Policies keep their
 * counters only when counters: without, they read "[0:0]" so that
 * traffic alone makes no difference. False with errno on failure. */
bool tabletext_from_session(struct session *s, bool counters,
			    struct tabletext *tt);
/* Takes a text (malloc'd; owned by tt from now on) apart into lines. */
bool tabletext_from_text(char *text, struct tabletext *tt);
void tabletext_free(struct tabletext *tt);

#endif
