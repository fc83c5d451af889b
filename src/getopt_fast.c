/* What glibc 2.36's _getopt_internal_r does, for the words answered here
 * (RETURN_IN_ORDER, from the leading '-' of the optstring):
 *  - a word not starting with '-', or "-" alone: return 1, optarg = the
 *    word, optind + 1;
 *  - "--name" with no '=': the first option of longopts whose name is
 *    exactly name wins; no_argument: return val; optional_argument:
 *    optarg = NULL; required_argument: optarg = the next word, optind + 2.
 *    No option of that name, and none that it abbreviates: return '?',
 *    optind + 1;
 *  - no word left (optind == argc): -1;
 *  - "-x", two characters: x's entry in optstring; no arguments, an
 *    optional one (NULL: it would have to be in the same word) or a
 *    required one in the next word; x not in optstring: '?'.
 * A missing required argument, "--", "--name=value", abbreviations,
 * clusters ("-vn", "-s1.2.3.4") and options with a flag go to libc, and so
 * does everything while libc is inside a word. libc keeps its own copy of
 * where it is inside a word; between words it takes optind from the
 * global, so the two can take turns word by word. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "getopt_fast.h"

enum { LIBC = -2 };     /* not answered here */

/* Open addressing over the options' positions (+1; 0: empty slot). */
struct getopt_index {
	const struct option *opts;
	uint32_t mask;
	uint32_t slot[];
};

static uint32_t name_hash(const char *name, size_t len)
{
	uint32_t h = 2166136261u;

	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)name[i]) * 16777619u;
	return h;
}

struct getopt_index *getopt_index_new(const struct option *longopts)
{
	size_t n = 0, size = 16;
	struct getopt_index *ix;

	while (longopts[n].name)
		n++;
	while (size < 2 * n)
		size *= 2;
	ix = calloc(1, sizeof(*ix) + size * sizeof(ix->slot[0]));
	if (!ix)
		return NULL;
	ix->opts = longopts;
	ix->mask = (uint32_t)size - 1;
	for (size_t i = 0; i < n; i++) {
		const char *name = longopts[i].name;
		uint32_t h = name_hash(name, strlen(name)) & ix->mask;

		for (;; h = (h + 1) & ix->mask) {
			if (!ix->slot[h]) {
				ix->slot[h] = (uint32_t)i + 1;
				break;
			}
			/* a later option of the same name is shadowed, as
			 * getopt_long takes the first */
			if (!strcmp(longopts[ix->slot[h] - 1].name, name))
				break;
		}
	}
	return ix;
}

/* The first option named exactly name (len bytes, name_hash hash), or
 * NULL. */
static const struct option *indexed_long(const struct getopt_index *ix,
					 const char *name, size_t len,
					 uint32_t hash)
{
	uint32_t h = hash & ix->mask;

	for (; ix->slot[h]; h = (h + 1) & ix->mask) {
		const struct option *o = &ix->opts[ix->slot[h] - 1];

		if (!strncmp(o->name, name, len) && o->name[len] == '\0')
			return o;
	}
	return NULL;
}

static const struct option *exact_long(const struct option *o,
				       const char *name, bool *prefix)
{
	size_t len = strlen(name);
	char c0 = name[0], c1 = name[1];

	*prefix = false;
	for (; o->name; o++) {
		/* name is not empty: a name that differs in its first two
		 * characters (or ends before) neither is nor starts with it */
		if (o->name[0] != c0 || (c1 && o->name[1] != c1) ||
		    strncmp(o->name, name, len) != 0)
			continue;
		if (o->name[len] == '\0')
			return o;
		*prefix = true;         /* an abbreviation: libc decides */
	}
	return NULL;
}

static int long_word(int argc, char **argv, const char *name,
		     const struct option *longopts,
		     const struct getopt_index *ix)
{
	const struct option *o = NULL;
	bool prefix = false;
	uint32_t h = 2166136261u;      /* name_hash, in the scan for '=' */
	size_t len = 0;

	for (; name[len] && name[len] != '='; len++)
		h = (h ^ (unsigned char)name[len]) * 16777619u;
	if (len == 0 || name[len] == '=')
		return LIBC;            /* "--", "--name=value" */
	/* the index knows exact names; for any other word the walk
	 * decides between an abbreviation (libc) and an unknown option */
	if (ix && ix->opts == longopts)
		o = indexed_long(ix, name, len, h);
	if (!o)
		o = exact_long(longopts, name, &prefix);
	if (!o) {
		if (prefix)
			return LIBC;
		optind++;
		optarg = NULL;
		optopt = 0;
		return '?';
	}
	if (o->flag)
		return LIBC;
	if (o->has_arg == required_argument) {
		if (optind + 1 >= argc)
			return LIBC;
		optarg = argv[optind + 1];
		optind += 2;
		return o->val;
	}
	optarg = NULL;
	optind++;
	return o->val;
}

