#define _GNU_SOURCE
#include <dlfcn.h>
#include <setjmp.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdnoreturn.h>
#include <string.h>
#include <xtables.h>
#include "fuzz_common.h"
#include "stub_backend.h"
#include "xt.h"

static sigjmp_buf fuzz_jmp;
static volatile bool fuzz_armed;

/* Replaces libc's for the whole process (libxtables' calls included):
 * inside fuzz_call() it unwinds to it, elsewhere (libFuzzer) it exits. */
noreturn void exit(int status)
{
	static void (*real_exit)(int);

	if (fuzz_armed) {
		fuzz_armed = false;
		siglongjmp(fuzz_jmp, (status & 0xff) + 1);
	}
	if (!real_exit)
		real_exit = (void (*)(int))dlsym(RTLD_NEXT, "exit");
	real_exit(status);
	abort();
}

/* The save and restore tools unload every extension at their end; the
 * next input still needs them. */
void xtables_fini(void)
{
}

/* libxt_hashlimit 1.8.9 divides by zero on some rates in its final
 * check (iptables-legacy dies of the same SIGFPE): a bug of the
 * extension, outside ipt, that would stop every run. ipt's own code is
 * built with UBSan, which reports a division by zero before it traps, so
 * a raw SIGFPE inside fuzz_call() comes from an uninstrumented library:
 * the input counts as refused. */
static void on_sigfpe(int sig)
{
	if (fuzz_armed) {
		fuzz_armed = false;
		siglongjmp(fuzz_jmp, 256 + sig);
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

int fuzz_call(void (*fn)(void *arg), void *arg)
{
	static bool handler;
	int rc;

	if (!handler) {         /* after libFuzzer's own handlers */
		signal(SIGFPE, on_sigfpe);
		handler = true;
	}
	rc = sigsetjmp(fuzz_jmp, 1);

	if (rc) {
		/* The error position, and a parse's catch (cli.c's setjmp,
		 * armed while an extension's parse or final check runs), may
		 * point into the dead frames: a SIGFPE in libxt_hashlimit's
		 * final check left the catch armed, and the next input's
		 * first error outside a parse jumped into a stale stack. */
		xt_catch(NULL, NULL);
		xt_set_position(0, NULL);
		fflush(stdout);
		return rc - 1;
	}
	fuzz_armed = true;
	fn(arg);
	fuzz_armed = false;
	fflush(stdout);
	return -1;
}

int fuzz_family(void)
{
	const char *f = getenv("FUZZ_FAMILY");

	return f && !strcmp(f, "6") ? 6 : 4;
}

const struct tool *fuzz_tool(const char *name)
{
	static struct tool tools[32];
	static size_t n;
	const struct tool *t;

	for (size_t i = 0; i < n; i++)
		if (!strcmp(tools[i].invoked, name))
			return &tools[i];
	t = tool_lookup(name);
	if (!t || n == sizeof(tools) / sizeof(tools[0]))
		return NULL;
	tools[n] = *t;
	tools[n].be = &stub_backend;
	return &tools[n++];
}

void fuzz_reset_extensions(void)
{
	for (struct xtables_match *m = xtables_matches; m; m = m->next) {
		m->m = NULL;
		m->mflags = 0;
	}
	for (struct xtables_target *t = xtables_targets; t; t = t->next) {
		t->t = NULL;
		t->tflags = 0;
		t->used = 0;
	}
}
