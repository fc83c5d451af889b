/* libxtables glue: the only global state in ipt. libxtables keeps its
 * extension registry, option tables and error hook in globals; this file
 * owns setting them up and the error path every parse error takes. */
#ifndef IPT_XT_H
#define IPT_XT_H

#include <setjmp.h>
#include <stdnoreturn.h>
#include <xtables.h>
#include "error.h"
#include "tool.h"

/* The stride between merged extensions' option codes; xtables.h keeps
 * its own definition internal. */
#ifndef XT_OPTION_OFFSET_SCALE
#define XT_OPTION_OFFSET_SCALE 256
#endif

/* Loads the extension registry for t's family; call once per process. */
void xt_init(const struct tool *t);
const struct tool *xt_tool(void);

/* Own-name mode names the failing command in errors: "command 2 (-A web)".
 * cmd is read when an error occurs; index 0: name none. */
void xt_set_position(unsigned int index, const struct command *cmd);
/* Own-name mode with several commands: an error adds "nothing was
 * committed", as a failure at execution does. */
void xt_set_uncommitted_notice(bool on);

/* Writes "command N (-X chain): " for cmd at 1-based index into buf. */
const char *xt_position_text(char *buf, size_t len, unsigned int index,
			     const struct command *cmd);

/* Prints "prog vVERSION: message" and the iptables hint lines for status,
 * then exits with status, unless a parse catches errors (xt_catch()): then
 * its error record is filled and control returns to it. libxtables'
 * exit_err hook, which extensions call, does the same. Safe only while no
 * table handle is open. */
noreturn void xt_die(enum xtables_exittype status, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Zeroed memory for per-rule data. Not calloc(): glibc's calloc bypasses
 * the thread cache, so a restore that callocs and frees temporaries for
 * every rule leaves a hole per rule under libiptc's own allocations and
 * ends with a larger heap than iptables-restore. A block of a size that
 * was recently given back to the pool (pool.h) is taken from there. Exits
 * when out of memory, as xtables_calloc(). */
void *xt_zalloc(size_t size);

/* Builds an xt_entry_target for the standard target jumping to name. */
/* ACCEPT, DROP, QUEUE or RETURN: a standard target's verdicts. */
bool xt_is_verdict(const char *name);

void xt_standard_target(const char *name, bool with_revision,
			struct ext_blob *out);

/* iptables' name for protocol number proto ("tcp"), from libxtables'
 * table first, then /etc/protocols unless nolookup; NULL if none. */
const char *xt_proto_name(uint16_t proto, bool nolookup);

/* Until the next failure, xt_die(), xt_exit_tryhelp() and libxtables'
 * exit_err fill rec and longjmp to env instead of exiting; that failure
 * ends the catch. xt_catch(NULL, NULL) ends it without one. */
void xt_catch(struct error_record *rec, jmp_buf *env);

/* Prints iptables' "Try `prog -h'" lines and exits with status 2 (or, in
 * a catch, fills its record so). */
noreturn void xt_exit_tryhelp(void);

/* The restore line number that parse errors report; -1: none. */
void xt_set_line(int n);

#endif
