/* The JSON printer (ipt-save --json, ipt -L --json): the session's tables
 * as one JSON document, documented in ipt-save(8) and described by
 * doc/ipt-ruleset.schema.json. Each rule is taken from its save line, cut
 * into its parts by print_rule_save_parts() and split into words by the
 * restore tokenizer, so that "rule" is what ipt-save prints and every
 * match's "args" are the words ipt-restore would read. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "print.h"
#include "restore_line.h"
#include "xt.h"

struct json_ctx {
	struct json_writer *w;
	struct restore_line words;      /* the tokenizer's reused buffers */
	char *rule;                     /* the "rule" text, reused */
	size_t rulecap;
};

/* One part of a rendered rule, up to its NUL. */
struct part {
	const char *text;
	size_t len;
};

static struct part take_part(const char **p, const char *end)
{
	struct part pt = { *p, 0 };
	const char *nul = memchr(*p, '\0', end - *p);

	pt.len = (nul ? nul : end) - *p;
	*p = nul ? nul + 1 : end;
	return pt;
}

/* The rules of the chains shown, rendered in one go with stdout on a
 * temporary file: the extensions' save functions print to stdout. */
static char *render_rules(struct session *s, const char *only, size_t *len)
{
	FILE *f = tmpfile();
	char *buf = NULL;
	long size;
	int saved;

	if (!f)
		return NULL;
	fflush(stdout);
	saved = dup(STDOUT_FILENO);
	if (saved < 0 || dup2(fileno(f), STDOUT_FILENO) < 0) {
		if (saved >= 0)
			close(saved);
		fclose(f);
		return NULL;
	}
	for (const char *c = s->ops->first_chain(s); c;
	     c = s->ops->next_chain(s)) {
		if (only && strcmp(c, only) != 0)
			continue;
		for (const void *e = s->ops->first_rule(s, c); e;
		     e = s->ops->next_rule(s, e))
			print_rule_save_parts(s, e, c);
	}
	fflush(stdout);
	dup2(saved, STDOUT_FILENO);
	close(saved);
	size = ftell(f);
	if (size >= 0 && (buf = malloc(size + 1)) != NULL) {
		rewind(f);
		if (fread(buf, 1, size, f) != (size_t)size) {
			free(buf);
			buf = NULL;
		}
	}
	fclose(f);
	*len = size >= 0 ? (size_t)size : 0;
	return buf;
}

/* The words of part; NULL when it does not split (it always does: it is
 * what ipt-restore reads). */
static char **split(struct json_ctx *x, struct part pt, size_t *n)
{
	if (restore_parse_line(pt.text, pt.len, true, &x->words) ||
	    x->words.kind != RL_RULE) {
		*n = 0;
		return NULL;
	}
	*n = x->words.argc;
	return x->words.argv;
}

static void write_args(struct json_writer *w, char **argv, size_t from,
		       size_t n)
{
	jw_key(w, "args");
	jw_array_begin(w);
	for (size_t i = from; i < n; i++)
		jw_string(w, argv[i]);
	jw_array_end(w);
}

/* "source": {"address": "10.0.0.0/8", "invert": false}, or null. */
static void write_field(struct json_writer *w, const char *key,
			const char *what, const char *value, bool invert)
{
	jw_key(w, key);
	if (!value) {
		jw_null(w);
		return;
	}
	jw_object_begin(w);
	if (what) {
		jw_key(w, what);
		jw_string(w, value);
	}
	jw_key(w, "invert");
	jw_bool(w, invert);
	jw_object_end(w);
}

/* The options before the matches: "-A CHAIN [!] -s ADDR ... [!] -f";
 * skip is the length of "-A CHAIN", which is not split (a chain name
 * may hold a quote). */
