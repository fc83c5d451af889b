/* iptables-xml: turn iptables-save output into XML.
 *
 * The output is byte-compatible with iptables-xml 1.8.9, quirks included
 * (blank lines after </actions> and </rule>, unencoded element names,
 * "*-" hyphen mangling in comments, chain counters carried over from the
 * previous chain line when a line lacks them, ...). Unlike 1.8.9 there are
 * no fixed-size limits: lines, words, names and the number of chains and
 * words per rule may be of any length.
 *
 * The converter is a small state machine over the input lines:
 *   *table  opens a table (closing any open one),
 *   :chain  only declares a chain; it is written when its first rule shows
 *           up, or as an empty element when the table is closed,
 *   rule    is split into words and written as <rule> with <conditions>
 *           (everything before the first -j/-g) and <actions>,
 *   COMMIT  closes the table.
 * Pure text processing: stdio only, no libxtables/libiptc. */
#include "xml.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* exit statuses of 1.8.9: plain failures and xtables PARAMETER_PROBLEM */
#define XML_FAILED 1
#define XML_PARAM_PROBLEM 2

/* indentation of the two element levels inside <conditions>/<actions> */
#define OUTER_INDENT "        "
#define INNER_INDENT "          "

/* a rule split into words; quoted[i] tells whether word i had quotes */
struct words {
	char **word;
	bool *quoted;
	size_t count;
	size_t cap;
};

/* a chain seen on a ":name policy [p:b]" line of the current table */
struct decl_chain {
	char *name;
	char *policy;
	unsigned long long pkts;
	unsigned long long bytes;
	bool written;           /* opened by a rule: no empty element at the end */
};

struct xml_conv {
	const char *prog;
	const char *version;
	int version_len;        /* version is printed up to its first space */
	bool combine;
	bool verbose;
	int lineno;

	char *table;            /* open table, NULL if none */
	char *chain;            /* open <chain> element, NULL if none */
	bool rule_open;         /* </rule> pending */
	bool actions_open;      /* </actions> pending */

	struct decl_chain *decl;
	size_t ndecl;
	size_t decl_cap;

	/* 1.8.9 parses chain counters into a variable that keeps its value
	 * between chain lines, so a line without (complete) counters reuses
	 * those of the previous one. */
	unsigned long long last_pkts;
	unsigned long long last_bytes;

	struct words prev;      /* previous rule, for --combine */
	struct words cur;
};

/* ------------------------------------------------------------ memory */

static void *xml_realloc(const struct xml_conv *c, void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p) {
		fprintf(stderr, "%s: out of memory\n", c->prog);
		exit(XML_FAILED);
	}
	return p;
}

static char *xml_strdup(const struct xml_conv *c, const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(xml_realloc(c, NULL, n), s, n);
}

static void words_clear(struct words *w)
{
	size_t i;

	for (i = 0; i < w->count; i++)
		free(w->word[i]);
	w->count = 0;
}

static void words_free(struct words *w)
{
	words_clear(w);
	free(w->word);
	free(w->quoted);
	w->word = NULL;
	w->quoted = NULL;
	w->cap = 0;
}

static void words_add(const struct xml_conv *c, struct words *w,
		      const char *text, size_t len, bool quoted)
{
	char *s;

	if (w->count == w->cap) {
		w->cap = w->cap ? 2 * w->cap : 16;
		w->word = xml_realloc(c, w->word, w->cap * sizeof(*w->word));
		w->quoted = xml_realloc(c, w->quoted,
					w->cap * sizeof(*w->quoted));
	}
	s = xml_realloc(c, NULL, len + 1);
	memcpy(s, text, len);
	s[len] = '\0';
	w->word[w->count] = s;
	w->quoted[w->count] = quoted;
	w->count++;
}

/* ------------------------------------------------------------ messages */

static int param_problem(const struct xml_conv *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* an xtables PARAMETER_PROBLEM message; returns the exit status */
static int param_problem(const struct xml_conv *c, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s v%.*s: ", c->prog, c->version_len, c->version);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nError occurred at line: %d\n", c->lineno);
	fprintf(stderr, "Try `%s -h' or '%s --help' for more information.\n",
		c->prog, c->prog);
	return XML_PARAM_PROBLEM;
}

static void usage(const char *prog)
{
	fprintf(stderr, "Usage: %s [-c] [-v] [-h]\n"
		"          [--combine ]\n"
		"\t   [ --verbose ]\n"
		"\t   [ --help ]\n", prog);
}

/* ------------------------------------------------------------ output */

