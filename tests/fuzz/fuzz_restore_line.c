/* The restore tokenizer (src/restore_line.c): one line, classified and
 * split into words. Input: one byte (bit 0: inside a *table block), then
 * the line. The buffers are reused from input to input, as restore
 * reuses them from line to line. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "restore_line.h"

static struct restore_line scratch;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned long long p, b;
	size_t sum = 0;

	if (size < 1)
		return 0;
	if (restore_parse_line((const char *)data + 1, size - 1, data[0] & 1,
			       &scratch))
		return 0;
	/* every word is a string inside the buffer */
	for (size_t i = 0; i < scratch.argc; i++)
		sum += strlen(scratch.argv[i]);
	if (sum > 2 * size)
		abort();
	if (scratch.argc && scratch.argv[scratch.argc] != NULL)
		abort();
	if (scratch.counters)
		restore_parse_counters(scratch.counters, &p, &b);
	return 0;
}
