#include <string.h>
#include "config.h"
#include "tool.h"

#define LEGACY IPTABLES_COMPAT_VERSION " (legacy)"
#define NFT IPTABLES_COMPAT_VERSION " (nf_tables)"

#define OWN PACKAGE_VERSION
#define V4 &family_ipv4
#define V6 &family_ipv6

/* As xtables-legacy-multi, the -legacy names answer with the plain
 * program name in messages. */
const struct tool tool_table[] = {
	{ "ipt",                      "ipt",               OWN, V4, TOOL_MAIN, true, BACKEND_AUTO, NULL },
	{ "ip6t",                     "ip6t",              OWN, V6, TOOL_MAIN, true, BACKEND_AUTO, NULL },
	{ "ipt-save",                 "ipt-save",          OWN, V4, TOOL_SAVE, true, BACKEND_AUTO, NULL },
	{ "ip6t-save",                "ip6t-save",         OWN, V6, TOOL_SAVE, true, BACKEND_AUTO, NULL },
	{ "ipt-restore",              "ipt-restore",       OWN, V4, TOOL_RESTORE, true, BACKEND_AUTO, NULL },
	{ "ip6t-restore",             "ip6t-restore",      OWN, V6, TOOL_RESTORE, true, BACKEND_AUTO, NULL },
	{ "ipt-xml",                  "ipt-xml",           OWN, V4, TOOL_XML, true, BACKEND_AUTO, NULL },
	{ "iptables",                 "iptables",          LEGACY, V4, TOOL_MAIN, false, BACKEND_LEGACY, NULL },
	{ "iptables-legacy",          "iptables",          LEGACY, V4, TOOL_MAIN, false, BACKEND_LEGACY, NULL },
	{ "ip6tables",                "ip6tables",         LEGACY, V6, TOOL_MAIN, false, BACKEND_LEGACY, NULL },
	{ "ip6tables-legacy",         "ip6tables",         LEGACY, V6, TOOL_MAIN, false, BACKEND_LEGACY, NULL },
	{ "iptables-save",            "iptables-save",     LEGACY, V4, TOOL_SAVE, false, BACKEND_LEGACY, NULL },
	{ "iptables-legacy-save",     "iptables-save",     LEGACY, V4, TOOL_SAVE, false, BACKEND_LEGACY, NULL },
	{ "ip6tables-save",           "ip6tables-save",    LEGACY, V6, TOOL_SAVE, false, BACKEND_LEGACY, NULL },
	{ "ip6tables-legacy-save",    "ip6tables-save",    LEGACY, V6, TOOL_SAVE, false, BACKEND_LEGACY, NULL },
	{ "iptables-restore",         "iptables-restore",  LEGACY, V4, TOOL_RESTORE, false, BACKEND_LEGACY, NULL },
	{ "iptables-legacy-restore",  "iptables-restore",  LEGACY, V4, TOOL_RESTORE, false, BACKEND_LEGACY, NULL },
	{ "ip6tables-restore",        "ip6tables-restore", LEGACY, V6, TOOL_RESTORE, false, BACKEND_LEGACY, NULL },
	{ "ip6tables-legacy-restore", "ip6tables-restore", LEGACY, V6, TOOL_RESTORE, false, BACKEND_LEGACY, NULL },
	{ "iptables-xml",             "iptables-xml",      LEGACY, V4, TOOL_XML, false, BACKEND_LEGACY, NULL },
	/* iptables-nft 1.8.9's names: the nf_tables backend. */
	{ "iptables-nft",             "iptables",          NFT, V4, TOOL_MAIN, false, BACKEND_NFT, NULL },
	{ "ip6tables-nft",            "ip6tables",         NFT, V6, TOOL_MAIN, false, BACKEND_NFT, NULL },
	{ "iptables-nft-save",        "iptables-nft-save", NFT, V4, TOOL_SAVE, false, BACKEND_NFT, NULL },
	{ "ip6tables-nft-save",       "ip6tables-nft-save", NFT, V6, TOOL_SAVE, false, BACKEND_NFT, NULL },
	{ "iptables-nft-restore",     "iptables-nft-restore", NFT, V4, TOOL_RESTORE, false, BACKEND_NFT, NULL },
	{ "ip6tables-nft-restore",    "ip6tables-nft-restore", NFT, V6, TOOL_RESTORE, false, BACKEND_NFT, NULL },
	/* The names Debian's update-alternatives points iptables at. */
	{ "iptables-ipt",             "iptables",          LEGACY, V4, TOOL_MAIN, false, BACKEND_LEGACY, NULL },
	{ "ip6tables-ipt",            "ip6tables",         LEGACY, V6, TOOL_MAIN, false, BACKEND_LEGACY, NULL },
	{ "iptables-ipt-save",        "iptables-save",     LEGACY, V4, TOOL_SAVE, false, BACKEND_LEGACY, NULL },
	{ "ip6tables-ipt-save",       "ip6tables-save",    LEGACY, V6, TOOL_SAVE, false, BACKEND_LEGACY, NULL },
	{ "iptables-ipt-restore",     "iptables-restore",  LEGACY, V4, TOOL_RESTORE, false, BACKEND_LEGACY, NULL },
	{ "ip6tables-ipt-restore",    "ip6tables-restore", LEGACY, V6, TOOL_RESTORE, false, BACKEND_LEGACY, NULL },
	/* ... and for the nf_tables provider. */
	{ "iptables-ipt-nft",         "iptables",          NFT, V4, TOOL_MAIN, false, BACKEND_NFT, NULL },
	{ "ip6tables-ipt-nft",        "ip6tables",         NFT, V6, TOOL_MAIN, false, BACKEND_NFT, NULL },
	{ "iptables-ipt-nft-save",    "iptables-save",     NFT, V4, TOOL_SAVE, false, BACKEND_NFT, NULL },
	{ "ip6tables-ipt-nft-save",   "ip6tables-save",    NFT, V6, TOOL_SAVE, false, BACKEND_NFT, NULL },
	{ "iptables-ipt-nft-restore", "iptables-restore",  NFT, V4, TOOL_RESTORE, false, BACKEND_NFT, NULL },
	{ "ip6tables-ipt-nft-restore", "ip6tables-restore", NFT, V6, TOOL_RESTORE, false, BACKEND_NFT, NULL },
	{ NULL, NULL, NULL, NULL, TOOL_MAIN, false, BACKEND_AUTO, NULL },
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
