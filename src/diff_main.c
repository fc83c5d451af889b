/* `ipt diff': options, then a dry run of restoring FILE (restore.h)
 * whose "after" side is the file as the kernel would hold it. Comparing
 * through the restore path makes the comparison canonical: the file's
 * `-p tcp --dport 22' becomes the entry the kernel would get and is
 * printed back as ipt-save prints it (`-p tcp -m tcp --dport 22'), so
 * only real differences show. Only the tables FILE names are compared,
 * as a restore of it touches only those. */
#include <stdio.h>
#include <string.h>
#include "diff_main.h"
#include "restore.h"
#include <linux/netfilter.h>

static void diff_usage(const struct tool *t, FILE *f)
{
	fprintf(f, "Usage: %s diff [-4|-6] [-c] FILE\n"
		"  Compares the live ruleset with FILE (save format; - for\n"
		"  stdin): a unified diff of each table FILE names whose live\n"
		"  rules differ from what restoring FILE would make of them.\n"
		"  Exit 0 identical, 1 different, 2 error.\n"
		"  -4, -6          the family (default: the tool's)\n"
		"  -c, --counters  compare the counters too\n"
		"  -h, --help      print this help\n", t->prog);
}

/* t for the family asked for, on the same kind of backend. */
static void family_tool(const struct tool *t, bool ipv6, struct tool *out)
{
	const struct tool *other;

	*out = *t;
	if (ipv6 == (t->fam->nfproto == NFPROTO_IPV6))
		return;
	other = tool_lookup(ipv6 ? "ip6t" : "ipt");
	out->fam = other->fam;
	out->prog = other->prog;
	out->be = t->be == &nft_backend ? &nft_backend :
		  backend_get(BACKEND_LEGACY, other->fam);
}

int diff_main(const struct tool *t, int argc, char **argv)
{
	bool ipv6 = t->fam->nfproto == NFPROTO_IPV6, changed;
	struct restore_dry_opts o = { .from = "live" };
	const char *path = NULL;
	char prog[64];
	struct tool tool;
	int rc;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (strcmp(a, "-c") == 0 || strcmp(a, "--counters") == 0) {
			o.counters = true;
		} else if (strcmp(a, "-4") == 0 || strcmp(a, "-6") == 0) {
			ipv6 = a[1] == '6';
		} else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			diff_usage(t, stdout);
			return 0;
		} else if ((a[0] != '-' || strcmp(a, "-") == 0) && !path) {
			path = a;
		} else {
			fprintf(stderr, "%s diff: unexpected argument `%s'\n",
				t->prog, a);
			diff_usage(t, stderr);
			return 2;
		}
	}
	if (!path) {
		fprintf(stderr, "%s diff: no FILE given\n", t->prog);
		diff_usage(t, stderr);
		return 2;
	}
	family_tool(t, ipv6, &tool);
	/* the restore path's messages name "ipt diff" */
	snprintf(prog, sizeof(prog), "%s diff", tool.prog);
	tool.prog = prog;
	o.to = strcmp(path, "-") == 0 ? "stdin" : path;
	rc = restore_dry_run(&tool, path, &o, &changed);
	if (rc < 0)
		perror(prog);
	if (rc != 0)
		return 2;
	return changed ? 1 : 0;
}
