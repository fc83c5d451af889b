/* ipt-restore --json: a document as ipt-save --json writes it, turned
 * into the restore input a save file with counters would be, so that the
 * restore tool runs it as it runs any file. */
#ifndef IPT_RESTORE_JSON_H
#define IPT_RESTORE_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include "tool.h"

struct json_restore {
	char *text;             /* the restore input */
	size_t len;
	char **where;           /* where[i]: what line i + 1 of text came
				 * from ("table filter, chain INPUT, rule 3") */
	size_t nlines;
};

/* Reads the document (len bytes of doc) for tool t: checks its shape,
 * that its family is t's and that each rule parses as a rule of its
 * table (with noflush a jump may name a chain the kernel has; without,
 * only one the document declares in that table); tables other than
 * only_table (when not NULL) are converted but not checked. False with
 * one line in err (errlen bytes) that says where. Free out with
 * json_restore_free(). */
bool json_restore_read(const struct tool *t, const char *doc, size_t len,
		       const char *only_table, bool noflush,
		       struct json_restore *out, char *err, size_t errlen);
/* The origin of line (1-based) of out->text; NULL when none. */
const char *json_restore_where(const struct json_restore *jr,
			       unsigned int line);
void json_restore_free(struct json_restore *jr);

#endif
