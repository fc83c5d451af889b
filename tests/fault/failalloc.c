/* LD_PRELOAD shim for tests/integration/failalloc.sh: makes one chosen
 * allocation of the process fail, as a machine out of memory would.
 *
 *   IPT_FAILALLOC_N=n        the n-th malloc/calloc/realloc call (counted
 *                            from this library's constructor, 1-based)
 *                            returns NULL with errno ENOMEM; only that one
 *   IPT_FAILALLOC_COUNT=FILE at exit, write how many calls there were
 *
 * glibc routes its own allocations (strdup, getline, dlopen, stdio)
 * through these symbols, so every allocation the process makes after
 * start-up is counted. A crash prints its stack on stderr, for the
 * test's report. Not for sanitizer builds: ASan owns malloc. */
#define _GNU_SOURCE
#include <errno.h>
#include <execinfo.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t n, size_t size);
extern void *__libc_realloc(void *p, size_t size);

static unsigned long calls, fail_at;
static const char *count_file;

static void write_count(void)
{
	FILE *f;

	if (!count_file)
		return;
	f = fopen(count_file, "w");
	if (f) {
		fprintf(f, "%lu\n", calls);
		fclose(f);
	}
}

static void on_crash(int sig)
{
	void *frames[32];
	int n = backtrace(frames, 32);

	dprintf(STDERR_FILENO, "failalloc: signal %d after allocation %lu "
		"failed; stack:\n", sig, fail_at);
	backtrace_symbols_fd(frames, n, STDERR_FILENO);
	signal(sig, SIG_DFL);
	raise(sig);
}

__attribute__((constructor)) static void failalloc_init(void)
{
	const char *n = getenv("IPT_FAILALLOC_N");
	void *frame;

	backtrace(&frame, 1);   /* loads libgcc_s now, not in a crash */
	signal(SIGSEGV, on_crash);
	signal(SIGBUS, on_crash);
	signal(SIGABRT, on_crash);

	fail_at = n ? strtoul(n, NULL, 10) : 0;
	count_file = getenv("IPT_FAILALLOC_COUNT");
	calls = 0;
	if (count_file)
		atexit(write_count);
}

/* True when this call is the one to fail. */
static int failing(void)
{
	return ++calls == fail_at;
}

void *malloc(size_t size)
{
	if (failing()) {
		errno = ENOMEM;
		return NULL;
	}
	return __libc_malloc(size);
}

void *calloc(size_t n, size_t size)
{
	if (failing()) {
		errno = ENOMEM;
		return NULL;
	}
	return __libc_calloc(n, size);
}

void *realloc(void *p, size_t size)
{
	if (failing()) {
		errno = ENOMEM;
		return NULL;
	}
	return __libc_realloc(p, size);
}
