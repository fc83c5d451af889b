/* The iptables-xml converter (src/xml.c). Input: one byte of flags
 * (bit 0 --combine, bit 1 --verbose), then the save file. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include "fuzz_common.h"
#include "xml.h"

struct xml_call {
	int argc;
	char **argv;
};

static void run(void *arg)
{
	struct xml_call *c = arg;

	xml_main("ipt-xml", "0.1.0", c->argc, c->argv);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *argv[4];
	struct xml_call c = { .argv = argv };
	FILE *in, *saved = stdin;

	if (size < 2 || size > 65536)
		return 0;
	argv[c.argc++] = "ipt-xml";
	if (data[0] & 1)
		argv[c.argc++] = "--combine";
	if (data[0] & 2)
		argv[c.argc++] = "--verbose";
	argv[c.argc] = NULL;
	in = fmemopen((void *)(data + 1), size - 1, "r");
	if (!in)
		return 0;
	stdin = in;
	fuzz_call(run, &c);
	stdin = saved;
	fclose(in);
	return 0;
}