/* Where each letter is in an optstring (strchr's answer, + 1; 0: not
 * there), for the few optstrings of a process; each parse finds its own
 * once, by address and text (a tool's optstring lives in a static buffer
 * that can be rewritten). */
struct short_map {
	char text[256];
	unsigned char at[128];
};

static const struct short_map *short_map_of(const char *optstring)
{
	static struct short_map maps[4];
	static const char *addr[4];
	static unsigned int next;
	size_t len = strlen(optstring);
	struct short_map *m;

	if (len >= sizeof(maps[0].text))
		return NULL;
	for (size_t i = 0; i < 4; i++)
		if (addr[i] == optstring && !strcmp(maps[i].text, optstring))
			return &maps[i];
	m = &maps[next];
	addr[next] = optstring;
	next = (next + 1) % 4;
	memcpy(m->text, optstring, len + 1);
	memset(m->at, 0, sizeof(m->at));
	for (size_t i = len; i-- > 0;)  /* the first occurrence wins */
		if ((unsigned char)optstring[i] < 128)
			m->at[(unsigned char)optstring[i]] = (unsigned char)(i + 1);
	return m;
}

static int short_word(int argc, char **argv, const char *optstring,
		      const struct short_map *map, char c)
{
	const char *spec;

	if (c == ':' || c == ';')
		spec = NULL;
	else if (map && (unsigned char)c < 128)
		spec = map->at[(unsigned char)c] ?
		       optstring + map->at[(unsigned char)c] - 1 : NULL;
	else
		spec = strchr(optstring, c);

	if (!spec) {
		optind++;
		optarg = NULL;
		optopt = c;
		return '?';
	}
	if (spec[1] != ':') {
		optind++;
		optarg = NULL;
		return c;
	}
	if (spec[2] == ':') {          /* optional: only in the same word */
		optind++;
		optarg = NULL;
		return c;
	}
	if (optind + 1 >= argc)
		return LIBC;
	optarg = argv[optind + 1];
	optind += 2;
	return c;
}

static int answer(int argc, char **argv, const char *optstring,
		  const struct option *longopts, const struct getopt_index *ix,
		  const struct short_map *map)
{
	const char *w;

	if (optind == argc) {  /* libc, in order, there answers -1 */
		optarg = NULL;
		return -1;
	}
	if (optind < 1 || optind > argc)
		return LIBC;
	w = argv[optind];
	if (w[0] != '-' || w[1] == '\0') {
		optarg = argv[optind++];
		return 1;
	}
	if (w[1] == '-')
		return long_word(argc, argv, w + 2, longopts, ix);
	if (w[2] != '\0')
		return LIBC;
	return short_word(argc, argv, optstring, map, w[1]);
}

/* libc's getopt_long. A parse's first call into libc first starts libc
 * afresh (optind 0) on an argv of one word, where it initialises and
 * finds no word to read: its state is then what it was after reading the
 * words before this one itself (nothing inside a word, no word skipped),
 * and the words answered here needed no libc call at all. */
static int libc_getopt(struct getopt_fast *st, int argc, char **argv,
		       const char *optstring, const struct option *longopts)
{
	if (!st->libc_started) {
		int at = optind;

		optind = 0;
		getopt_long(1, argv, optstring, longopts, NULL);
		optind = at;
		st->libc_started = true;
	}
	return getopt_long(argc, argv, optstring, longopts, NULL);
}

int getopt_fast(struct getopt_fast *st, int argc, char **argv,
		const char *optstring, const struct option *longopts)
{
	int before, c;

	if (!st->libc_started && optind == 0)
		optind = 1;     /* where libc would start */
	if (st->optstring != optstring) {
		st->optstring = optstring;
		st->shorts = short_map_of(optstring);
	}
	before = optind;
	if (!st->libc_midword) {
		c = answer(argc, argv, optstring, longopts, st->index,
			   st->shorts);
		if (c != LIBC)
			return c;
	}
	c = libc_getopt(st, argc, argv, optstring, longopts);
	st->libc_midword = c != -1 && optind == before;
	return c;
}
