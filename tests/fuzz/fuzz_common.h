/* What the libFuzzer targets in tests/fuzz share. ipt's front ends end
 * with exit() on bad input (as iptables does); here exit() returns to
 * the target instead, so one process runs millions of inputs. */
#ifndef IPT_FUZZ_COMMON_H
#define IPT_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include "tool.h"

/* Runs fn(arg); an exit() inside it returns here. Returns the exit
 * status, 256 + SIGFPE for a division by zero in an extension (see
 * fuzz_common.c), or -1 when fn returned. */
int fuzz_call(void (*fn)(void *arg), void *arg);

/* The tool named name (an invocation name such as "iptables-restore")
 * on the kernel-less stub backend; the family of every tool used in one
 * process must be the same (libxtables registers one family's
 * extensions). NULL if there is no such name. */
const struct tool *fuzz_tool(const char *name);

/* 4 or 6, from $FUZZ_FAMILY (default 4): the family of this process. */
int fuzz_family(void);

/* Forgets what an aborted parse left in libxtables' extensions (the
 * memory is abandoned, as a process that exits abandons it). */
void fuzz_reset_extensions(void);

#endif