/* text with XML escapes; bytes >= 127 as numeric references */
static void put_text(const char *s)
{
	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;

		switch (ch) {
		case '&':
			fputs("&amp;", stdout);
			break;
		case '<':
			fputs("&lt;", stdout);
			break;
		case '>':
			fputs("&gt;", stdout);
			break;
		case '"':
			fputs("&quot;", stdout);
			break;
		default:
			if (ch >= 127)
				printf("&#%d;", ch);
			else
				putchar(ch);
		}
	}
}

/* Body of an XML comment: every hyphen is preceded by '*', every second
 * hyphen of the text (counted over the whole text) by " *"; a final
 * newline is dropped. */
static void put_comment_text(const char *s)
{
	unsigned hyphens = 0;

	for (; *s; s++) {
		if (*s == '-') {
			if (++hyphens == 2) {
				hyphens = 0;
				putchar(' ');
			}
			putchar('*');
		}
		if (*s != '\n' || s[1] != '\0')
			putchar(*s);
	}
}

static void put_comment(const char *s)
{
	fputs("<!-- ", stdout);
	put_comment_text(s);
	fputs(" -->\n", stdout);
}

static void put_attr(const char *name, const char *value)
{
	printf("%s=\"", name);
	put_text(value);
	fputs("\" ", stdout);
}

static void put_attr_num(const char *name, unsigned long long value)
{
	printf("%s=\"%lld\" ", name, (long long)value);
}

/* ------------------------------------------------------------ words */

static bool is_jump(const char *s)
{
	return strcmp(s, "-j") == 0 || strcmp(s, "--jump") == 0 ||
	       strcmp(s, "-g") == 0 || strcmp(s, "--goto") == 0;
}

static bool is_goto(const char *s)
{
	return strcmp(s, "-g") == 0 || strcmp(s, "--goto") == 0;
}

static bool is_module(const char *s)
{
	return strcmp(s, "-m") == 0 || strcmp(s, "--module") == 0;
}

static bool is_final_verdict(const char *s)
{
	return strcmp(s, "ACCEPT") == 0 || strcmp(s, "DROP") == 0 ||
	       strcmp(s, "QUEUE") == 0 || strcmp(s, "RETURN") == 0;
}

/* Split a rule into words the way iptables-restore does: blanks (space,
 * tab, newline) separate words; "..." groups, with backslash escaping
 * the next character inside quotes; a closing quote always ends a word
 * (even an empty one) and marks it quoted; an unterminated quote at the
 * end of the text yields an unquoted word. */
static void split_words(const struct xml_conv *c, const char *text,
			struct words *out)
{
	size_t cap = strlen(text) + 1;
	char *buf = xml_realloc(c, NULL, cap);
	size_t len = 0;
	bool in_quotes = false, escape = false;
	const char *p;

	for (p = text; *p; p++) {
		char ch = *p;

		if (in_quotes) {
			if (escape) {
				buf[len++] = ch;
				escape = false;
			} else if (ch == '\\') {
				escape = true;
			} else if (ch == '"') {
				in_quotes = false;
				words_add(c, out, buf, len, true);
				len = 0;
			} else {
				buf[len++] = ch;
			}
		} else if (ch == '"') {
			in_quotes = true;
		} else if (ch == ' ' || ch == '\t' || ch == '\n') {
			if (len) {
				words_add(c, out, buf, len, false);
				len = 0;
			}
		} else {
			buf[len++] = ch;
		}
	}
	if (len)
		words_add(c, out, buf, len, false);
	free(buf);
}

/* ------------------------------------------------------------ chains */

static const char *open_chain_name(const struct xml_conv *c)
{
	return c->chain ? c->chain : "";
}

static void close_chain(struct xml_conv *c)
{
	if (!c->chain)
		return;
	if (c->actions_open)
		fputs("       </actions>\n\n", stdout);
	c->actions_open = false;
	if (c->rule_open)
		fputs("      </rule>\n\n", stdout);
	c->rule_open = false;
	fputs("    </chain>\n", stdout);
	free(c->chain);
	c->chain = NULL;
}

/* write a <chain> start tag, or an empty <chain/> if empty is set */
static void open_chain(struct xml_conv *c, const struct decl_chain *d,
		       bool empty)
{
	close_chain(c);
	fputs("    <chain ", stdout);
	put_attr("name", d->name);
	if (strcmp(d->policy, "-") != 0)
		put_attr("policy", d->policy);
	put_attr_num("packet-count", d->pkts);
	put_attr_num("byte-count", d->bytes);
	if (empty)
		putchar('/');
	else
		c->chain = xml_strdup(c, d->name);
	fputs(">\n", stdout);
}

