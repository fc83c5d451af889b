/* The parse's shortcuts against the paths they stand for: each test
 * parses the same input first with nothing remembered (libxtables' own
 * path) and again with what the first parse left behind, and the two must
 * come out identical, successes and errors alike. */
#define _GNU_SOURCE     /* RTLD_NEXT */
#include <arpa/inet.h>
#include <dlfcn.h>
#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "fcheck.h"
#include "getopt_fast.h"
#include "helpers.h"
#include "pool.h"
#include "pton6.h"
#include "restore_line.h"

/* Without root (a package build) libxtables cannot ask the kernel about
 * revisions and says so once per extension, the first time: not what is
 * compared here. */
static void drop_revision_notes(char *err)
{
	static const char note[] = "Could not determine whether revision";
	char *line = err;

	while (*line) {
		char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line + 1) : strlen(line);

		if (memmem(line, len, note, sizeof(note) - 1))
			memmove(line, line + len, strlen(line + len) + 1);
		else
			line += len;
	}
}

static struct parse_outcome parse_once(const char *const *argv)
{
	struct parse_outcome o = run_parse_restore("iptables-restore", 3, argv);

	drop_revision_notes(o.err);
	return o;
}

/* Parses one restore line twice and asserts identical outcomes. */
static struct parse_outcome twice(const char *const *argv)
{
	struct parse_outcome a, b;

	fcheck_forget();
	a = parse_once(argv);
	b = parse_once(argv);
	ck_assert_int_eq(a.exited, b.exited);
	ck_assert_int_eq(a.status, b.status);
	ck_assert_str_eq(a.err, b.err);
	ck_assert_str_eq(a.out, b.out);
	return b;
}

START_TEST(test_fcheck_repeat_is_identical)
{
	struct parse_outcome o = twice(ARGV("-t", "filter", "-A", "INPUT",
		"-p", "tcp", "-m", "conntrack", "--ctstate", "NEW", "-m", "tcp",
		"--dport", "80", "-m", "comment", "--comment", "x", "-j",
		"REJECT", "--reject-with", "tcp-reset"));

	ck_assert_parse_ok(&o);
}
END_TEST

/* a mandatory option missing: the check runs (and fails) every time,
 * also after the same table passed with other flags */
START_TEST(test_fcheck_failure_after_success_still_fails)
{
	struct parse_outcome ok, bad1, bad2;

	fcheck_forget();
	bad1 = parse_once(ARGV("-t", "filter", "-A", "INPUT", "-m", "comment"));
	ok = parse_once(ARGV("-t", "filter", "-A", "INPUT", "-m", "comment",
			     "--comment", "x"));
	bad2 = parse_once(ARGV("-t", "filter", "-A", "INPUT", "-m", "comment"));
	ck_assert_parse_ok(&ok);
	ck_assert_parse_fails(&bad1, 2, "comment: option \"--comment\" must "
			      "be specified");
	ck_assert_str_eq(bad1.err, bad2.err);
	ck_assert_int_eq(bad1.status, bad2.status);
}
END_TEST

/* options that exclude each other, after each passed alone */
START_TEST(test_fcheck_exclusion_after_each_alone)
{
	struct parse_outcome bad1, bad2;
	const char *const *both = ARGV("-t", "filter", "-A", "INPUT", "-m",
		"connlimit", "--connlimit-upto", "1", "--connlimit-above", "2");

	fcheck_forget();
	bad1 = parse_once(both);
	ck_assert_parse_fails(&bad1, 2, "cannot be used together with");
	parse_once(ARGV("-t", "filter", "-A", "INPUT", "-m", "connlimit",
			"--connlimit-upto", "1"));
	parse_once(ARGV("-t", "filter", "-A", "INPUT", "-m", "connlimit",
			"--connlimit-above", "2"));
	bad2 = parse_once(both);
	ck_assert_int_eq(bad1.status, 2);
	ck_assert_str_eq(bad1.err, bad2.err);
}
END_TEST

