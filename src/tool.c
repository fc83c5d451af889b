#include <string.h>
#include "config.h"
#include "tool.h"

#define LEGACY IPTABLES_COMPAT_VERSION " (legacy)"

/* The -save and -restore names are reserved here for their tools. */
const struct tool tool_table[] = {
	{ "ipt",              "ipt",       PACKAGE_VERSION, &family_ipv4, TOOL_MAIN, true },
	{ "ip6t",             "ip6t",      PACKAGE_VERSION, &family_ipv6, TOOL_MAIN, true },
	{ "iptables",         "iptables",  LEGACY, &family_ipv4, TOOL_MAIN, false },
	{ "iptables-legacy",  "iptables",  LEGACY, &family_ipv4, TOOL_MAIN, false },
	{ "ip6tables",        "ip6tables", LEGACY, &family_ipv6, TOOL_MAIN, false },
	{ "ip6tables-legacy", "ip6tables", LEGACY, &family_ipv6, TOOL_MAIN, false },
	{ NULL, NULL, NULL, NULL, TOOL_MAIN, false },
};

const struct tool *tool_lookup(const char *argv0)
{
	const char *base = strrchr(argv0, '/');

	base = base ? base + 1 : argv0;
	for (const struct tool *t = tool_table; t->invoked; t++)
		if (strcmp(t->invoked, base) == 0)
			return t;
	return NULL;
}
