#include <string.h>
#include "config.h"
#include "tool.h"

#define LEGACY IPTABLES_COMPAT_VERSION " (legacy)"

#define OWN PACKAGE_VERSION
#define V4 &family_ipv4
#define V6 &family_ipv6

/* As xtables-legacy-multi, the -legacy names answer with the plain
 * program name in messages. */
const struct tool tool_table[] = {
	{ "ipt",                      "ipt",               OWN, V4, TOOL_MAIN, true },
	{ "ip6t",                     "ip6t",              OWN, V6, TOOL_MAIN, true },
	{ "ipt-save",                 "ipt-save",          OWN, V4, TOOL_SAVE, true },
	{ "ip6t-save",                "ip6t-save",         OWN, V6, TOOL_SAVE, true },
	{ "ipt-restore",              "ipt-restore",       OWN, V4, TOOL_RESTORE, true },
	{ "ip6t-restore",             "ip6t-restore",      OWN, V6, TOOL_RESTORE, true },
	{ "ipt-xml",                  "ipt-xml",           OWN, V4, TOOL_XML, true },
	{ "iptables",                 "iptables",          LEGACY, V4, TOOL_MAIN, false },
	{ "iptables-legacy",          "iptables",          LEGACY, V4, TOOL_MAIN, false },
	{ "ip6tables",                "ip6tables",         LEGACY, V6, TOOL_MAIN, false },
	{ "ip6tables-legacy",         "ip6tables",         LEGACY, V6, TOOL_MAIN, false },
	{ "iptables-save",            "iptables-save",     LEGACY, V4, TOOL_SAVE, false },
	{ "iptables-legacy-save",     "iptables-save",     LEGACY, V4, TOOL_SAVE, false },
	{ "ip6tables-save",           "ip6tables-save",    LEGACY, V6, TOOL_SAVE, false },
	{ "ip6tables-legacy-save",    "ip6tables-save",    LEGACY, V6, TOOL_SAVE, false },
	{ "iptables-restore",         "iptables-restore",  LEGACY, V4, TOOL_RESTORE, false },
	{ "iptables-legacy-restore",  "iptables-restore",  LEGACY, V4, TOOL_RESTORE, false },
	{ "ip6tables-restore",        "ip6tables-restore", LEGACY, V6, TOOL_RESTORE, false },
	{ "ip6tables-legacy-restore", "ip6tables-restore", LEGACY, V6, TOOL_RESTORE, false },
	{ "iptables-xml",             "iptables-xml",      LEGACY, V4, TOOL_XML, false },
	/* The names Debian's update-alternatives points iptables at. */
	{ "iptables-ipt",             "iptables",          LEGACY, V4, TOOL_MAIN, false },
	{ "ip6tables-ipt",            "ip6tables",         LEGACY, V6, TOOL_MAIN, false },
	{ "iptables-ipt-save",        "iptables-save",     LEGACY, V4, TOOL_SAVE, false },
	{ "ip6tables-ipt-save",       "ip6tables-save",    LEGACY, V6, TOOL_SAVE, false },
	{ "iptables-ipt-restore",     "iptables-restore",  LEGACY, V4, TOOL_RESTORE, false },
	{ "ip6tables-ipt-restore",    "ip6tables-restore", LEGACY, V6, TOOL_RESTORE, false },
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