/* getopt_fast with a name index against glibc's getopt_long: every
 * return, optind and optarg equal, on words the index answers (exact
 * names, a shadowed second option of a name) and words it must leave to
 * the walk or to libc (abbreviations, unknown names, "--name=value"). */
START_TEST(test_getopt_index_answers_as_getopt_long)
{
	static const struct option longopts[] = {
		{ "append", required_argument, NULL, 'A' },
		{ "source", required_argument, NULL, 's' },
		{ "sport", required_argument, NULL, 1000 },
		{ "dport", required_argument, NULL, 1001 },
		{ "dports", required_argument, NULL, 1002 },
		{ "verbose", no_argument, NULL, 'v' },
		{ "wait", optional_argument, NULL, 'w' },
		{ "ctstate", required_argument, NULL, 1004 },
		{ "ctstatus", required_argument, NULL, 1005 },
		{ "dport", required_argument, NULL, 1003 },  /* shadowed */
		{ "sport", no_argument, NULL, 1006 },        /* shadowed */
		{ NULL, 0, NULL, 0 },
	};
	static const char *const cases[][12] = {
		{ "-t", "filter", "-A", "INPUT", "-p", "tcp", "--dport", "80", "-j", "ACCEPT" },
		{ "-t", "filter", "-A", "X", "--dports", "1,2", "--sport", "5", "!", "-s", "1.2.3.4" },
		{ "-t", "filter", "-A", "X", "--ctstate", "NEW", "--ctstatus", "x", "--ctstat", "y" },
		{ "-t", "filter", "-A", "X", "--dpo", "80", "--so", "1.2.3.4", "--verb" },
		{ "-t", "filter", "-A", "X", "--dp", "80", "--nosuch", "1", "-vn", "-x" },
		{ "-t", "filter", "-A", "X", "--dport=80", "--", "-v", "-n" },
		{ "-t", "filter", "-A", "X", "--ctstate=NEW", "--=", "--wait", "--dport" },
		{ "-t", "filter", "-A", "X", "--verbose", "--append", "Y", "--sportx", "1" },
		{ "-t", "filter", "-A", "X", "--ctstate" },
		/* libc's first word late in the line, then more words */
		{ "-t", "filter", "-A", "X", "--", "-v" },
		{ "-t", "filter", "-A", "X", "-s", "1", "--", "x", "--" },
		{ "-t", "filter", "-A", "X", "--dport", "1", "-vn", "-x", "--dpo", "2" },
		{ "-t", "filter", "-A", "X", "-j", "Y", "-vS", "-Sz", "word" },
		{ "-t", "filter", "-A", "X", "-j", "Y", "--wait=3", "-vj", "Z" },
		{ "--" },
		{ "-vn" },
	};

	struct getopt_index *ix = getopt_index_new(longopts);

	ck_assert_ptr_nonnull(ix);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *argv[16] = { "ipt" };
		int argc = 1;
		struct getopt_step want[64], got[64];
		size_t nw, ng;

		for (size_t k = 0; k < 12 && cases[i][k]; k++)
			argv[argc++] = (char *)cases[i][k];
		argv[argc] = NULL;
		nw = getopt_steps(false, NULL, argc, argv, longopts, want, 64);
		ng = getopt_steps(true, ix, argc, argv, longopts, got, 64);
		ck_assert_msg(nw == ng, "case %zu: %zu returns, getopt_long %zu",
			      i, ng, nw);
		for (size_t k = 0; k < nw; k++)
			ck_assert_msg(got[k].c == want[k].c &&
				      got[k].optind == want[k].optind &&
				      got[k].optarg == want[k].optarg,
				      "case %zu step %zu: %d/%d, getopt_long "
				      "%d/%d", i, k, got[k].c, got[k].optind,
				      want[k].c, want[k].optind);
	}
	free(ix);
}
END_TEST

/* an optstring rewritten in place (opt_shortopts' static buffers) is
 * read again, not answered from what the buffer held before */