/* the name of the open chain or of one declared in this table? */
static bool chain_known(const struct xml_conv *c, const char *name)
{
	size_t i;

	if (strcmp(open_chain_name(c), name) == 0)
		return true;
	for (i = 0; i < c->ndecl; i++)
		if (strcmp(c->decl[i].name, name) == 0)
			return true;
	return false;
}

/* Make the chain a rule is appended to the open one. Chains that were
 * not declared leave the current element alone; a chain declared twice
 * is opened twice. */
static void enter_chain(struct xml_conv *c, const char *name)
{
	size_t i;

	if (strcmp(open_chain_name(c), name) == 0)
		return;
	for (i = 0; i < c->ndecl; i++) {
		if (strcmp(c->decl[i].name, name) != 0)
			continue;
		open_chain(c, &c->decl[i], false);
		c->decl[i].written = true;
	}
}

static void declare_chain(struct xml_conv *c, const char *name,
			  const char *policy)
{
	struct decl_chain *d;

	if (c->ndecl == c->decl_cap) {
		c->decl_cap = c->decl_cap ? 2 * c->decl_cap : 16;
		c->decl = xml_realloc(c, c->decl,
				      c->decl_cap * sizeof(*c->decl));
	}
	d = &c->decl[c->ndecl++];
	d->name = xml_strdup(c, name);
	d->policy = xml_strdup(c, policy);
	d->pkts = c->last_pkts;
	d->bytes = c->last_bytes;
	d->written = false;
}

/* forget the declared chains, writing the ones no rule opened */
static void flush_chains(struct xml_conv *c, bool write)
{
	size_t i;

	for (i = 0; i < c->ndecl; i++) {
		if (write && !c->decl[i].written)
			open_chain(c, &c->decl[i], true);
		free(c->decl[i].name);
		free(c->decl[i].policy);
	}
	c->ndecl = 0;
}

static void close_table(struct xml_conv *c)
{
	close_chain(c);
	flush_chains(c, true);
	if (c->table)
		fputs("  </table>\n", stdout);
	free(c->table);
	c->table = NULL;
}

static void open_table(struct xml_conv *c, const char *name)
{
	close_table(c);
	c->table = xml_strdup(c, name);
	fputs("  <table ", stdout);
	put_attr("name", name);
	fputs(">\n", stdout);
}

/* ------------------------------------------------------------ rules */

/* Element state of one rule section: an outer element (a match, a
 * target, call/goto, or the "match" wrapper of the built-in options) and
 * an inner one (an option). NULL means nothing is open. */
struct section {
	const char *outer;
	const char *inner;
};

static void section_close_inner(struct section *s)
{
	if (s->inner)
		printf("</%s>\n", s->inner);
	s->inner = NULL;
}

static void section_close_outer(struct section *s)
{
	if (s->outer)
		printf(OUTER_INDENT "</%s>\n", s->outer);
	s->outer = NULL;
}

static void section_close(struct section *s)
{
	section_close_inner(s);
	section_close_outer(s);
}

/* Write the conditions (actions = false: the words after "-A chain" up
 * to the first unquoted -j/-g) or the actions (actions = true: from the
 * first unquoted -j/-g on) of the current rule. */
