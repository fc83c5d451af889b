/* See tabletext.h. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "capture.h"
#include "save.h"
#include "tabletext.h"

bool tabletext_from_text(char *text, struct tabletext *tt)
{
	size_t n = 0, i = 0;

	memset(tt, 0, sizeof(*tt));
	for (const char *p = text; *p; p++)
		n += *p == '\n';
	/* one more for a last line without its newline */
	tt->lines = malloc((n + 1) * sizeof(*tt->lines));
	if (!tt->lines) {
		free(text);
		return false;
	}
	tt->text = text;
	for (char *p = text; *p;) {
		char *nl = strchr(p, '\n');

		tt->lines[i++] = p;
		if (!nl)
			break;
		*nl = '\0';
		p = nl + 1;
	}
	tt->n = i;
	return true;
}

/* ":INPUT ACCEPT [12:3456]" -> ":INPUT ACCEPT [0:0]" */
static void zero_policy_counters(struct tabletext *tt)
{
	for (size_t i = 0; i < tt->n; i++) {
		char *l = tt->lines[i], *br;

		if (l[0] != ':' || !(br = strrchr(l, '[')))
			continue;
		strcpy(br, "[0:0]");
	}
}

bool tabletext_from_session(struct session *s, bool counters,
			    struct tabletext *tt)
{
	struct capture c;
	size_t len;
	char *text;

	if (!capture_begin(&c))
		return false;
	save_print_table(s, counters);
	text = capture_end(&c, &len);
	if (!text) {
		errno = errno ? errno : EIO;
		return false;
	}
	if (!tabletext_from_text(text, tt))
		return false;
	if (!counters)
		zero_policy_counters(tt);
	return true;
}

void tabletext_free(struct tabletext *tt)
{
	free(tt->lines);
	free(tt->text);
	memset(tt, 0, sizeof(*tt));
}
