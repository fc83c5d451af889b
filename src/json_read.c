/* The JSON reader of json_read.h: recursive descent over the whole text. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "json_read.h"
#include "json_write.h"

#define MAX_NESTING 64

struct reader {
	const unsigned char *s;
	size_t len, pos;
	unsigned int depth;
	struct json_error *err;
};

static bool fail(struct reader *r, const char *msg)
{
	struct json_error *e = r->err;

	e->offset = r->pos;
	e->line = 1;
	e->column = 1;
	for (size_t i = 0; i < r->pos && i < r->len; i++) {
		if (r->s[i] == '\n') {
			e->line++;
			e->column = 1;
		} else if ((r->s[i] & 0xc0) != 0x80) {  /* characters */
			e->column++;
		}
	}
	snprintf(e->msg, sizeof(e->msg), "%s", msg);
	return false;
}

static void skip_blanks(struct reader *r)
{
	while (r->pos < r->len && (r->s[r->pos] == ' ' ||
	       r->s[r->pos] == '\t' || r->s[r->pos] == '\n' ||
	       r->s[r->pos] == '\r'))
		r->pos++;
}

static bool grow(void **p, size_t *cap, size_t need, size_t size)
{
	void *n;

	if (need <= *cap)
		return true;
	n = realloc(*p, (*cap = need * 2) * size);
	if (!n)
		return false;
	*p = n;
	return true;
}

static bool parse_value(struct reader *r, struct json_value *v);

static bool literal(struct reader *r, const char *word)
{
	size_t n = strlen(word);

	if (r->len - r->pos < n || memcmp(r->s + r->pos, word, n) != 0)
		return fail(r, "invalid literal");
	r->pos += n;
	return true;
}

static int hex4(const unsigned char *s)
{
	int v = 0;

	for (int i = 0; i < 4; i++) {
		int c = s[i];

		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= c - '0';
		else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
			v |= (c | 0x20) - 'a' + 10;
		else
			return -1;
	}
	return v;
}

