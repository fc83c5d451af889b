/* A whole ruleset in memory, as plain data: tables -> chains -> rules,
 * each rule its kernel entry (libiptc layout), its target's name and its
 * save line. Loaded from the live kernel through a backend session or
 * from a save file without one (ruleset_load.c); read by lint. */
#ifndef IPT_RULESET_H
#define IPT_RULESET_H

#include <stdbool.h>
#include <stddef.h>
#include "backend.h"
#include "tool.h"

enum rule_target {
	RT_NONE,        /* no -j: counts and goes on */
	RT_VERDICT,     /* ACCEPT, DROP, QUEUE, RETURN */
	RT_CHAIN,       /* -j / -g to a user chain */
	RT_EXTENSION,   /* a target extension (REJECT, LOG, ...) */
};

struct rs_rule {
	void *entry;            /* malloc'd copy */
	size_t size;
	char *target;           /* "ACCEPT", a chain, "REJECT", "" */
	enum rule_target kind;
	bool is_goto;
	char *line;             /* "-A CHAIN ..." without counters */
	unsigned int num;       /* 1-based position in its chain */
};

struct rs_chain {
	char *name;
	char *policy;           /* NULL for a user chain */
	size_t nrules;
	struct rs_rule *rules;
};

struct rs_table {
	char *name;
	size_t nchains;
	struct rs_chain *chains;
};

struct ruleset {
	const struct family_ops *fam;
	bool live;              /* read from this host's kernel */
	size_t ntables;
	struct rs_table *tables;
};

struct rs_table *ruleset_table(const struct ruleset *rs, const char *name);
struct rs_chain *ruleset_chain(const struct rs_table *t, const char *name);
struct rs_table *ruleset_add_table(struct ruleset *rs, const char *name);
struct rs_chain *ruleset_add_chain(struct rs_table *t, const char *name,
				   const char *policy);
/* Inserts a copy of entry at 0-based position pos (SIZE_MAX: append). */
struct rs_rule *ruleset_add_rule(struct rs_chain *c, size_t pos,
				 const void *entry, size_t size,
				 const char *target, enum rule_target kind,
				 bool is_goto);
void ruleset_free(struct ruleset *rs);

/* Every table of t's family the kernel holds, through t's backend.
 * Returns false with a message in err (size errlen) on failure. */
bool ruleset_load_live(const struct tool *t, struct ruleset *rs,
		       char *err, size_t errlen);
/* A save file (iptables-save format); "-": stdin. Returns false with a
 * message in err; a rule line the parser refuses exits as
 * iptables-restore's do (status 2). */
bool ruleset_load_file(const struct tool *t, const char *path,
		       struct ruleset *rs, char *err, size_t errlen);

/* Numbers the rules and fills their save lines (print_rule_save). */
bool ruleset_render(struct ruleset *rs);

#endif
