/* The legacy backend: sessions over libiptc, serialised by the xtables
 * lock. The per-family calls are in legacy_impl.h. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <xtables.h>
#include "culprit.h"
#include "legacy.h"
#include "lock.h"
#include "xt.h"

struct xtc_handle *legacy_init(const struct legacy_calls *calls,
			       const char *table)
{
	struct xtc_handle *h = calls->init(table);

	if (!h && xtables_load_ko(xtables_modprobe_program, false) != -1)
		h = calls->init(table);
	return h;
}

struct session *legacy_open(const struct backend_ops *ops,
			    const struct legacy_calls *calls,
			    const struct family_ops *fam, const char *table,
			    int wait)
{
	struct legacy_session *ls = calloc(1, sizeof(*ls));
	int err;

	if (!ls)
		return NULL;
	ls->base.ops = ops;
	ls->base.fam = fam;
	snprintf(ls->base.table, sizeof(ls->base.table), "%s", table);
	ls->lockfd = wait == SESSION_NO_LOCK ? -1 : lock_acquire(wait);
	ls->h = legacy_init(calls, table);
	if (ls->h)
		return &ls->base;
	err = errno;
	lock_release(ls->lockfd);
	free(ls);
	errno = err;
	return NULL;
}

void legacy_close(struct session *s, const struct legacy_calls *calls)
{
	struct legacy_session *ls = (struct legacy_session *)s;

	if (!s)
		return;
	calls->free(ls->h);
	lock_release(ls->lockfd);
	free(ls);
}

char *legacy_explain(struct session *s)
{
	return errno == EAGAIN ? NULL : culprit_find(s);
}

void legacy_for_each_table(const struct family_ops *fam,
			   void (*fn)(const char *table, void *data),
			   void *data)
{
	char name[XT_TABLE_MAXNAMELEN + 2];
	FILE *f = fopen(fam->proc_tables, "re");

	if (!f) {
		if (errno == ENOENT)
			return;
		fprintf(stderr, "Failed to list table names in %s: %s\n",
			fam->proc_tables, strerror(errno));
		exit(1);
	}
	while (fgets(name, sizeof(name), f)) {
		size_t len = strlen(name);

		if (len == 0 || name[len - 1] != '\n')
			xt_die(OTHER_PROBLEM, "Badly formed tablename `%s'",
			       name);
		name[len - 1] = '\0';
		fn(name, data);
	}
	fclose(f);
}
