/* Names for the addresses of a listing without -n, looked up together.
 *
 * iptables -L resolves each address when it prints it, one blocking
 * getnameinfo() after the other: behind a resolver that takes 20 ms a
 * 200-rule listing takes seconds. ipt looks up the distinct addresses of
 * what it is about to print concurrently first, with the very call
 * libxtables makes, and prints from that cache: the same names, in the
 * same places, sooner. */
#ifndef IPT_RESOLVE_H
#define IPT_RESOLVE_H

#include <stdbool.h>
#include <stddef.h>
#include "family.h"

/* How many lookups run at once. */
#define RESOLVE_MAX_INFLIGHT 32

/* Looks up n addresses of family af (AF_INET, AF_INET6), duplicates
 * allowed, and remembers what getnameinfo() said. */
void resolve_prefetch(int af, const union ipt_addr *addrs, size_t n);
/* Whether a was looked up here; if so *name is what getnameinfo() gave,
 * as the first step of xtables_ipaddr_to_anyname has it, or NULL when it
 * failed (the caller goes on as libxtables does: network name, number). */
bool resolve_lookup(int af, const union ipt_addr *a, const char **name);
void resolve_forget(void);

#endif
