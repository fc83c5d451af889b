/* The whole restore path (src/restore.c and all it calls: tokenizer,
 * parser, executor) up to and including the commit, on the stub backend:
 * no kernel is involved. Input: one byte of flags (bit 0 -c, 1 -n, 2 -v,
 * 3 -T filter, 4 -t, bits 5-6 the tool: iptables-restore, ipt-restore,
 * iptables-nft-restore, 7 --json: the input is a JSON document, which
 * only ipt-restore takes), then the restore file.
 *
 * What a restore that ends in exit() had allocated on its own stack's
 * behalf (line buffers, the parsed command) is lost with it: long runs
 * grow, and want libFuzzer's -fork mode (see the README). */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <getopt.h>
#include "fuzz_common.h"
#include "restore.h"
#include "stub_backend.h"
#include "xt.h"

struct restore_call {
	const struct tool *t;
	int argc;
	char **argv;
};

static void run(void *arg)
{
	struct restore_call *c = arg;

	restore_main(c->t, c->argc, c->argv);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names4[] = {
		"iptables-restore", "ipt-restore", "iptables-nft-restore",
		"iptables-restore",
	};
	static const char *const names6[] = {
		"ip6tables-restore", "ip6t-restore", "ip6tables-nft-restore",
		"ip6tables-restore",
	};
	const char *const *names = fuzz_family() == 6 ? names6 : names4;
	char *argv[11];
	struct restore_call c = { .argv = argv };
	FILE *in, *saved = stdin;

	if (size < 2 || size > 65536)
		return 0;
	c.t = fuzz_tool(names[(data[0] >> 5) & 3]);
	argv[c.argc++] = (char *)c.t->invoked;
	if (data[0] & 1)
		argv[c.argc++] = "-c";
	if (data[0] & 2)
		argv[c.argc++] = "-n";
	if (data[0] & 4)
		argv[c.argc++] = "-v";
	if (data[0] & 8)
		argv[c.argc++] = "-Tfilter";
	if (data[0] & 16)
		argv[c.argc++] = "-t";
	if (data[0] & 128)
		argv[c.argc++] = "--json";
	argv[c.argc] = NULL;
	in = fmemopen((void *)(data + 1), size - 1, "r");
	if (!in)
		return 0;
	stdin = in;
	optind = 0;
	if (fuzz_call(run, &c) >= 0)
		fuzz_reset_extensions();
	stub_close_all();
	stdin = saved;
	fclose(in);
	return 0;
}
