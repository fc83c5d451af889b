/* See resolve.h. */
#include <netdb.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include "resolve.h"

struct entry {
	int af;
	union ipt_addr addr;
	char *name;             /* NULL: failed or not yet looked up */
};

static struct entry *cache;
static size_t ncache;

static int addr_cmp(const void *x, const void *y)
{
	const struct entry *a = x, *b = y;

	if (a->af != b->af)
		return a->af - b->af;
	return memcmp(&a->addr, &b->addr, sizeof(a->addr));
}

/* libxtables' ipaddr_to_host / ip6addr_to_host, word for word. */
static char *lookup(const struct entry *e)
{
	char host[NI_MAXHOST];
	struct sockaddr_in sin = { .sin_family = AF_INET };
	struct sockaddr_in6 sin6 = { .sin6_family = AF_INET6 };
	const struct sockaddr *sa;
	socklen_t len;

	if (e->af == AF_INET) {
		sin.sin_addr = e->addr.v4;
		sa = (const struct sockaddr *)&sin;
		len = sizeof(sin);
	} else {
		sin6.sin6_addr = e->addr.v6;
		sa = (const struct sockaddr *)&sin6;
		len = sizeof(sin6);
	}
	if (getnameinfo(sa, len, host, sizeof(host) - 1, NULL, 0, 0) != 0)
		return NULL;
	return strdup(host);
}

struct work {
	struct entry *todo;
	size_t n;
	atomic_size_t next;
};

static void *worker(void *arg)
{
	struct work *w = arg;
	size_t i;

	while ((i = atomic_fetch_add(&w->next, 1)) < w->n)
		w->todo[i].name = lookup(&w->todo[i]);
	return NULL;
}

void resolve_prefetch(int af, const union ipt_addr *addrs, size_t n)
{
	struct work w = { .n = 0 };
	pthread_t tid[RESOLVE_MAX_INFLIGHT];
	size_t nthreads = 0, k;

	if (!n)
		return;
	w.todo = calloc(n, sizeof(*w.todo));
	if (!w.todo)
		return;         /* no cache: libxtables resolves one by one */
	for (size_t i = 0; i < n; i++) {
		struct entry key = { .af = af, .addr = addrs[i] };

		const char *name;

		if (!resolve_lookup(af, &addrs[i], &name))
			w.todo[w.n++] = key;
	}
	/* each distinct address once */
	qsort(w.todo, w.n, sizeof(*w.todo), addr_cmp);
	for (size_t i = k = 0; i < w.n; i++)
		if (!k || addr_cmp(&w.todo[k - 1], &w.todo[i]) != 0)
			w.todo[k++] = w.todo[i];
	w.n = k;
	atomic_init(&w.next, 0);
	while (nthreads < RESOLVE_MAX_INFLIGHT && nthreads < w.n &&
	       pthread_create(&tid[nthreads], NULL, worker, &w) == 0)
		nthreads++;
	worker(&w);     /* this thread helps, and does all if none started */
	for (size_t i = 0; i < nthreads; i++)
		pthread_join(tid[i], NULL);

	/* merge into the cache, kept sorted for bsearch */
	struct entry *grown = realloc(cache, (ncache + w.n) * sizeof(*cache));

	if (!grown) {
		for (size_t i = 0; i < w.n; i++)
			free(w.todo[i].name);
		free(w.todo);
		return;
	}
	cache = grown;
	memcpy(cache + ncache, w.todo, w.n * sizeof(*cache));
	ncache += w.n;
	qsort(cache, ncache, sizeof(*cache), addr_cmp);
	free(w.todo);
}

bool resolve_lookup(int af, const union ipt_addr *a, const char **name)
{
	struct entry key = { .af = af, .addr = *a };
	const struct entry *e;

	*name = NULL;
	if (!ncache)
		return false;
	e = bsearch(&key, cache, ncache, sizeof(*cache), addr_cmp);
	if (e)
		*name = e->name;
	return e != NULL;
}

void resolve_forget(void)
{
	for (size_t i = 0; i < ncache; i++)
		free(cache[i].name);
	free(cache);
	cache = NULL;
	ncache = 0;
}
