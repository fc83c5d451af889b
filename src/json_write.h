/* A small JSON writer: values written straight to a stream, commas and
 * nesting tracked here so that printers only say what comes next. */
#ifndef IPT_JSON_WRITE_H
#define IPT_JSON_WRITE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define JSON_MAX_DEPTH 32

struct json_writer {
	FILE *f;
	unsigned int depth;
	bool first[JSON_MAX_DEPTH];     /* nothing written yet at this depth */
	bool after_key;                 /* a key was written, its value next */
	bool replaced;                  /* a string had bytes not UTF-8 */
};

void jw_init(struct json_writer *w, FILE *f);
void jw_object_begin(struct json_writer *w);
void jw_object_end(struct json_writer *w);
void jw_array_begin(struct json_writer *w);
void jw_array_end(struct json_writer *w);
/* The key of the next member of the open object. */
void jw_key(struct json_writer *w, const char *key);
/* s as a JSON string: quotes, backslash and control characters escaped,
 * valid UTF-8 passed through, each byte that is not part of a valid UTF-8
 * sequence written as U+FFFD (and w->replaced set). */
void jw_string(struct json_writer *w, const char *s);
void jw_string_n(struct json_writer *w, const char *s, size_t len);
void jw_uint(struct json_writer *w, uint64_t n);
void jw_bool(struct json_writer *w, bool b);
void jw_null(struct json_writer *w);

/* The length of the valid UTF-8 sequence at s (at most n bytes), or 0:
 * no overlong forms, no surrogates, nothing above U+10FFFF. */
size_t json_utf8_len(const unsigned char *s, size_t n);

#endif