START_TEST(test_getopt_short_letters_follow_rewritten_optstring)
{
	static const struct option none[] = { { NULL, 0, NULL, 0 } };
	static char optstring[16];
	char *argv[] = { "ipt", "-v", "x", "-n", NULL };

	for (int round = 0; round < 2; round++) {
		struct getopt_fast st = GETOPT_FAST_INIT;
		int want[3], got[3], wind[3], gind[3];

		strcpy(optstring, round ? "-:v:n" : "-:vn");
		optind = 0;
		opterr = 0;
		for (int k = 0; k < 3; k++) {
			want[k] = getopt_long(4, argv, optstring, none, NULL);
			wind[k] = optind;
		}
		optind = 0;
		for (int k = 0; k < 3; k++) {
			got[k] = getopt_fast(&st, 4, argv, optstring, none);
			gind[k] = optind;
		}
		for (int k = 0; k < 3; k++) {
			ck_assert_int_eq(got[k], want[k]);
			ck_assert_int_eq(gind[k], wind[k]);
		}
	}
}
END_TEST

/* an index of another table is not used */
START_TEST(test_getopt_index_of_other_table_is_ignored)
{
	static const struct option a[] = {
		{ "dport", required_argument, NULL, 1001 },
		{ NULL, 0, NULL, 0 },
	};
	static const struct option b[] = {
		{ "dport", required_argument, NULL, 2001 },
		{ NULL, 0, NULL, 0 },
	};
	char *argv[] = { "ipt", "--dport", "80", NULL };
	struct getopt_index *ix = getopt_index_new(a);
	struct getopt_step got[64];

	getopt_steps(true, ix, 3, argv, b, got, 64);
	ck_assert_int_eq(got[0].c, 2001);
	free(ix);
}
END_TEST

/* ck_assert_* reports every passing check to the parent process (one
 * write each in Check's fork mode): the loops over hundreds of thousands
 * of inputs below check with this, which only speaks on failure. */
#define EXPECT(cond, ...) \
	do { \
		if (!(cond)) \
			ck_abort_msg(__VA_ARGS__); \
	} while (0)

/* ---- the restore tokenizer -------------------------------------------- */

/* The splitter restore_line.c had before it split in place (words copied
 * to a second buffer), kept as the reference; its word list is a fixed
 * array here, for the short lines of the test. */
#define REF_MAXWORDS 64

static bool ref_add_word(char **w, size_t *n, char *word)
{
	/* one more for the NULL that ends the list */
	if (*n + 2 > REF_MAXWORDS)
		return false;
	w[(*n)++] = word;
	return true;
}

/* Splits s into words as iptables-restore does: blanks separate words; a
 * double quote opens a quoted part in which a backslash escapes the next
 * character; the closing quote ends the word, even an empty one ("").
 * Words are written into out (at least strlen(s) + 1 bytes). */
static const char *ref_split_words(const char *s, char *out, char **w,
				   size_t *nwords)
{
	size_t n = 0, len = 0;
	bool quote = false, escaped = false, end;
	char *word = out;

	for (;; s++) {
		char c;

		/* the common run of characters outside quotes, at once */
		if (!quote) {
			const char *run = s;

			while (*s && *s != ' ' && *s != '\t' && *s != '"')
				s++;
			memcpy(word + len, run, (size_t)(s - run));
			len += (size_t)(s - run);
		}
		c = *s;
		if (quote && c == '\0')
			return "unterminated quoted string";
		if (quote && (escaped || (c != '\\' && c != '"'))) {
			word[len++] = c;
			escaped = false;
			continue;
		}
		if (quote && c == '\\') {
			escaped = true;
			continue;
		}
		if (!quote && c == '"') {
			quote = true;
			continue;
		}
		end = quote || c == '\0' || c == ' ' || c == '\t';
		quote = false;
		if (!end) {
			word[len++] = c;
			continue;
		}
		if (len || c == '"') {
			word[len] = '\0';
			if (!ref_add_word(w, &n, word))
				return "too many words";
			word += len + 1;
			len = 0;
		}
		if (c == '\0')
			break;
	}
	w[n] = NULL;
	*nwords = n;
	return NULL;
}


