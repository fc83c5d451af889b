/* `ipt lint': options, loading, analysis, printing, exit status. */
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lint.h"
#include "lint_main.h"
#include "lint_print.h"
#include "xt.h"

/* A save file is read without a kernel: every extension revision
 * libxtables has counts as supported (the newest is taken), where the
 * backend would ask the kernel. */
static int offline_compat_rev(const char *name, uint8_t rev, int opt)
{
	(void)name;
	(void)rev;
	(void)opt;
	return 1;
}

void analysis_setup(const struct tool *t, bool ipv6, bool offline,
		    struct tool *out)
{
	static struct backend_ops offline_be;
	const struct tool *other;
	bool is_v6 = t->fam->nfproto == NFPROTO_IPV6;

	*out = *t;
	if (ipv6 != is_v6) {
		other = tool_lookup(ipv6 ? "ip6t" : "ipt");
		out->fam = other->fam;
		out->prog = other->prog;
		out->be = t->be == &nft_backend ? &nft_backend :
			  backend_get(BACKEND_LEGACY, other->fam);
	}
	if (offline) {
		offline_be = *out->be;
		offline_be.compat_rev = offline_compat_rev;
		out->be = &offline_be;
	}
	xt_init(out);
}

void analysis_load(const struct tool *t, const char *path,
		   struct ruleset *rs)
{
	char err[300] = "";
	bool ok = path ? ruleset_load_file(t, path, rs, err, sizeof(err))
		       : ruleset_load_live(t, rs, err, sizeof(err));

	if (ok && !ruleset_render(rs)) {
		ok = false;
		snprintf(err, sizeof(err), "cannot print the rules");
	}
	if (!ok) {
		fprintf(stderr, "%s: %s%s%s\n", t->prog, path ? path : "",
			path ? ": " : "", err);
		exit(2);
	}
}

static void lint_usage(const struct tool *t, FILE *f)
{
	fprintf(f, "Usage: %s lint [-4|-6] [FILE] [--json]\n"
		"  Finds duplicate, shadowed, redundant and unreachable rules,\n"
		"  unused chains, jumps to empty chains, self-loops and (live)\n"
		"  missing interfaces, in FILE (save format; - for stdin) or\n"
		"  in the live ruleset.\n"
		"  -4, -6        the family (default: the tool's)\n"
		"  --json        print the findings as JSON\n"
		"  -h, --help    print this help\n", t->prog);
}

static bool iface_exists(const char *name)
{
	return if_nametoindex(name) != 0;
}

int lint_main(const struct tool *t, int argc, char **argv)
{
	bool json = false, ipv6 = t->fam->nfproto == NFPROTO_IPV6;
	const char *path = NULL;
	struct ruleset rs = { 0 };
	struct lint_report rep = { 0 };
	struct lint_opts o = { 0 };
	struct tool tool;
	int status;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (strcmp(a, "--json") == 0) {
			json = true;
		} else if (strcmp(a, "-4") == 0 || strcmp(a, "-6") == 0) {
			ipv6 = a[1] == '6';
		} else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			lint_usage(t, stdout);
			return 0;
		} else if ((a[0] != '-' || strcmp(a, "-") == 0) && !path) {
			path = a;
		} else {
			fprintf(stderr, "%s lint: unexpected argument `%s'\n",
				t->prog, a);
			lint_usage(t, stderr);
			return 2;
		}
	}
	analysis_setup(t, ipv6, path != NULL, &tool);
	analysis_load(&tool, path, &rs);
	if (!path)
		o.iface_exists = iface_exists;
	lint_ruleset(&rs, &o, &rep);
	if (json)
		lint_print_json(stdout, &rep);
	else
		lint_print_text(stdout, &rep);
	status = lint_exit_status(&rep);
	lint_report_free(&rep);
	ruleset_free(&rs);
	xtables_fini();
	return status;
}