static void write_base(struct json_ctx *x, struct part pt, size_t skip,
		       bool v4)
{
	const char *val[5] = { 0 }, *frag = NULL;
	static const char opts[] = "sdpio";
	bool inv[5] = { 0 }, inv_frag = false, invert = false;
	size_t n;
	char **argv;

	pt.text += skip < pt.len ? skip : pt.len;
	pt.len -= skip < pt.len ? skip : pt.len;
	argv = split(x, pt, &n);
	for (size_t i = 0; i < n; i++) {
		const char *o = strchr(opts, argv[i][1]);

		if (strcmp(argv[i], "!") == 0) {
			invert = true;
			continue;
		}
		if (strcmp(argv[i], "-f") == 0) {
			frag = "";
			inv_frag = invert;
		} else if (argv[i][0] == '-' && argv[i][1] && !argv[i][2] &&
			   o && i + 1 < n) {
			val[o - opts] = argv[++i];
			inv[o - opts] = invert;
		} else if (i + 1 < n) {
			i++;    /* ip6tables-save's "-? TOS" */
		}
		invert = false;
	}
	write_field(x->w, "source", "address", val[0], inv[0]);
	write_field(x->w, "destination", "address", val[1], inv[1]);
	write_field(x->w, "protocol", "name", val[2], inv[2]);
	write_field(x->w, "in_interface", "name", val[3], inv[3]);
	write_field(x->w, "out_interface", "name", val[4], inv[4]);
	write_field(x->w, "fragment", NULL, v4 ? frag : NULL, inv_frag);
}

/* "rule": the save line without "-A CHAIN ", the parts joined. */
static void write_rule_text(struct json_ctx *x, const char *rec,
			    const char *end, size_t skip)
{
	size_t len = 0;

	for (const char *p = rec; p < end; p++) {
		if (len + 1 >= x->rulecap) {
			x->rulecap = x->rulecap ? 2 * x->rulecap : 512;
			x->rule = xtables_realloc(x->rule, x->rulecap);
		}
		if (*p == '\0') {       /* a part's end, then its kind */
			p++;
			continue;
		}
		x->rule[len++] = *p;
	}
	jw_key(x->w, "rule");
	jw_string_n(x->w, x->rule + (skip < len ? skip : len),
		    skip < len ? len - skip : 0);
}

static void write_target(struct json_ctx *x, struct part pt)
{
	size_t n;
	char **argv = split(x, pt, &n);
	bool is_goto = n >= 2 && strcmp(argv[0], "-g") == 0;

	jw_key(x->w, "target");
	if (n < 2) {
		jw_null(x->w);
	} else {
		jw_object_begin(x->w);
		jw_key(x->w, "name");
		jw_string(x->w, argv[1]);
		write_args(x->w, argv, 2, n);
		jw_object_end(x->w);
	}
	jw_key(x->w, "goto");
	jw_bool(x->w, is_goto);
}

/* Where the record at p ends: at its 'E'. */
static const char *record_end(const char *p, const char *end)
{
	take_part(&p, end);
	while (p < end && *p != 'E') {
		p++;
		take_part(&p, end);
	}
	return p;
}

/* One rule from its rendered record at *p; *p moves past it. */
static void write_rule(struct json_ctx *x, struct session *s, const void *e,
		       const char *chain, unsigned int num, const char **p,
		       const char *end)
{
	const char *rec = *p;
	struct part base, target = { "", 0 };
	struct entry_view v;
	size_t n;
	char **argv;

	s->fam->decode(e, &v);
	jw_object_begin(x->w);
	jw_key(x->w, "num");
	jw_uint(x->w, num);
	jw_key(x->w, "packets");
	jw_uint(x->w, v.counters->pcnt);
	jw_key(x->w, "bytes");
	jw_uint(x->w, v.counters->bcnt);
	write_rule_text(x, rec, record_end(rec, end), 4 + strlen(chain));
	base = take_part(p, end);
	write_base(x, base, 3 + strlen(chain), s->fam->has_fragment_option);
	jw_key(x->w, "matches");
	jw_array_begin(x->w);
	while (*p < end && **p == 'M') {
		(*p)++;
		argv = split(x, take_part(p, end), &n);
		if (n < 2)
			continue;
		jw_object_begin(x->w);
		jw_key(x->w, "name");
		jw_string(x->w, argv[1]);
		write_args(x->w, argv, 2, n);
		jw_object_end(x->w);
	}
	jw_array_end(x->w);
	if (*p < end && **p == 'T') {
		(*p)++;
		target = take_part(p, end);
	}
	if (*p < end && **p == 'E')
		(*p)++;
	write_target(x, target);
	jw_object_end(x->w);
}

