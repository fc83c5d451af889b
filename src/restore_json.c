/* ipt-restore --json: the document read (json_read.c), checked, and
 * written out as the restore input ipt-save -c would have written for
 * the same ruleset: "*table", ":CHAIN POLICY [p:b]", "[p:b] -A CHAIN
 * RULE", "COMMIT". Only name, builtin, policy, the counters and "rule"
 * are read; the other members are what the rule says, split up for
 * readers, and are ignored here ("rule" is authoritative). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "json_read.h"
#include "restore_json.h"
#include "restore_line.h"
#include "xt.h"

struct conv {
	const struct tool *t;
	struct json_restore *out;
	size_t cap, wcap;
	char *err;
	size_t errlen;
	const char *only;
	bool noflush;
	struct restore_line words;
	char **argv;
	size_t argvcap;
};

static bool bad(struct conv *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static bool bad(struct conv *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(c->err, c->errlen, fmt, ap);
	va_end(ap);
	return false;
}

/* Appends one line of restore input and where it came from. */
static void add_line(struct conv *c, const char *where, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void add_line(struct conv *c, const char *where, const char *fmt, ...)
{
	struct json_restore *o = c->out;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (o->len + n + 2 > c->cap) {
		c->cap = 2 * (o->len + n + 2) + 4096;
		o->text = xtables_realloc(o->text, c->cap);
	}
	va_start(ap, fmt);
	vsnprintf(o->text + o->len, n + 1, fmt, ap);
	va_end(ap);
	o->len += n;
	o->text[o->len++] = '\n';
	o->text[o->len] = '\0';
	if (o->nlines == c->wcap) {
		c->wcap = c->wcap ? 2 * c->wcap : 64;
		o->where = xtables_realloc(o->where,
					   c->wcap * sizeof(*o->where));
	}
	o->where[o->nlines++] = xtables_strdup(where);
}

static const char *type_of(const struct json_value *v)
{
	return v ? json_type_name(v->type) : "missing";
}

/* A member that must be of type; its absence is an error too. */
static const struct json_value *need(struct conv *c, const char *at,
				     const struct json_value *obj,
				     const char *key, enum json_type type)
{
	const struct json_value *v = json_member(obj, key);

	if (v && v->type == type)
		return v;
	bad(c, "%s: \"%s\" must be %s %s, not %s", at, key,
	    type == JSON_ARRAY || type == JSON_OBJECT ? "an" : "a",
	    json_type_name(type), v ? json_type_name(v->type) : "missing");
	return NULL;
}

/* A table, chain or policy name: a restore line's word. */
static bool check_name(struct conv *c, const char *at, const char *what,
		       const char *name, size_t max)
{
	if (!name[0])
		return bad(c, "%s: the %s name is empty", at, what);
	for (const char *p = name; *p; p++)
		if ((unsigned char)*p <= ' ' || *p == 0x7f)
			return bad(c, "%s: the %s name `%s' has a blank or "
				   "control character", at, what, name);
	if (strlen(name) >= max)
		return bad(c, "%s: the %s name `%s' is too long (%zu chars "
			   "max)", at, what, name, max - 1);
	return true;
}

/* "packets" and "bytes": optional, 0 when absent. */
static bool counters(struct conv *c, const char *at,
		     const struct json_value *obj, uint64_t *p, uint64_t *b)
{
	const char *keys[2] = { "packets", "bytes" };
	uint64_t *vals[2] = { p, b };

	for (int i = 0; i < 2; i++) {
		const struct json_value *v = json_member(obj, keys[i]);

		*vals[i] = 0;
		if (v && !json_uint64(v, vals[i]))
			return bad(c, "%s: \"%s\" must be an integer from 0 "
				   "to 2^64-1", at, keys[i]);
	}
	return true;
}

static bool declared(const struct json_value *chains, const char *name)
{
	for (size_t i = 0; i < chains->n; i++) {
		const struct json_value *n = json_member(&chains->items[i],
							 "name");

		if (n && n->type == JSON_STRING && strcmp(n->text, name) == 0)
			return true;
	}
	return false;
}

/* The rule as the restore tool will parse it, without touching the
 * kernel: a bad option, a second command or a jump to a chain that will
 * not exist is found before any table is changed. */
static bool check_rule(struct conv *c, const char *at, const char *table,
		       const char *line, const struct json_value *chains)
{
	struct invocation inv = { 0 };
	struct error_record err = { 0 };
	const struct command *cmd;
	const char *why = restore_parse_line(line, strlen(line), true,
					     &c->words);
	size_t n = 0;
	bool ok = true;

	if (why)
		return bad(c, "%s: %s", at, why);
	if (c->argvcap < c->words.argc + 4) {
		c->argvcap = 2 * (c->words.argc + 4);
		c->argv = xtables_realloc(c->argv,
					  c->argvcap * sizeof(*c->argv));
	}
	c->argv[n++] = (char *)c->t->prog;
	c->argv[n++] = "-t";
	c->argv[n++] = (char *)table;
	for (size_t i = 0; i < c->words.argc; i++)
		c->argv[n++] = c->words.argv[i];
	c->argv[n] = NULL;
	if (cli_parse_restore_line(c->t, n, c->argv, &inv, &err) != 0) {
		ok = bad(c, "%s: %s", at, err.text ? err.text :
			 "the rule does not parse");
		error_free(&err);
		invocation_free(&inv);
		return ok;
	}
	cmd = inv.ncmds ? &inv.cmds[0] : NULL;
	if (inv.action != ACT_RUN || inv.ncmds != 1 ||
	    cmd->cmd != CMD_APPEND)
		ok = bad(c, "%s: \"rule\" holds a command, not a rule", at);
	else if (!cmd->rule.target.data && cmd->rule.jumpto[0] &&
		 !xt_is_verdict(cmd->rule.jumpto) && !c->noflush &&
		 !declared(chains, cmd->rule.jumpto))
		ok = bad(c, "%s: it jumps to chain `%s', which table %s of the "
			 "document does not have", at, cmd->rule.jumpto, table);
	invocation_free(&inv);
	return ok;
}

static bool convert_rule(struct conv *c, const char *table, const char *chain,
			 size_t num, const struct json_value *rule,
			 const struct json_value *chains, bool check)
{
	char at[160];
	const struct json_value *text;
	uint64_t p, b;
	char *line;
	bool ok;

	snprintf(at, sizeof(at), "table %s, chain %s, rule %zu", table, chain,
		 num);
	if (rule->type != JSON_OBJECT)
		return bad(c, "%s: must be an object, not %s", at,
			   type_of(rule));
	if (!(text = need(c, at, rule, "rule", JSON_STRING)) ||
	    !counters(c, at, rule, &p, &b))
		return false;
	if (strpbrk(text->text, "\n\r"))
		return bad(c, "%s: \"rule\" has a line break", at);
	line = xtables_malloc(strlen(chain) + strlen(text->text) + 5);
	sprintf(line, "-A %s %s", chain, text->text);
	ok = !check || check_rule(c, at, table, line, chains);
	if (ok)
		add_line(c, at, "[%llu:%llu] %s", (unsigned long long)p,
			 (unsigned long long)b, line);
	free(line);
	return ok;
}

/* The tables iptables has and their built-in chains, as the kernel
 * defines them: checked here so that a document that names another
 * table, calls a user chain built-in or the reverse is refused with the
 * others, before any table is opened. */
static const struct {
	const char *table;
	const char *chains[6];
} builtins[] = {
	{ "filter", { "INPUT", "FORWARD", "OUTPUT" } },
	{ "nat", { "PREROUTING", "INPUT", "OUTPUT", "POSTROUTING" } },
	{ "mangle", { "PREROUTING", "INPUT", "FORWARD", "OUTPUT",
		      "POSTROUTING" } },
	{ "raw", { "PREROUTING", "OUTPUT" } },
	{ "security", { "INPUT", "FORWARD", "OUTPUT" } },
};

/* The index of table in builtins, or -1. */
static int known_table(const char *table)
{
	for (size_t i = 0; i < sizeof(builtins) / sizeof(builtins[0]); i++)
		if (strcmp(builtins[i].table, table) == 0)
			return (int)i;
	return -1;
}

static bool is_builtin(const char *table, const char *chain)
{
	int t = known_table(table);

	for (size_t i = 0; t >= 0 && builtins[t].chains[i]; i++)
		if (strcmp(builtins[t].chains[i], chain) == 0)
			return true;
	return false;
}

/* ":NAME POLICY [p:b]" for a built-in chain, ":NAME - [0:0]" for a
 * user chain, as ipt-save writes them. */
static bool convert_chain(struct conv *c, const char *table,
			  const struct json_value *chain, size_t idx,
			  const struct json_value *chains)
{
	const struct json_value *name, *builtin, *policy;
	char at[160];
	uint64_t p, b;

	snprintf(at, sizeof(at), "table %s, chain %zu", table, idx + 1);
	if (chain->type != JSON_OBJECT)
		return bad(c, "%s: must be an object, not %s", at,
			   type_of(chain));
	if (!(name = need(c, at, chain, "name", JSON_STRING)) ||
	    !check_name(c, at, "chain", name->text, XT_EXTENSION_MAXNAMELEN))
		return false;
	snprintf(at, sizeof(at), "table %s, chain %s", table, name->text);
	for (size_t i = 0; i < idx; i++) {
		const struct json_value *n = json_member(&chains->items[i],
							 "name");

		if (strcmp(n->text, name->text) == 0)
			return bad(c, "%s: the chain appears twice", at);
	}
	if (!(builtin = need(c, at, chain, "builtin", JSON_BOOL)) ||
	    !counters(c, at, chain, &p, &b))
		return false;
	if (builtin->boolean != is_builtin(table, name->text))
		return bad(c, "%s: table %s has %s chain of that name", at,
			   table, builtin->boolean ? "no built-in" :
			   "a built-in");
	policy = json_member(chain, "policy");
	if (!builtin->boolean) {
		if (policy && policy->type != JSON_NULL)
			return bad(c, "%s: a user chain's \"policy\" must be "
				   "null", at);
		add_line(c, at, ":%s - [0:0]", name->text);
		return true;
	}
	if (!(policy = need(c, at, chain, "policy", JSON_STRING)))
		return false;
	if (strcmp(policy->text, "ACCEPT") != 0 &&
	    strcmp(policy->text, "DROP") != 0)
		return bad(c, "%s: policy `%s' is neither ACCEPT nor DROP", at,
			   policy->text);
	add_line(c, at, ":%s %s [%llu:%llu]", name->text, policy->text,
		 (unsigned long long)p, (unsigned long long)b);
	return true;
}

static bool convert_table(struct conv *c, const struct json_value *table,
			  size_t idx, const struct json_value *tables)
{
	const struct json_value *name, *chains;
	char at[160];
	bool check;

	snprintf(at, sizeof(at), "table %zu", idx + 1);
	if (table->type != JSON_OBJECT)
		return bad(c, "%s: must be an object, not %s", at,
			   type_of(table));
	if (!(name = need(c, at, table, "name", JSON_STRING)) ||
	    !check_name(c, at, "table", name->text, XT_TABLE_MAXNAMELEN))
		return false;
	snprintf(at, sizeof(at), "table %s", name->text);
	if (known_table(name->text) < 0)
		return bad(c, "%s: no such table (filter, nat, mangle, raw, "
			   "security)", at);
	for (size_t i = 0; i < idx; i++)
		if (strcmp(json_member(&tables->items[i], "name")->text,
			   name->text) == 0)
			return bad(c, "%s: the table appears twice", at);
	if (!(chains = need(c, at, table, "chains", JSON_ARRAY)))
		return false;
	check = !c->only || strcmp(c->only, name->text) == 0;
	add_line(c, at, "*%s", name->text);
	for (size_t i = 0; i < chains->n; i++)
		if (!convert_chain(c, name->text, &chains->items[i], i, chains))
			return false;
	for (size_t i = 0; i < chains->n; i++) {
		const struct json_value *ch = &chains->items[i];
		const char *cname = json_member(ch, "name")->text;
		const struct json_value *rules;

		snprintf(at, sizeof(at), "table %s, chain %s", name->text,
			 cname);
		if (!(rules = need(c, at, ch, "rules", JSON_ARRAY)))
			return false;
		for (size_t j = 0; j < rules->n; j++)
			if (!convert_rule(c, name->text, cname, j + 1,
					  &rules->items[j], chains, check))
				return false;
	}
	snprintf(at, sizeof(at), "table %s", name->text);
	add_line(c, at, "COMMIT");
	return true;
}

static bool convert(struct conv *c, const struct json_value *root)
{
	const struct json_value *family, *tables;
	const char *want = c->t->fam->nfproto == NFPROTO_IPV4 ? "ipv4" :
			   "ipv6";

	if (root->type != JSON_OBJECT)
		return bad(c, "the document must be an object, not %s",
			   type_of(root));
	if (!(family = need(c, "the document", root, "family", JSON_STRING)) ||
	    !(tables = need(c, "the document", root, "tables", JSON_ARRAY)))
		return false;
	if (strcmp(family->text, want) != 0)
		return bad(c, "the document's family is \"%s\"; %s restores "
			   "\"%s\"", family->text, c->t->prog, want);
	for (size_t i = 0; i < tables->n; i++)
		if (!convert_table(c, &tables->items[i], i, tables))
			return false;
	return true;
}

bool json_restore_read(const struct tool *t, const char *doc, size_t len,
		       const char *only_table, bool noflush,
		       struct json_restore *out, char *err, size_t errlen)
{
	struct conv c = { .t = t, .out = out, .err = err, .errlen = errlen,
			  .only = only_table, .noflush = noflush };
	struct json_value root;
	struct json_error jerr;
	bool ok;

	memset(out, 0, sizeof(*out));
	if (!json_parse(doc, len, &root, &jerr)) {
		snprintf(err, errlen, "invalid JSON at line %u, column %u "
			 "(byte %zu): %s", jerr.line, jerr.column, jerr.offset,
			 jerr.msg);
		return false;
	}
	ok = convert(&c, &root);
	json_free(&root);
	restore_line_free(&c.words);
	free(c.argv);
	if (!ok)
		json_restore_free(out);
	return ok;
}

const char *json_restore_where(const struct json_restore *jr,
			       unsigned int line)
{
	return line >= 1 && line <= jr->nlines ? jr->where[line - 1] : NULL;
}

void json_restore_free(struct json_restore *jr)
{
	for (size_t i = 0; i < jr->nlines; i++)
		free(jr->where[i]);
	free(jr->where);
	free(jr->text);
	memset(jr, 0, sizeof(*jr));
}
