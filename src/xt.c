#define _GNU_SOURCE             /* vasprintf */
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <getopt.h>
#include <netdb.h>
#include "options.h"
#include "pool.h"
#include "xt.h"

/* libxtables exports it without declaring it: the restore line number. */
extern int line;

/* getopt_long starts from the tool's options (options.c); extensions
 * are merged into copies of them as -m/-j/-p load them (see cli.c). */
static noreturn void exit_err(enum xtables_exittype status,
			      const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static struct xtables_globals globals = {
	.option_offset = 0,
	.compat_rev = xtables_compatible_revision,
	.exit_err = exit_err,
};

static const struct tool *current_tool;
static unsigned int position;
static const struct command *position_cmd;
static bool uncommitted_notice;

void xt_init(const struct tool *t)
{
	current_tool = t;
	globals.program_name = t->prog;
	globals.opts = NULL;    /* the tables of an earlier tool are gone */
	globals.program_version = t->version;
	/* which extension revisions the kernel has: nf_tables mode asks
	 * nft_compat, never the legacy socket options */
	globals.compat_rev = t->be && t->be->compat_rev ? t->be->compat_rev :
			     xtables_compatible_revision;
	globals.orig_opts = opt_longopts(opt_main, t->fam->has_fragment_option,
					 t->own_name);
	if (xtables_init_all(&globals, t->fam->nfproto) < 0) {
		fprintf(stderr, "%s/%s Failed to initialize xtables\n",
			t->prog, t->version);
		exit(1);
	}
}

const struct tool *xt_tool(void)
{
	return current_tool;
}

void xt_set_position(unsigned int index, const struct command *cmd)
{
	position = index;
	position_cmd = cmd;
}

void xt_set_uncommitted_notice(bool on)
{
	uncommitted_notice = on;
}

const char *xt_position_text(char *buf, size_t len, unsigned int index,
			     const struct command *cmd)
{
	if (cmd && cmd->letter && cmd->chain)
		snprintf(buf, len, "command %u (-%c %s): ", index, cmd->letter,
			 cmd->chain);
	else if (cmd && cmd->letter)
		snprintf(buf, len, "command %u (-%c): ", index, cmd->letter);
	else
		snprintf(buf, len, "command %u: ", index);
	return buf;
}

void error_print(const struct error_record *rec)
{
	const char *prog = globals.program_name;

	if (!rec->tryhelp_only) {
		fprintf(stderr, "%s v%s: %s%s\n", prog,
			globals.program_version, rec->position,
			rec->text ? rec->text : "");
		if (rec->uncommitted)
			fprintf(stderr, "%s: nothing was committed.\n", prog);
	}
	if (rec->status == PARAMETER_PROBLEM) {
		if (rec->line != -1)
			fprintf(stderr, "Error occurred at line: %d\n",
				rec->line);
		fprintf(stderr, "Try `%s -h' or '%s --help' for more "
			"information.\n", prog, prog);
	} else if (rec->status == VERSION_PROBLEM) {
		fprintf(stderr, "Perhaps %s or your kernel needs to be "
			"upgraded.\n", prog);
	}
}

void error_free(struct error_record *rec)
{
	free(rec->text);
	rec->text = NULL;
}

void error_exit(const struct error_record *rec)
{
	/* no xtables_free_opts: the merged option tables are cli.c's cache,
	 * and outside a parse the original table, which is not freed, is in
	 * use (a fuzz target that returns from exit() reuses the cache) */
	error_print(rec);
	exit(rec->status);
}

/* While a parse catches errors (xt_catch()), a failure fills its record
 * and returns to it; otherwise it is printed and the process exits. */
static struct error_record *catch_rec;
static jmp_buf *catch_env;

void xt_catch(struct error_record *rec, jmp_buf *env)
{
	catch_rec = rec;
	catch_env = env;
}

static noreturn void fail(struct error_record *rec)
{
	if (catch_rec) {
		*catch_rec = *rec;
		catch_rec = NULL;
		longjmp(*catch_env, 1);
	}
	error_exit(rec);
}

static noreturn void vdie(enum xtables_exittype status, const char *fmt,
			  va_list ap)
{
	struct error_record rec = { .status = status, .line = line };

	if (position)
		xt_position_text(rec.position, sizeof(rec.position), position,
				 position_cmd);
	rec.uncommitted = uncommitted_notice;
	/* the message is as long as the word it quotes may be */
	if (vasprintf(&rec.text, fmt, ap) < 0)
		rec.text = NULL;
	fail(&rec);
}

static void exit_err(enum xtables_exittype status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vdie(status, fmt, ap);
}

void xt_die(enum xtables_exittype status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vdie(status, fmt, ap);
}

bool xt_is_verdict(const char *name)
{
	/* by the first letter: asked for every rule's target */
	switch (name[0]) {
	case 'A': return strcmp(name + 1, "CCEPT") == 0;
	case 'D': return strcmp(name + 1, "ROP") == 0;
	case 'Q': return strcmp(name + 1, "UEUE") == 0;
	case 'R': return strcmp(name + 1, "ETURN") == 0;
	}
	return false;
}

void xt_standard_target(const char *name, bool with_revision,
			struct ext_blob *out)
{
	struct xtables_target *std;
	struct xt_entry_target *t;
	size_t size;

	std = xtables_find_target(XT_STANDARD_TARGET, XTF_LOAD_MUST_SUCCEED);
	size = XT_ALIGN(sizeof(struct xt_entry_target)) + std->size;
	t = xt_zalloc(size);
	t->u.target_size = size;
	strncpy(t->u.user.name, name, sizeof(t->u.user.name) - 1);
	if (with_revision)
		t->u.user.revision = std->revision;
	out->data = t;
	out->size = size;
	out->userspacesize = std->userspacesize;
}

const char *xt_proto_name(uint16_t proto, bool nolookup)
{
	for (int i = 0; xtables_chain_protos[i].name; i++)
		if (xtables_chain_protos[i].num == proto)
			return xtables_chain_protos[i].name;
	if (proto && !nolookup) {
		struct protoent *pe = getprotobynumber(proto);

		if (pe)
			return pe->p_name;
	}
	return NULL;
}

void xt_exit_tryhelp(void)
{
	struct error_record rec = {
		.status = PARAMETER_PROBLEM, .tryhelp_only = true, .line = line,
	};

	fail(&rec);
}

void xt_set_line(int n)
{
	line = n;
}

void *xt_zalloc(size_t size)
{
	return pool_zalloc(size);
}
