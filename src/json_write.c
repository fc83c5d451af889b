/* The JSON writer of json_write.h. */
#include <inttypes.h>
#include "json_write.h"

void jw_init(struct json_writer *w, FILE *f)
{
	w->f = f;
	w->depth = 0;
	w->first[0] = true;
	w->after_key = false;
	w->replaced = false;
}

/* The comma before a value, unless it is the first or follows its key. */
static void separate(struct json_writer *w)
{
	if (w->after_key) {
		w->after_key = false;
		return;
	}
	if (!w->first[w->depth])
		putc(',', w->f);
	w->first[w->depth] = false;
}

static void open_level(struct json_writer *w, char c)
{
	separate(w);
	putc(c, w->f);
	/* deeper than any document ipt writes: keep the commas right at
	 * the last level rather than overrun */
	if (w->depth + 1 < JSON_MAX_DEPTH)
		w->depth++;
	w->first[w->depth] = true;
}

static void close_level(struct json_writer *w, char c)
{
	if (w->depth)
		w->depth--;
	putc(c, w->f);
}

void jw_object_begin(struct json_writer *w) { open_level(w, '{'); }
void jw_object_end(struct json_writer *w) { close_level(w, '}'); }
void jw_array_begin(struct json_writer *w) { open_level(w, '['); }
void jw_array_end(struct json_writer *w) { close_level(w, ']'); }

size_t json_utf8_len(const unsigned char *s, size_t n)
{
	unsigned char c = s[0];
	size_t len;
	uint32_t cp, min;

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		len = 2, cp = c & 0x1f, min = 0x80;
	else if (c >= 0xe0 && c <= 0xef)
		len = 3, cp = c & 0x0f, min = 0x800;
	else if (c >= 0xf0 && c <= 0xf4)
		len = 4, cp = c & 0x07, min = 0x10000;
	else
		return 0;
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return len;
}

static void put_escaped(struct json_writer *w, unsigned char c)
{
	static const char hex[] = "0123456789abcdef";

	switch (c) {
	case '"': fputs("\\\"", w->f); return;
	case '\\': fputs("\\\\", w->f); return;
	case '\b': fputs("\\b", w->f); return;
	case '\f': fputs("\\f", w->f); return;
	case '\n': fputs("\\n", w->f); return;
	case '\r': fputs("\\r", w->f); return;
	case '\t': fputs("\\t", w->f); return;
	}
	fputs("\\u00", w->f);
	putc(hex[c >> 4], w->f);
	putc(hex[c & 15], w->f);
}

void jw_string_n(struct json_writer *w, const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;

	separate(w);
	putc('"', w->f);
	for (size_t i = 0; i < n;) {
		size_t len = 0;

		/* a run of plain ASCII in one write: names and rules are
		 * mostly that */
		while (i + len < n && s[i + len] >= 0x20 && s[i + len] < 0x80 &&
		       s[i + len] != '"' && s[i + len] != '\\')
			len++;
		if (len) {
			fwrite(s + i, 1, len, w->f);
			i += len;
			continue;
		}
		if (s[i] < 0x20 || s[i] == '"' || s[i] == '\\') {
			put_escaped(w, s[i++]);
			continue;
		}
		len = json_utf8_len(s + i, n - i);
		if (!len) {
			fputs("\\ufffd", w->f);
			w->replaced = true;
			i++;
			continue;
		}
		fwrite(s + i, 1, len, w->f);
		i += len;
	}
	putc('"', w->f);
}

void jw_string(struct json_writer *w, const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	jw_string_n(w, s, n);
}

void jw_key(struct json_writer *w, const char *key)
{
	jw_string(w, key);
	putc(':', w->f);
	w->after_key = true;
}

void jw_uint(struct json_writer *w, uint64_t n)
{
	separate(w);
	fprintf(w->f, "%" PRIu64, n);
}

void jw_bool(struct json_writer *w, bool b)
{
	separate(w);
	fputs(b ? "true" : "false", w->f);
}

void jw_null(struct json_writer *w)
{
	separate(w);
	fputs("null", w->f);
}