static void write_section(const struct xml_conv *c, bool actions)
{
	const struct words *w = &c->cur;
	struct section s = { NULL, NULL };
	const char *sep = "";
	bool negate = false;
	size_t i = 2, first;

	if (actions)
		while (i < w->count && (w->quoted[i] || !is_jump(w->word[i])))
			i++;

	/* built-in options (-s, -p, ...) get a <match> wrapper */
	first = i < w->count && strcmp(w->word[i], "!") == 0 ? i + 1 : i;
	if (first < w->count && w->word[first][0] == '-' &&
	    !is_jump(w->word[first]) && strcmp(w->word[first], "-m") != 0) {
		s.outer = "match";
		fputs(OUTER_INDENT "<match >\n", stdout);
	}

	for (; i < w->count; i++) {
		const char *word = w->word[i];
		bool bare = !w->quoted[i];
		bool more = i + 1 < w->count;

		if (bare && !actions && is_jump(word))
			break;

		if (bare && strcmp(word, "!") == 0) {
			if (more && w->word[i + 1][0] == '-')
				negate = true;
			else
				printf("%s!", sep);
			sep = " ";
		} else if (bare && is_jump(word) && more &&
			   chain_known(c, w->word[i + 1])) {
			/* jump to a chain of this table */
			const char *kind = is_goto(word) ? "goto" : "call";

			section_close(&s);
			sep = "";
			negate = false;
			s.outer = kind;
			printf(OUTER_INDENT "<%s >\n", kind);
			i++;
			printf(INNER_INDENT "<%s />\n", w->word[i]);
		} else if (bare && (is_jump(word) || is_module(word))) {
			/* a match module or a target extension */
			if (!more)
				break;
			section_close(&s);
			sep = "";
			negate = false;
			i++;
			printf(OUTER_INDENT "<%s ", w->word[i]);
			if (i + 1 >= w->count ||
			    (!w->quoted[i + 1] &&
			     (is_jump(w->word[i + 1]) ||
			      is_module(w->word[i + 1])))) {
				fputs(" />\n", stdout);
			} else {
				s.outer = w->word[i];
				fputs(">\n", stdout);
			}
		} else if (bare && word[0] == '-') {
			/* an option: element named after it, minus dashes */
			const char *tag = word;

			section_close_inner(&s);
			while (*tag == '-')
				tag++;
			sep = "";
			printf(INNER_INDENT "<%s ", tag);
			if (negate)
				fputs(" invert=\"1\"", stdout);
			negate = false;
			if (!more || w->word[i + 1][0] == '-') {
				fputs(" />\n", stdout);
			} else {
				s.inner = tag;
				putchar('>');
			}
		} else {
			/* an option value */
			bool quote = w->quoted[i] || strchr(word, ' ');

			fputs(sep, stdout);
			if (quote)
				fputs("&quot;", stdout);
			put_text(word);
			if (quote)
				fputs("&quot;", stdout);
			sep = " ";
		}
	}
	section_close(&s);
}

/* --combine: does the current rule repeat the previous one's conditions
 * (compared word by word up to the target), and did the previous rule
 * end in something that can be followed by more actions? */
static bool same_conditions(const struct words *cur, const struct words *prev)
{
	size_t k;

	for (k = 0; k < cur->count && k < prev->count; k++) {
		const char *p = prev->word[k];

		if (is_jump(p) && is_jump(cur->word[k])) {
			if (is_goto(p))
				return false;
			return !(k + 1 < prev->count &&
				 is_final_verdict(prev->word[k + 1]));
		}
		if (strcmp(p, cur->word[k]) != 0)
			return false;
	}
	return false;
}

static void write_rule(struct xml_conv *c, const char *pcnt, const char *bcnt)
{
	const struct words *w = &c->cur;
	bool has_conditions = w->count > 2 && !is_jump(w->word[2]);

	if (c->combine && has_conditions && same_conditions(w, &c->prev)) {
		put_comment("Combine action from next rule");
	} else {
		if (c->actions_open)
			fputs("       </actions>\n\n", stdout);
		c->actions_open = false;
		if (c->rule_open)
			fputs("      </rule>\n\n", stdout);
		fputs("      <rule ", stdout);
		if (pcnt)
			put_attr("packet-count", pcnt);
		if (bcnt)
			put_attr("byte-count", bcnt);
		fputs(">\n", stdout);
		c->rule_open = true;
		if (has_conditions) {
			fputs("       <conditions>\n", stdout);
			write_section(c, false);
			fputs("       </conditions>\n", stdout);
		}
	}
	if (!c->actions_open) {
		fputs("       <actions>\n", stdout);
		c->actions_open = true;
	}
	write_section(c, true);
}

/* ------------------------------------------------------------ lines */

static const char blanks[] = " \t\n";

static int do_table_line(struct xml_conv *c, char *line)
{
	char *save;
	char *name = strtok_r(line + 1, blanks, &save);

	if (!name)
		return param_problem(c, "%s: line %d table name invalid",
				     c->prog, c->lineno);
	open_table(c, name);
	return 0;
}

static int do_chain_line(struct xml_conv *c, char *line)
{
	char *save, *name, *policy, *ctrs;

	name = strtok_r(line + 1, blanks, &save);
	if (!name)
		return param_problem(c, "%s: line %d chain name invalid",
				     c->prog, c->lineno);
	policy = strtok_r(NULL, blanks, &save);
	if (!policy)
		return param_problem(c, "%s: line %d policy invalid",
				     c->prog, c->lineno);
	ctrs = strtok_r(NULL, blanks, &save);
	/* partial matches keep the old values (see last_pkts) */
	if (ctrs)
		(void)sscanf(ctrs, "[%llu:%llu]", &c->last_pkts,
			     &c->last_bytes);
	declare_chain(c, name, policy);
	return 0;
}

