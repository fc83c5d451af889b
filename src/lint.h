/* ipt lint: finds dead and wrong rules in a struct ruleset. Analysis
 * only: plain data in, findings out; lint_print.c prints them and
 * lint_main.c runs the tool. The anomaly classes follow pfctl's ruleset
 * optimizer and Al-Shaer and Hamed's (shadowing, redundancy). */
#ifndef IPT_LINT_H
#define IPT_LINT_H

#include <stdbool.h>
#include <stddef.h>
#include "ruleset.h"

enum lint_kind {
	LINT_DUPLICATE,
	LINT_SHADOWED,
	LINT_REDUNDANT,
	LINT_UNREACHABLE,
	LINT_UNUSED_CHAIN,
	LINT_EMPTY_JUMP,
	LINT_SELF_LOOP,
	LINT_MISSING_INTERFACE,
};

enum lint_severity { LINT_WARNING, LINT_ERROR };

struct lint_finding {
	enum lint_kind kind;
	enum lint_severity severity;
	const char *table, *chain;      /* point into the ruleset */
	unsigned int rule;              /* 0: the chain itself */
	const char *line;               /* the rule's save line, or NULL */
	const char *by_chain;           /* the rule that causes it, or NULL */
	unsigned int by_rule;
	char message[160];
};

struct lint_report {
	size_t n;
	struct lint_finding *findings;
};

struct lint_opts {
	/* Live mode: whether this host has an interface of that name.
	 * NULL: no missing-interface check (a save file). */
	bool (*iface_exists)(const char *name);
};

void lint_ruleset(const struct ruleset *rs, const struct lint_opts *o,
		  struct lint_report *out);
void lint_report_free(struct lint_report *r);

const char *lint_kind_name(enum lint_kind k);
const char *lint_severity_name(enum lint_severity s);

/* 0 no findings, 1 warnings only, 2 an error. */
int lint_exit_status(const struct lint_report *r);

#endif
