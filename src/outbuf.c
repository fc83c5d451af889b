#include <stdio.h>
#include <string.h>
#include <xtables.h>
#include "outbuf.h"

/* Keeps room for one more field; fields are short, lines are not. */
static void ob_room(struct outbuf *o, size_t n)
{
	if (o->len + n >= sizeof(o->buf))
		ob_flush(o);
}

void ob_char(struct outbuf *o, char c)
{
	ob_room(o, 1);
	o->buf[o->len++] = c;
}

void ob_str(struct outbuf *o, const char *s)
{
	size_t n = strlen(s);

	if (n >= sizeof(o->buf) / 2) {
		ob_flush(o);
		fputs(s, stdout);
		return;
	}
	ob_room(o, n);
	memcpy(o->buf + o->len, s, n);
	o->len += n;
}

void ob_pad(struct outbuf *o, const char *s, size_t width, bool right_align)
{
	size_t n = strlen(s), fill = n < width ? width - n : 0;

	ob_room(o, fill);
	if (right_align) {
		memset(o->buf + o->len, ' ', fill);
		o->len += fill;
	}
	ob_str(o, s);
	if (!right_align) {
		ob_room(o, fill);
		memset(o->buf + o->len, ' ', fill);
		o->len += fill;
	}
}

void ob_uint(struct outbuf *o, uint64_t n, size_t width, bool right_align)
{
	char digits[24];
	size_t i = sizeof(digits) - 1;

	digits[i] = '\0';
	do {
		digits[--i] = '0' + n % 10;
		n /= 10;
	} while (n);
	ob_pad(o, digits + i, width, right_align);
}

/* As libxtables: up to 99999 as is, then rounded thousands with a unit
 * while the number fits in four digits. */
void ob_num(struct outbuf *o, uint64_t n, unsigned int format)
{
	static const char units[] = "KMGT";
	bool table = !(format & FMT_NOTABLE);

	if (!(format & FMT_KILOMEGAGIGA)) {
		ob_uint(o, n, table ? 8 : 0, true);
		ob_char(o, ' ');
		return;
	}
	if (n <= 99999) {
		ob_uint(o, n, table ? 5 : 0, true);
		ob_char(o, ' ');
		return;
	}
	for (int u = 0;; u++) {
		n = (n + 500) / 1000;
		if (n <= 9999 || units[u + 1] == '\0') {
			ob_uint(o, n, table ? 4 : 0, true);
			ob_char(o, units[u]);
			ob_char(o, ' ');
			return;
		}
	}
}

void ob_flush(struct outbuf *o)
{
	fwrite(o->buf, 1, o->len, stdout);
	o->len = 0;
}