/* Every string of up to 7 characters over an alphabet of the characters
 * that matter (blank, tab, quote, backslash, two letters), after "-A X ":
 * the same words, or the same error, as the reference. */
START_TEST(test_split_in_place_as_reference)
{
	static const char alpha[] = { 'a', ' ', '\t', '"', '\\', 'b' };
	const size_t na = sizeof(alpha);
	struct restore_line line = { 0 };
	char text[32], out[64];
	char *rw[REF_MAXWORDS];

	for (size_t len = 0; len <= 7; len++) {
		size_t count = 1;

		for (size_t i = 0; i < len; i++)
			count *= na;
		for (size_t k = 0; k < count; k++) {
			size_t x = k, rn = 0, most;
			const char *want, *got;

			memcpy(text, "-A X ", 5);
			for (size_t i = 0; i < len; i++, x /= na)
				text[5 + i] = alpha[x % na];
			text[5 + len] = '\0';
			want = ref_split_words(text, out, rw, &rn);
			got = restore_parse_line(text, 5 + len, true, &line);
			ck_assert_int_eq(line.kind, RL_RULE);
			EXPECT((want == NULL) == (got == NULL) &&
			       (!want || !strcmp(want, got)),
			       "\"%s\": %s, reference %s", text,
			       got ? got : "ok", want ? want : "ok");
			if (want)
				continue;
			EXPECT(line.argc == rn, "\"%s\": %zu words, reference %zu",
			       text, (size_t)line.argc, rn);
			most = 0;
			for (size_t i = 0; i < rn; i++) {
				EXPECT(!strcmp(line.argv[i], rw[i]),
				       "\"%s\": word %zu \"%s\", reference \"%s\"",
				       text, i, line.argv[i], rw[i]);
				if (strlen(rw[i]) > most)
					most = strlen(rw[i]);
			}
			EXPECT(line.argv[rn] == NULL, "\"%s\": list not ended", text);
			EXPECT(line.longest == most, "\"%s\": longest %zu, reference %zu",
			       text, (size_t)line.longest, most);
		}
	}
	restore_line_free(&line);
}
END_TEST

/* a line longer than the buffer so far, after short ones */
START_TEST(test_split_in_place_long_after_short)
{
	struct restore_line line = { 0 };
	char text[10000];
	size_t n = 0;

	ck_assert_ptr_null(restore_parse_line("-A X", 4, true, &line));
	for (int i = 0; i < 1000; i++)
		n += (size_t)snprintf(text + n, sizeof(text) - n, "%s",
				      i % 2 ? "w\"a b\" " : "xy ");
	ck_assert_ptr_null(restore_parse_line(text, n, true, &line));
	ck_assert_uint_eq(line.argc, 1000);
	ck_assert_str_eq(line.argv[0], "xy");
	ck_assert_str_eq(line.argv[1], "wa b");
	ck_assert_str_eq(line.argv[999], "wa b");
	restore_line_free(&line);
}
END_TEST

/* ---- the pool of per-rule blocks --------------------------------------- */

START_TEST(test_pool_gives_back_zeroed_block_of_same_size)
{
	unsigned char *a, *b, *c;

	pool_drain();
	a = pool_zalloc(200);
	memset(a, 0xAB, 200);
	pool_free(a, 200);
	c = pool_zalloc(208);           /* another size: not that block */
	ck_assert_ptr_ne(c, a);
	b = pool_zalloc(200);
	ck_assert_ptr_eq(b, a);
	for (size_t i = 0; i < 200; i++)
		ck_assert_uint_eq(b[i], 0);
	pool_free(b, 200);
	ck_assert_ptr_eq(pool_alloc(200), a);   /* not zeroed: not needed */
	free(a);                        /* a plain malloc block still */
	free(c);
	pool_free(NULL, 16);
	pool_drain();
}
END_TEST

