/* A fast path under getaddrinfo() for numeric ports.
 *
 * libxtables resolves every port option ("--dport 80") with
 * getaddrinfo(NULL, "80", NULL, &res). With no hints glibc applies
 * AI_ADDRCONFIG, which opens a netlink socket and dumps the interface
 * addresses on every call: a quarter of iptables-restore's time on a
 * large ruleset goes there. For that exact call with a decimal port this
 * definition, which the dynamic linker prefers to libc's, answers at once;
 * every other call goes to libc's getaddrinfo.
 *
 * The answer is one AF_INET entry carrying the port, which is all that
 * libxtables reads. It is a single allocation with ai_canonname NULL, the
 * layout glibc's freeaddrinfo() frees. */
#include <dlfcn.h>
#include <netdb.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

typedef int (*getaddrinfo_fn)(const char *, const char *,
			      const struct addrinfo *, struct addrinfo **);

static int numeric_port(const char *s)
{
	int port = 0;

	if (!*s || strlen(s) > 5)
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		port = port * 10 + (*s - '0');
	}
	return port <= 65535 ? port : -1;
}

int getaddrinfo(const char *node, const char *service,
		const struct addrinfo *hints, struct addrinfo **res)
{
	static getaddrinfo_fn next;
	int port = !node && !hints && service ? numeric_port(service) : -1;

	if (port >= 0) {
		struct {
			struct addrinfo ai;
			struct sockaddr_in sin;
		} *r = calloc(1, sizeof(*r));

		if (!r)
			return EAI_MEMORY;
		r->sin.sin_family = AF_INET;
		r->sin.sin_port = htons(port);
		r->sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		r->ai.ai_family = AF_INET;
		r->ai.ai_socktype = SOCK_STREAM;
		r->ai.ai_protocol = IPPROTO_TCP;
		r->ai.ai_addrlen = sizeof(r->sin);
		r->ai.ai_addr = (struct sockaddr *)&r->sin;
		*res = &r->ai;
		return 0;
	}
	if (!next)
		next = (getaddrinfo_fn)dlsym(RTLD_NEXT, "getaddrinfo");
	return next(node, service, hints, res);
}
