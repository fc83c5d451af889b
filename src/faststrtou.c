/* A fast path under strtoumax() for plain decimal numbers.
 *
 * libxtables reads every number of a rule (a port, a multiport list's
 * ports, a log level, a mark...) through xtables_strtoul_base(), which
 * calls strtoumax(s, &end, 0); glibc's costs about 170 instructions a
 * call, a few hundred per rule of a large restore. As fastport.c does for
 * getaddrinfo(), this definition, which the dynamic linker prefers to
 * libc's, answers the plain case itself: base 0 or 10, a first digit 1-9
 * (so no octal or hexadecimal prefix, no blank, no sign) and at most 18
 * digits (no overflow). It returns the same value and end pointer as
 * glibc and, like glibc on success, leaves errno alone. Every other call
 * goes to libc's strtoumax. */
#include <dlfcn.h>
#include <inttypes.h>
#include <stddef.h>

typedef uintmax_t (*strtoumax_fn)(const char *, char **, int);

uintmax_t strtoumax(const char *s, char **end, int base)
{
	static strtoumax_fn next;

	if ((base == 0 || base == 10) && s[0] >= '1' && s[0] <= '9') {
		uintmax_t v = (uintmax_t)(s[0] - '0');
		const char *p = s + 1;

		while (*p >= '0' && *p <= '9' && p - s < 18)
			v = v * 10 + (uintmax_t)(*p++ - '0');
		if (*p < '0' || *p > '9') {
			if (end)
				*end = (char *)p;
			return v;
		}
	}
	if (!next)
		next = (strtoumax_fn)dlsym(RTLD_NEXT, "strtoumax");
	return next(s, end, base);
}
