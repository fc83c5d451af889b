/* IPv6 text to address, the common forms only: see pton6.h. Never says 1
 * where inet_pton would say 0: it accepts only 1 to 4 hex digits per
 * group, groups joined by single colons, at most one "::" (standing for
 * at least one zero group), eight groups without it, and nothing else;
 * tests/unit compares it with inet_pton on every short string over the
 * characters that matter and on random long ones. */
#include <stdint.h>
#include <string.h>
#include "pton6.h"

/* hex digit values + 1; 0 for any other byte */
static const uint8_t hexv[256] = {
	['0'] = 1, ['1'] = 2, ['2'] = 3, ['3'] = 4, ['4'] = 5,
	['5'] = 6, ['6'] = 7, ['7'] = 8, ['8'] = 9, ['9'] = 10,
	['a'] = 11, ['b'] = 12, ['c'] = 13, ['d'] = 14, ['e'] = 15, ['f'] = 16,
	['A'] = 11, ['B'] = 12, ['C'] = 13, ['D'] = 14, ['E'] = 15, ['F'] = 16,
};

int pton6_fast(const char *s, struct in6_addr *a)
{
	uint16_t g[8];
	int n = 0, gap = -1;

	if (s[0] == ':') {
		if (s[1] != ':')
			return -1;
		gap = 0;
		s += 2;
	}
	while (*s) {
		unsigned int v = 0, x;
		int d = 0;

		while ((x = hexv[(unsigned char)*s]) != 0) {
			if (++d > 4)
				return -1;
			v = v << 4 | (x - 1);
			s++;
		}
		if (d == 0 || n == 8)
			return -1;
		g[n++] = (uint16_t)v;
		if (*s == '\0')
			break;
		if (*s++ != ':')
			return -1;
		if (*s == ':') {
			if (gap >= 0)
				return -1;
			gap = n;
			s++;
		} else if (*s == '\0') {
			return -1;      /* a single trailing colon */
		}
	}
	if (gap < 0 ? n != 8 : n > 7)
		return -1;
	memset(a, 0, sizeof(*a));
	for (int i = 0; i < n; i++) {
		int pos = gap >= 0 && i >= gap ? 8 - (n - i) : i;

		a->s6_addr[2 * pos] = (uint8_t)(g[i] >> 8);
		a->s6_addr[2 * pos + 1] = (uint8_t)g[i];
	}
	return 1;
}
