/* glibc's getopt_long for the words it answers the same way without its
 * cost: a restore line spends a fifth of its parse in getopt_long, which
 * compares every long option word with every option of the merged table
 * (abbreviations, ambiguity) and rescans the optstring. */
#ifndef IPT_GETOPT_FAST_H
#define IPT_GETOPT_FAST_H

#include <getopt.h>
#include <stdbool.h>

/* An index of a long option table by exact name (its first option of
 * each name), so that "--name" is found without a walk over the table.
 * The table must stay allocated and unchanged while the index is used. */
struct getopt_index;

/* NULL when out of memory: getopt_fast then walks the table. */
struct getopt_index *getopt_index_new(const struct option *longopts);

/* One parse's state; zero it (GETOPT_FAST_INIT) where the parse sets
 * optind = 0 for getopt_long. */
struct getopt_fast {
	bool libc_started;      /* libc's getopt has initialised this parse */
	bool libc_midword;      /* libc stopped inside a word ("-vn") */
	/* the index of the table passed as longopts, if the caller has
	 * one; used only while it is the index of that very table */
	const struct getopt_index *index;
	/* the optstring of the last call and where its letters are */
	const char *optstring;
	const struct short_map *shorts;
};
#define GETOPT_FAST_INIT { false, false, NULL, NULL, NULL }

/* getopt_long(argc, argv, optstring, longopts, NULL) for an optstring
 * that begins with "-:" (arguments in order, ':' for a missing argument,
 * no messages): the same return value, optind and optarg. It answers
 * "--name" (exactly an option's name, or no option's name nor a prefix
 * of one), "--name ARG", "-x", "-x ARG" and non-option words itself, and
 * hands every other word to libc, which a parse starts only when it
 * first needs it. */
int getopt_fast(struct getopt_fast *st, int argc, char **argv,
		const char *optstring, const struct option *longopts);

#endif
