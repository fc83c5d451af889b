/* A line assembled in memory and written with one call: the printers'
 * fixed columns, without a printf() per field (listing 10,000 rules is
 * mostly formatting). */
#ifndef IPT_OUTBUF_H
#define IPT_OUTBUF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct outbuf {
	size_t len;
	char buf[1024];
};

void ob_char(struct outbuf *o, char c);
void ob_str(struct outbuf *o, const char *s);
/* s padded with blanks to width: on the right ("%-9s"), or on the left
 * ("%9s") when right_align. Longer strings are not cut, as printf. */
void ob_pad(struct outbuf *o, const char *s, size_t width, bool right_align);
void ob_uint(struct outbuf *o, uint64_t n, size_t width, bool right_align);
/* A counter as xtables_print_num() prints it for format. */
void ob_num(struct outbuf *o, uint64_t n, unsigned int format);
/* Writes the line to stdout and empties it. */
void ob_flush(struct outbuf *o);

#endif