/* a block malloc'ed elsewhere is kept under the size it is given with */
START_TEST(test_pool_keeps_foreign_block_and_bounds_depth)
{
	void *p[100];

	pool_drain();
	p[0] = malloc(40);
	pool_free(p[0], 40);
	ck_assert_ptr_eq(pool_zalloc(40), p[0]);
	free(p[0]);
	for (int i = 0; i < 100; i++)
		p[i] = pool_zalloc(64);
	for (int i = 0; i < 100; i++)
		pool_free(p[i], 64);    /* beyond the depth: freed */
	for (int i = 0; i < 100; i++)
		p[i] = pool_zalloc(64);
	for (int i = 0; i < 100; i++)
		for (int k = 0; k < i; k++)
			ck_assert_ptr_ne(p[i], p[k]);
	for (int i = 0; i < 100; i++)
		free(p[i]);
	/* tiny sizes are not kept */
	p[0] = pool_zalloc(3);
	pool_free(p[0], 3);
	pool_drain();
}
END_TEST

/* ---- the default addresses --------------------------------------------- */

/* -s/-d left out give what the same address written out gives */
static void same_default_addresses(const char *tool, const char *any)
{
	const struct command *d = parse_one(tool, ARGV("-A", "X", "-j",
						       "ACCEPT"));
	const struct command *e = parse_one(tool, ARGV("-A", "X", "-s", any,
						       "-d", any, "-j",
						       "ACCEPT"));

	ck_assert_uint_eq(d->rule.src.n, 1);
	ck_assert_uint_eq(e->rule.src.n, 1);
	ck_assert_uint_eq(d->rule.dst.n, 1);
	ck_assert_uint_eq(e->rule.dst.n, 1);
	ck_assert_mem_eq(d->rule.src.addr, e->rule.src.addr,
			 2 * sizeof(*d->rule.src.addr));
	ck_assert_mem_eq(d->rule.dst.addr, e->rule.dst.addr,
			 2 * sizeof(*d->rule.dst.addr));
	ck_assert_ptr_eq(d->rule.src.mask, d->rule.src.addr + 1);
	ck_assert_ptr_eq(d->rule.dst.mask, d->rule.dst.addr + 1);
}

START_TEST(test_default_addresses_as_written_out)
{
	same_default_addresses("iptables", "0.0.0.0/0");
	same_default_addresses("ip6tables", "::/0");
}
END_TEST

/* ---- protocol names ---------------------------------------------------- */

/* -p with every name of libxtables' table (twice, and in turns), numbers
 * and names from /etc/protocols: the number xtables_parse_protocol gives */
START_TEST(test_protocol_names_as_libxtables)
{
	static const char *const others[] = { "6", "17", "0", "255", "gre",
					      "ipv6-icmp", "udp", "tcp" };

	use_tool("iptables");
	for (int round = 0; round < 2; round++)
		for (const struct xtables_pprot *e = xtables_chain_protos;
		     e->name; e++) {
			const struct command *c = parse_one("iptables",
				ARGV("-A", "X", "-p", e->name));

			ck_assert_uint_eq(c->rule.proto,
					  xtables_parse_protocol(e->name));
		}
	for (size_t i = 0; i < sizeof(others) / sizeof(*others); i++) {
		const struct command *c = parse_one("iptables",
			ARGV("-A", "X", "-p", others[i]));

		ck_assert_uint_eq(c->rule.proto,
				  xtables_parse_protocol(others[i]));
	}
}
END_TEST

START_TEST(test_protocol_unknown_fails_after_known)
{
	struct parse_outcome a, b;

	a = run_parse_restore("iptables-restore", 3,
		ARGV("-t", "filter", "-A", "X", "-p", "nosuch"));
	run_parse_restore("iptables-restore", 3,
		ARGV("-t", "filter", "-A", "X", "-p", "tcp"));
	b = run_parse_restore("iptables-restore", 3,
		ARGV("-t", "filter", "-A", "X", "-p", "nosuch"));
	ck_assert_parse_fails(&a, 2, "unknown protocol \"nosuch\" specified");
	ck_assert_str_eq(a.err, b.err);
}
END_TEST