static void write_chain(struct json_ctx *x, struct session *s, const char *c,
			unsigned int rulenum, const char **p, const char *end)
{
	struct xt_counters count = { 0, 0 };
	const char *policy = NULL;
	unsigned int refs = 0, num = 0;
	bool builtin = s->ops->builtin(s, c) > 0;

	if (builtin)
		policy = s->ops->get_policy(s, c, &count);
	if (!s->ops->get_references(s, &refs, c))
		refs = 0;
	jw_object_begin(x->w);
	jw_key(x->w, "name");
	jw_string(x->w, c);
	jw_key(x->w, "builtin");
	jw_bool(x->w, builtin);
	jw_key(x->w, "policy");
	if (policy)
		jw_string(x->w, policy);
	else
		jw_null(x->w);
	jw_key(x->w, "packets");
	jw_uint(x->w, count.pcnt);
	jw_key(x->w, "bytes");
	jw_uint(x->w, count.bcnt);
	jw_key(x->w, "references");
	jw_uint(x->w, refs);
	jw_key(x->w, "rules");
	jw_array_begin(x->w);
	for (const void *e = s->ops->first_rule(s, c); e && *p < end;
	     e = s->ops->next_rule(s, e)) {
		num++;
		if (rulenum && num != rulenum)
			*p = record_end(*p, end) + 1;
		else
			write_rule(x, s, e, c, num, p, end);
	}
	jw_array_end(x->w);
	jw_object_end(x->w);
}

void print_json_begin(struct json_writer *w, const struct family_ops *fam)
{
	jw_init(w, stdout);
	jw_object_begin(w);
	jw_key(w, "family");
	jw_string(w, fam->nfproto == NFPROTO_IPV4 ? "ipv4" : "ipv6");
	jw_key(w, "tables");
	jw_array_begin(w);
}

bool print_json_table(struct json_writer *w, struct session *s,
		      const char *chain, unsigned int rulenum)
{
	struct json_ctx x = { .w = w };
	size_t len = 0;
	char *rendered;
	const char *p, *end;

	if (chain && s->ops->is_chain(s, chain) <= 0)
		return false;
	rendered = render_rules(s, chain, &len);
	if (!rendered)
		xt_die(RESOURCE_PROBLEM, "cannot render the rules: %s",
		       strerror(errno));
	p = rendered;
	end = rendered + len;
	jw_object_begin(w);
	jw_key(w, "name");
	jw_string(w, s->table);
	jw_key(w, "chains");
	jw_array_begin(w);
	for (const char *c = s->ops->first_chain(s); c;
	     c = s->ops->next_chain(s))
		if (!chain || strcmp(c, chain) == 0)
			write_chain(&x, s, c, rulenum, &p, end);
	jw_array_end(w);
	jw_object_end(w);
	restore_line_free(&x.words);
	free(x.rule);
	free(rendered);
	return true;
}

bool print_json_end(struct json_writer *w)
{
	jw_array_end(w);
	jw_object_end(w);
	putc('\n', w->f);
	return !w->replaced;
}

bool print_json_list(struct session *s, const char *chain,
		     unsigned int rulenum)
{
	struct json_writer w;

	if (chain && s->ops->is_chain(s, chain) <= 0)
		return false;
	print_json_begin(&w, s->fam);
	print_json_table(&w, s, chain, rulenum);
	if (!print_json_end(&w))
		print_json_not_utf8(xt_tool()->prog);
	return true;
}

void print_json_not_utf8(const char *prog)
{
	fflush(stdout);
	fprintf(stderr, "%s: warning: a name or rule is not valid UTF-8; its "
		"invalid bytes are written as U+FFFD\n", prog);
}
