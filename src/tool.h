/* Which tool an invocation name selects: family, mode and the name and
 * version that messages carry. */
#ifndef IPT_TOOL_H
#define IPT_TOOL_H

#include <stdbool.h>
#include "backend.h"

enum tool_kind { TOOL_MAIN, TOOL_SAVE, TOOL_RESTORE, TOOL_XML };

struct tool {
	const char *invoked;    /* the argv[0] basename it answers to */
	const char *prog;       /* name in messages: "iptables", "ipt" ... */
	const char *version;    /* "1.8.9 (legacy)" or ipt's own */
	const struct family_ops *fam;
	enum tool_kind kind;
	bool own_name;          /* ipt's own name: its extensions are on */
	enum backend_kind backend;      /* AUTO: --nft/--legacy or detect */
	const struct backend_ops *be;   /* chosen by main(); NULL in the table */
};

/* The tool for an argv[0] (any directory part is ignored); NULL if none.
 * Its be is not set: main() picks the backend. */
const struct tool *tool_lookup(const char *argv0);
/* Every known tool, terminated by an entry with invoked == NULL. */
extern const struct tool tool_table[];

#endif