static size_t put_utf8(char *o, unsigned long cp)
{
	if (cp < 0x80) {
		o[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (char)(0xc0 | cp >> 6);
		o[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (char)(0xe0 | cp >> 12);
		o[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		o[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	o[0] = (char)(0xf0 | cp >> 18);
	o[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	o[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	o[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

/* "\uXXXX", a surrogate pair as two; r->pos at the backslash. */
static bool unicode_escape(struct reader *r, unsigned long *cp)
{
	int hi, lo;

	if (r->len - r->pos < 6 || (hi = hex4(r->s + r->pos + 2)) < 0)
		return fail(r, "invalid \\u escape");
	r->pos += 6;
	if (hi >= 0xdc00 && hi <= 0xdfff)
		return fail(r, "lone low surrogate in \\u escape");
	if (hi < 0xd800 || hi > 0xdbff) {
		*cp = hi;
		return true;
	}
	if (r->len - r->pos < 6 || r->s[r->pos] != '\\' ||
	    r->s[r->pos + 1] != 'u' || (lo = hex4(r->s + r->pos + 2)) < 0 ||
	    lo < 0xdc00 || lo > 0xdfff)
		return fail(r, "high surrogate without its low surrogate");
	r->pos += 6;
	*cp = 0x10000 + ((unsigned long)(hi - 0xd800) << 10) + (lo - 0xdc00);
	return true;
}

static bool simple_escape(struct reader *r, char *c)
{
	static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
	const char *at;

	if (r->pos + 1 >= r->len || !r->s[r->pos + 1] ||
	    !(at = strchr(from, r->s[r->pos + 1])))
		return fail(r, "invalid escape in string");
	*c = to[at - from];
	r->pos += 2;
	return true;
}

/* A string into *out (malloc'd); r->pos at its opening quote. The
 * decoded text is never longer than the quoted one. */
static bool parse_string(struct reader *r, char **out)
{
	size_t start = ++r->pos, n = 0;
	char *o;

	while (r->pos < r->len && r->s[r->pos] != '"')
		r->pos += r->s[r->pos] == '\\' ? 2 : 1;
	if (r->pos >= r->len) {
		r->pos = start - 1;
		return fail(r, "unterminated string");
	}
	o = malloc(r->pos - start + 1);
	if (!o)
		return fail(r, "out of memory");
	for (r->pos = start; r->s[r->pos] != '"';) {
		unsigned char c = r->s[r->pos];
		unsigned long cp = 0;
		size_t len;

		if (c < 0x20) {
			free(o);
			return fail(r, "control character in string");
		}
		if (c == '\\' && r->s[r->pos + 1] == 'u') {
			if (!unicode_escape(r, &cp) ||
			    (cp == 0 && !fail(r, "\\u0000 in string"))) {
				free(o);
				return false;
			}
			n += put_utf8(o + n, cp);
			continue;
		}
		if (c == '\\') {
			if (!simple_escape(r, o + n)) {
				free(o);
				return false;
			}
			n++;
			continue;
		}
		len = json_utf8_len(r->s + r->pos, r->len - r->pos);
		if (!len) {
			free(o);
			return fail(r, "invalid UTF-8 in string");
		}
		memcpy(o + n, r->s + r->pos, len);
		n += len;
		r->pos += len;
	}
	r->pos++;
	o[n] = '\0';
	*out = o;
	return true;
}

static size_t digits(struct reader *r)
{
	size_t n = 0;

	while (r->pos < r->len && r->s[r->pos] >= '0' && r->s[r->pos] <= '9')
		r->pos++, n++;
	return n;
}

static bool parse_number(struct reader *r, struct json_value *v)
{
	size_t start = r->pos;

	if (r->s[r->pos] == '-')
		r->pos++;
	if (r->pos < r->len && r->s[r->pos] == '0')
		r->pos++;
	else if (!digits(r))
		return fail(r, "invalid number");
	if (r->pos < r->len && r->s[r->pos] == '.' && (r->pos++, !digits(r)))
		return fail(r, "invalid number");
	if (r->pos < r->len && (r->s[r->pos] | 0x20) == 'e') {
		r->pos++;
		if (r->pos < r->len && (r->s[r->pos] == '+' ||
					r->s[r->pos] == '-'))
			r->pos++;
		if (!digits(r))
			return fail(r, "invalid number");
	}
	v->text = strndup((const char *)r->s + start, r->pos - start);
	return v->text ? true : fail(r, "out of memory");
}

/* The members of an array or object; r->pos past the opening bracket. */
static bool parse_members(struct reader *r, struct json_value *v,
			  bool object)
{
	size_t cap = 0, kcap = 0;
	char close = object ? '}' : ']';

	skip_blanks(r);
	if (r->pos < r->len && r->s[r->pos] == close) {
		r->pos++;
		return true;
	}
	for (;;) {
		char *key = NULL;

		skip_blanks(r);
		if (object) {
			if (r->pos >= r->len || r->s[r->pos] != '"')
				return fail(r, "expected a string key");
			size_t at = r->pos;

			if (!parse_string(r, &key))
				return false;
			for (size_t i = 0; i < v->n; i++)
				if (strcmp(v->keys[i], key) == 0) {
					free(key);
					r->pos = at;
					return fail(r, "duplicate key");
				}
			skip_blanks(r);
			if (r->pos >= r->len || r->s[r->pos] != ':') {
				free(key);
				return fail(r, "expected ':'");
			}
			r->pos++;
			if (!grow((void **)&v->keys, &kcap, v->n + 1,
				  sizeof(*v->keys))) {
				free(key);
				return fail(r, "out of memory");
			}
			v->keys[v->n] = key;
		}
		if (!grow((void **)&v->items, &cap, v->n + 1, sizeof(*v->items)))
			return fail(r, "out of memory");
		memset(&v->items[v->n], 0, sizeof(*v->items));
		v->n++;         /* counted now, so json_free() frees the key */
		if (!parse_value(r, &v->items[v->n - 1]))
			return false;
		skip_blanks(r);
		if (r->pos < r->len && r->s[r->pos] == ',') {
			r->pos++;
			continue;
		}
		if (r->pos < r->len && r->s[r->pos] == close) {
			r->pos++;
			return true;
		}
		return fail(r, object ? "expected ',' or '}'" :
			    "expected ',' or ']'");
	}
}

static bool parse_value(struct reader *r, struct json_value *v)
{
	unsigned char c;
	bool ok;

	skip_blanks(r);
	v->offset = r->pos;
	if (r->pos >= r->len)
		return fail(r, "unexpected end of input");
	c = r->s[r->pos];
	switch (c) {
	case '{':
	case '[':
		if (++r->depth > MAX_NESTING)
			return fail(r, "nested too deeply");
		r->pos++;
		v->type = c == '{' ? JSON_OBJECT : JSON_ARRAY;
		ok = parse_members(r, v, c == '{');
		r->depth--;
		return ok;
	case '"':
		v->type = JSON_STRING;
		return parse_string(r, &v->text);
	case 't':
	case 'f':
		v->type = JSON_BOOL;
		v->boolean = c == 't';
		return literal(r, c == 't' ? "true" : "false");
	case 'n':
		v->type = JSON_NULL;
		return literal(r, "null");
	default:
		if (c == '-' || (c >= '0' && c <= '9')) {
			v->type = JSON_NUMBER;
			return parse_number(r, v);
		}
		return fail(r, "unexpected character");
	}
}

bool json_parse(const char *text, size_t len, struct json_value *root,
		struct json_error *err)
{
	struct reader r = { .s = (const unsigned char *)text, .len = len,
			    .err = err };

	memset(root, 0, sizeof(*root));
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		r.pos = 3;      /* a byte order mark: RFC 8259 lets us skip it */
	if (!parse_value(&r, root)) {
		json_free(root);
		return false;
	}
	skip_blanks(&r);
	if (r.pos < len) {
		json_free(root);
		return fail(&r, "text after the document");
	}
	return true;
}

void json_free(struct json_value *v)
{
	for (size_t i = 0; i < v->n; i++) {
		json_free(&v->items[i]);
		if (v->keys)
			free(v->keys[i]);
	}
	free(v->items);
	free(v->keys);
	free(v->text);
	memset(v, 0, sizeof(*v));
}

const struct json_value *json_member(const struct json_value *obj,
				     const char *key)
{
	if (!obj || obj->type != JSON_OBJECT)
		return NULL;
	for (size_t i = 0; i < obj->n; i++)
		if (strcmp(obj->keys[i], key) == 0)
			return &obj->items[i];
	return NULL;
}

bool json_uint64(const struct json_value *v, uint64_t *out)
{
	unsigned long long n;
	char *end;

	if (!v || v->type != JSON_NUMBER || v->text[0] == '-')
		return false;
	errno = 0;
	n = strtoull(v->text, &end, 10);
	if (errno || *end)
		return false;   /* a fraction, an exponent or too large */
	*out = n;
	return true;
}

const char *json_type_name(enum json_type t)
{
	static const char *const names[] = {
		"null", "boolean", "number", "string", "array", "object",
	};

	return names[t];
}