/* Calls fn on every string of up to maxlen characters of alpha. */
static void each_string(const char *alpha, size_t maxlen,
			void (*fn)(const char *s, void *data), void *data)
{
	size_t na = strlen(alpha);
	char text[16];

	ck_assert_uint_lt(maxlen, sizeof(text));
	for (size_t len = 0; len <= maxlen; len++) {
		size_t count = 1;

		for (size_t i = 0; i < len; i++)
			count *= na;
		for (size_t k = 0; k < count; k++) {
			size_t v = k;

			for (size_t i = 0; i < len; i++, v /= na)
				text[i] = alpha[v % na];
			text[len] = '\0';
			fn(text, data);
		}
	}
}

/* ---- IPv6 addresses ------------------------------------------------------ */

/* pton6_fast never answers where inet_pton would not, nor differently. */
static void pton6_as_inet_pton(const char *s)
{
	struct in6_addr fast, libc;

	if (pton6_fast(s, &fast) != 1)
		return;
	EXPECT(inet_pton(AF_INET6, s, &libc) == 1,
	       "\"%s\": taken, inet_pton refuses it", s);
	EXPECT(!memcmp(&fast, &libc, sizeof(fast)),
	       "\"%s\": a different address", s);
}

static void pton6_each(const char *s, void *data)
{
	(void)data;
	pton6_as_inet_pton(s);
}

/* Every string of up to 7 characters over the characters that matter,
 * then random long ones. */
START_TEST(test_pton6_short_and_random_strings)
{
	static const char alpha[] = "0fA:.g";
	static const char wide[] = "0123456789abcdefABCDEF::::::.g";
	char text[48];
	uint32_t x = 2024;

	each_string(alpha, 7, pton6_each, NULL);
	for (int i = 0; i < 200000; i++) {
		size_t len;

		x = x * 1103515245u + 12345u;
		len = (x >> 16) % 46;
		for (size_t k = 0; k < len; k++) {
			x = x * 1103515245u + 12345u;
			text[k] = wide[(x >> 16) % (sizeof(wide) - 1)];
		}
		text[len] = '\0';
		pton6_as_inet_pton(text);
	}
}
END_TEST

/* What inet_ntop writes (zero runs as "::", any position) is all taken by
 * the fast path, with inet_pton's address. */
START_TEST(test_pton6_takes_inet_ntop_forms)
{
	uint32_t x = 7;

	for (int i = 0; i < 20000; i++) {
		struct in6_addr a, got;
		char text[INET6_ADDRSTRLEN];

		for (int k = 0; k < 8; k++) {
			x = x * 1103515245u + 12345u;
			/* zero groups often, to make runs of them */
			uint16_t g = (x >> 16) % 3 ? 0 : (uint16_t)(x >> 8);

			a.s6_addr[2 * k] = (uint8_t)(g >> 8);
			a.s6_addr[2 * k + 1] = (uint8_t)g;
		}
		EXPECT(inet_ntop(AF_INET6, &a, text, sizeof(text)), "inet_ntop");
		if (strchr(text, '.'))
			continue;       /* a mapped IPv4 form: inet_pton's */
		EXPECT(pton6_fast(text, &got) == 1, "%s: not taken", text);
		EXPECT(!memcmp(&a, &got, sizeof(a)), "%s: differs", text);
	}
}
END_TEST

/* ---- numbers (src/faststrtou.c) ------------------------------------------ */

typedef uintmax_t (*strtoumax_fn)(const char *, char **, int);

/* The test binary has faststrtou.c's strtoumax, as ipt has: it must give
 * glibc's value, end and errno. */
