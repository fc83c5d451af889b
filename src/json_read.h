/* A small JSON reader: a whole document (RFC 8259) parsed into a tree of
 * plain values. Strict: no trailing commas, comments or NaN; the input
 * must be UTF-8; a string may not hold U+0000 (ipt's strings are C
 * strings); an object may not repeat a key. */
#ifndef IPT_JSON_READ_H
#define IPT_JSON_READ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum json_type {
	JSON_NULL, JSON_BOOL, JSON_NUMBER, JSON_STRING, JSON_ARRAY,
	JSON_OBJECT,
};

struct json_value {
	enum json_type type;
	size_t offset;          /* where it starts in the input */
	bool boolean;           /* JSON_BOOL */
	char *text;             /* JSON_STRING: decoded; JSON_NUMBER: as
				 * written */
	size_t n;               /* JSON_ARRAY, JSON_OBJECT: members */
	struct json_value *items;
	char **keys;            /* JSON_OBJECT: the members' keys */
};

struct json_error {
	size_t offset;          /* byte offset of the error */
	unsigned int line, column;      /* 1-based */
	char msg[96];
};

/* Parses len bytes of text into *root; false with *err filled on a syntax
 * error (nothing to free then). Nesting deeper than 64 is an error. */
bool json_parse(const char *text, size_t len, struct json_value *root,
		struct json_error *err);
void json_free(struct json_value *v);

/* The member key of object obj, or NULL (also when obj is not an
 * object). */
const struct json_value *json_member(const struct json_value *obj,
				     const char *key);
/* A number that is a non-negative integer below 2^64, into *out. */
bool json_uint64(const struct json_value *v, uint64_t *out);
/* "string", "number", ...: for messages. */
const char *json_type_name(enum json_type t);

#endif
