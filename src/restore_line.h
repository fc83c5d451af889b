/* One line of iptables-restore input, classified and split into words the
 * way iptables-restore 1.8.9 splits it, minus its silent corruptions. */
#ifndef IPT_RESTORE_LINE_H
#define IPT_RESTORE_LINE_H

#include <stdbool.h>
#include <stddef.h>

enum restore_kind {
	RL_BLANK,
	RL_COMMENT,
	RL_TABLE,       /* "*name" outside a table */
	RL_CHAIN,       /* ":NAME POLICY [p:b]" inside a table */
	RL_COMMIT,      /* "COMMIT" inside a table */
	RL_RULE,        /* any other line inside a table: a command */
	RL_STRAY,       /* any other line outside a table */
};

struct restore_line {
	enum restore_kind kind;
	char *name;             /* RL_TABLE, RL_CHAIN; NULL if missing */
	char *policy;           /* RL_CHAIN; NULL if missing */
	char *counters;         /* RL_CHAIN: the "[p:b]" word, if any */
	char *pcnt, *bcnt;      /* RL_RULE: a "[p:b] " prefix, if any */
	bool bad_counters;      /* the error is in that prefix */
	bool oom;               /* the error is "out of memory" */
	size_t argc;            /* RL_RULE: the words */
	char **argv;
	size_t longest;         /* RL_RULE: the longest word's strlen */
	char *buf;              /* storage the pointers above point into */
	size_t bufcap, argvcap; /* kept from line to line */
};

/* Parses text (len bytes, the line ending removed). in_table says whether
 * a "*table" line is open. Returns NULL, or why the line is malformed.
 * out's storage is reused from call to call: zero it before the first,
 * free it with restore_line_free() after the last. */
const char *restore_parse_line(const char *text, size_t len, bool in_table,
			       struct restore_line *out);
void restore_line_free(struct restore_line *l);

/* "[123:456]" -> counters; false if it is not exactly that. */
bool restore_parse_counters(const char *word, unsigned long long *pcnt,
			    unsigned long long *bcnt);

#endif