static void strtoumax_as_libc(strtoumax_fn libc, const char *s, int base)
{
	char *e1 = NULL, *e2 = NULL;
	uintmax_t v1, v2;
	int err1, err2;

	errno = 1234;
	v1 = strtoumax(s, &e1, base);
	err1 = errno;
	errno = 1234;
	v2 = libc(s, &e2, base);
	err2 = errno;
	EXPECT(v1 == v2 && e1 == e2 && err1 == err2,
	       "\"%s\" base %d: %ju/%td/%d, libc %ju/%td/%d", s, base,
	       v1, e1 - s, err1, v2, e2 - s, err2);
}

static void strtoumax_each(const char *s, void *data)
{
	static const int bases[] = { 0, 10, 16, 8 };
	const strtoumax_fn *libc = data;

	for (size_t b = 0; b < 4; b++)
		strtoumax_as_libc(*libc, s, bases[b]);
}

START_TEST(test_strtoumax_as_libc)
{
	static const char alpha[] = "0159 +-xa\t";
	strtoumax_fn libc = (strtoumax_fn)dlsym(RTLD_NEXT, "strtoumax");
	char text[40];
	uint32_t x = 99;

	ck_assert_ptr_nonnull(libc);
	ck_assert_ptr_ne((void *)libc, (void *)strtoumax);
	each_string(alpha, 5, strtoumax_each, &libc);
	/* long runs of digits, past 2^64, with something after them */
	for (int i = 0; i < 20000; i++) {
		size_t len;

		x = x * 1103515245u + 12345u;
		len = 1 + (x >> 16) % 24;
		for (size_t k = 0; k < len; k++) {
			x = x * 1103515245u + 12345u;
			text[k] = (char)('0' + (x >> 16) % 10);
		}
		text[len] = i % 3 ? ':' : '\0';
		text[len + 1] = '\0';
		strtoumax_as_libc(libc, text, i % 2 ? 0 : 10);
	}
	strtoumax_as_libc(libc, "18446744073709551615", 0);
	strtoumax_as_libc(libc, "18446744073709551616", 0);
	strtoumax_as_libc(libc, "999999999999999999", 10);
}
END_TEST

Suite *suite_fastparse(void)
{
	Suite *s = suite_create("fastparse");
	TCase *tc = helpers_tcase("fcheck");

	tcase_add_test(tc, test_fcheck_repeat_is_identical);
	tcase_add_test(tc, test_fcheck_failure_after_success_still_fails);
	tcase_add_test(tc, test_fcheck_exclusion_after_each_alone);
	suite_add_tcase(s, tc);
	tc = helpers_tcase("getopt_index");
	tcase_add_test(tc, test_getopt_index_answers_as_getopt_long);
	tcase_add_test(tc, test_getopt_index_of_other_table_is_ignored);
	tcase_add_test(tc, test_getopt_short_letters_follow_rewritten_optstring);
	suite_add_tcase(s, tc);
	tc = helpers_tcase("split");
	/* whole enumerations: room for a loaded machine (a package build's
	 * make -j check) beyond Check's 4 s */
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_split_in_place_as_reference);
	tcase_add_test(tc, test_split_in_place_long_after_short);
	suite_add_tcase(s, tc);
	tc = helpers_tcase("protocols");
	tcase_add_test(tc, test_protocol_names_as_libxtables);
	tcase_add_test(tc, test_protocol_unknown_fails_after_known);
	suite_add_tcase(s, tc);
	tc = helpers_tcase("addresses");
	tcase_add_test(tc, test_default_addresses_as_written_out);
	suite_add_tcase(s, tc);
	tc = helpers_tcase("pool");
	tcase_add_test(tc, test_pool_gives_back_zeroed_block_of_same_size);
	tcase_add_test(tc, test_pool_keeps_foreign_block_and_bounds_depth);
	suite_add_tcase(s, tc);
	tc = helpers_tcase("numbers");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_pton6_short_and_random_strings);
	tcase_add_test(tc, test_pton6_takes_inet_ntop_forms);
	tcase_add_test(tc, test_strtoumax_as_libc);
	suite_add_tcase(s, tc);
	return s;
}
