#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "restore_line.h"

static const char *const blanks = " \t";

static const char *const out_of_memory = "out of memory";

/* Makes room for need elements of size bytes in *p (capacity *cap),
 * keeping *p and *cap as they were when memory runs out. */
static bool grow(void *p, size_t *cap, size_t need, size_t size)
{
	size_t ncap = need > 2 * *cap ? need : 2 * *cap;
	void *n;

	if (*cap >= need)
		return true;
	n = realloc(*(void **)p, ncap * size);
	if (!n)
		return false;
	*(void **)p = n;
	*cap = ncap;
	return true;
}

/* The line's buffer starts on a page: the words stay in it, and glibc's
 * strcmp takes its slow path (byte by byte up to alignment) whenever the
 * low 12 bits of its two addresses, or'ed, come within 128 bytes of a
 * page's end. The chain name and the extension names of every rule go
 * through strcmp many times (libiptc's chain lookup, libxtables' lists):
 * near a page's start their addresses almost never trip it, wherever the
 * heap happens to put the buffer. Old contents are not kept. */
static bool grow_line(char **buf, size_t *cap, size_t need)
{
	enum { PAGE = 4096 };
	size_t ncap = need > 2 * *cap ? need : 2 * *cap;
	void *n;

	if (*cap >= need)
		return true;
	ncap = (ncap + PAGE - 1) / PAGE * PAGE;
	if (posix_memalign(&n, PAGE, ncap) != 0)
		return false;
	free(*buf);
	*buf = n;
	*cap = ncap;
	return true;
}

/* The characters that end a run of a word outside quotes. */
static bool is_stop(unsigned char c)
{
	return c == '\0' || c == ' ' || c == '\t' || c == '"';
}

/* Splits s into words as iptables-restore does: blanks separate words; a
 * double quote opens a quoted part in which a backslash escapes the next
 * character; the closing quote ends the word, even an empty one ("").
 * The words are written over s itself: quotes and escapes only drop
 * characters, so a word never outgrows the text it came from, and a word
 * without quotes stays where it is (no copy, only its terminating NUL). */
static const char *split_words(char *s, char ***words, size_t *nwords,
			       size_t *cap, size_t *longest)
{
	size_t n = 0, most = 0, room;
	char **w;

	if (!grow(words, cap, 8, sizeof(**words)))
		return out_of_memory;
	w = *words;
	room = *cap;
	for (;;) {
		char *word, *o;

		while (*s == ' ' || *s == '\t')
			s++;
		if (*s == '\0')
			break;
		word = s;
		while (!is_stop((unsigned char)*s))
			s++;
		if (*s == '"') {
			/* from the opening quote on, characters move left */
			for (o = s++; *s != '"'; s++) {
				if (*s == '\\')
					s++;
				if (*s == '\0') {
					*words = w;
					return "unterminated quoted string";
				}
				*o++ = *s;
			}
			s++;            /* past the closing quote */
			*o = '\0';      /* o < s: the quotes were dropped */
		} else {
			o = s;
			if (*s != '\0')
				*s++ = '\0';
		}
		if ((size_t)(o - word) > most)
			most = (size_t)(o - word);
		/* one more for the NULL that ends the list (room is a copy
		 * of *cap: stores into w cannot change it) */
		if (n + 2 > room) {
			if (!grow(&w, cap, n + 2, sizeof(*w))) {
				*words = w;
				return out_of_memory;
			}
			room = *cap;
		}
		w[n++] = word;
	}
	w[n] = NULL;
	*words = w;
	*nwords = n;
	*longest = most;
	return NULL;
}

bool restore_parse_counters(const char *word, unsigned long long *pcnt,
			    unsigned long long *bcnt)
{
	int end = 0;

	if (sscanf(word, "[%llu:%llu]%n", pcnt, bcnt, &end) != 2)
		return false;
	return end > 0 && word[end] == '\0';
}

/* "[p:b]" at the very start of a rule line, as iptables-restore finds it. */
static const char *split_counters(char **rest, struct restore_line *out)
{
	char *s = *rest, *close, *colon;

	if (s[0] != '[')
		return NULL;
	close = strchr(s, ']');
	colon = close ? memchr(s, ':', close - s) : NULL;
	out->bad_counters = true;
	if (!colon)     /* iptables says "need ]" for a missing ':' too */
		return "need ]";
	*colon = '\0';
	*close = '\0';
	out->pcnt = s + 1;
	out->bcnt = colon + 1;
	if (!*out->pcnt || !*out->bcnt)
		return "need packet and byte counters";
	out->bad_counters = false;
	*rest = close + 1;
	return NULL;
}

static char *next_token(char **save)
{
	char *s = *save + strspn(*save, blanks), *end;

	if (!*s)
		return NULL;
	end = s + strcspn(s, blanks);
	*save = *end ? end + 1 : end;
	*end = '\0';
	return s;
}

static enum restore_kind classify(const char *buf, bool in_table)
{
	if (buf[0] == '\0')
		return RL_BLANK;
	if (buf[0] == '#')
		return RL_COMMENT;
	if (in_table && buf[0] == 'C' && strcmp(buf, "COMMIT") == 0)
		return RL_COMMIT;
	if (!in_table && buf[0] == '*')
		return RL_TABLE;
	if (in_table && buf[0] == ':')
		return RL_CHAIN;
	return in_table ? RL_RULE : RL_STRAY;
}

const char *restore_parse_line(const char *text, size_t len, bool in_table,
			       struct restore_line *out)
{
	char *rest;
	const char *err;

	struct restore_line keep = *out;

	memset(out, 0, sizeof(*out));
	out->buf = keep.buf;
	out->bufcap = keep.bufcap;
	out->argv = keep.argv;
	out->argvcap = keep.argvcap;
	if (memchr(text, '\0', len))
		return "NUL byte in line";
	if (len && text[len - 1] == '\r')
		return "line ends in a carriage return (DOS line ending)";
	if (!grow_line(&out->buf, &out->bufcap, len + 1)) {
		out->oom = true;
		return out_of_memory;
	}
	memcpy(out->buf, text, len);
	out->buf[len] = '\0';
	out->kind = classify(out->buf, in_table);
	rest = out->buf + 1;
	switch (out->kind) {
	case RL_TABLE:
		out->name = next_token(&rest);
		return NULL;
	case RL_CHAIN:
		out->name = next_token(&rest);
		out->policy = next_token(&rest);
		out->counters = next_token(&rest);
		return NULL;
	case RL_RULE:
		rest = out->buf;
		err = split_counters(&rest, out);
		if (err)
			return err;
		err = split_words(rest, &out->argv, &out->argc,
				  &out->argvcap, &out->longest);
		out->oom = err == out_of_memory;
		return err;
	default:
		return NULL;
	}
}

void restore_line_free(struct restore_line *l)
{
	free(l->argv);
	free(l->buf);
	memset(l, 0, sizeof(*l));
}
