/* inet_pton(AF_INET6) for the forms rulesets write: hex groups with at
 * most one "::". glibc's costs about 400 instructions an address, most of
 * an IPv6 rule's address parse. */
#ifndef IPT_PTON6_H
#define IPT_PTON6_H

#include <netinet/in.h>

/* 1 with *a set to what inet_pton would set it to; -1 for anything else
 * (an error, a dotted quad, ...), which the caller leaves to inet_pton. */
int pton6_fast(const char *s, struct in6_addr *a);

#endif