static int do_rule_line(struct xml_conv *c, char *line)
{
	char *start = line, *pcnt = NULL, *bcnt = NULL;
	const char *chain = NULL;
	struct words tmp;
	size_t k;

	/* "[pkts:bytes] -A ..." - cut the same way iptables-restore does,
	 * including its strtok quirks on odd input */
	if (line[0] == '[') {
		char *end = strchr(line, ']');
		char *save;

		if (!end)
			return param_problem(c, "Bad line %d: need ]",
					     c->lineno);
		pcnt = strtok_r(line + 1, ":", &save);
		if (!pcnt)
			return param_problem(c, "Bad line %d: need :",
					     c->lineno);
		bcnt = strtok_r(NULL, "]", &save);
		if (!bcnt)
			return param_problem(c, "Bad line %d: need ]",
					     c->lineno);
		start = end + 1;
	}

	split_words(c, start, &c->cur);
	for (k = 1; k < c->cur.count; k++) {
		if (strcmp(c->cur.word[k - 1], "-A") == 0) {
			chain = c->cur.word[k];
			break;
		}
	}
	if (!chain) {
		fprintf(stderr, "%s: line %d failed - no chain found\n",
			c->prog, c->lineno);
		return XML_FAILED;
	}
	enter_chain(c, chain);
	write_rule(c, pcnt, bcnt);

	/* the current rule becomes the previous one */
	words_clear(&c->prev);
	tmp = c->prev;
	c->prev = c->cur;
	c->cur = tmp;
	return 0;
}

static int do_line(struct xml_conv *c, char *line)
{
	if (line[0] == '\n')
		return 0;
	if (line[0] == '#') {
		put_comment(line);
		return 0;
	}
	if (c->verbose) {
		printf("<!-- line %d ", c->lineno);
		put_comment_text(line);
		fputs(" -->\n", stdout);
	}

	if (c->table && strcmp(line, "COMMIT\n") == 0) {
		close_table(c);
		return 0;
	}
	if (line[0] == '*')
		return do_table_line(c, line);
	if (c->table && line[0] == ':')
		return do_chain_line(c, line);
	if (c->table)
		return do_rule_line(c, line);

	fprintf(stderr, "%s: line %d failed\n", c->prog, c->lineno);
	return XML_FAILED;
}

/* ------------------------------------------------------------ main */

int xml_main(const char *prog, const char *version, int argc, char **argv)
{
	static const struct option long_opts[] = {
		{ "verbose", no_argument, NULL, 'v' },
		{ "combine", no_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct xml_conv c;
	FILE *in;
	char *line = NULL;
	size_t line_cap = 0;
	int opt, status = 0;

	memset(&c, 0, sizeof(c));
	c.prog = prog;
	c.version = version;
	/* "1.8.9 (legacy)" is reported as v1.8.9, like iptables-xml does */
	c.version_len = (int)strcspn(version, " ");

	optind = 0;
	while ((opt = getopt_long(argc, argv, "cvh", long_opts, NULL)) != -1) {
		switch (opt) {
		case 'c':
			c.combine = true;
			break;
		case 'v':
			/* sic: 1.8.9 announces verbose mode like this */
			fputs("xptables-xml\n", stdout);
			c.verbose = true;
			break;
		case 'h':
			usage(prog);
			return XML_FAILED;
		default:
			/* getopt has complained; 1.8.9 carries on */
			break;
		}
	}

	if (optind == argc - 1) {
		in = fopen(argv[optind], "re");
		if (!in) {
			fprintf(stderr, "Can't open %s: %s", argv[optind],
				strerror(errno));
			return XML_FAILED;
		}
	} else if (optind < argc) {
		fputs("Unknown arguments found on commandline", stderr);
		return XML_FAILED;
	} else {
		in = stdin;
	}

	fputs("<iptables-rules version=\"1.0\">\n", stdout);
	while (getline(&line, &line_cap, in) != -1) {
		c.lineno++;
		status = do_line(&c, line);
		if (status)
			break;
	}
	if (!status && !feof(in)) {     /* not the end: a read error */
		fprintf(stderr, "%s: error reading input after line %d: %s\n",
			prog, c.lineno, strerror(ferror(in) ? errno : ENOMEM));
		status = XML_FAILED;
	}
	if (!status && c.table) {
		fprintf(stderr, "%s: COMMIT expected at line %d\n", prog,
			c.lineno + 1);
		status = XML_FAILED;
	}
	if (!status)
		fputs("</iptables-rules>\n", stdout);

	free(line);
	free(c.table);
	free(c.chain);
	flush_chains(&c, false);
	free(c.decl);
	words_free(&c.prev);
	words_free(&c.cur);
	if (in != stdin)
		fclose(in);
	fflush(stdout);
	return status;
}
