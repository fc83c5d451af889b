/* The legacy backend's shared part: what both families' libiptc sessions
 * do alike (the xtables lock, the module load, naming a refused rule). */
#ifndef IPT_LEGACY_H
#define IPT_LEGACY_H

#include <libiptc/xtcshared.h>
#include "backend.h"

struct legacy_session {
	struct session base;
	struct xtc_handle *h;
	int lockfd;             /* -1: none held */
};

/* The libiptc calls that differ by family only in their prefix. */
struct legacy_calls {
	struct xtc_handle *(*init)(const char *table);
	void (*free)(struct xtc_handle *h);
	const char *(*strerror)(int err);
};

/* libiptc's handle of table, loading the x_tables module and trying once
 * more when the first try fails; NULL with errno set. */
struct xtc_handle *legacy_init(const struct legacy_calls *calls,
			       const char *table);
/* Takes the lock (unless wait is SESSION_NO_LOCK), then the table
 * (legacy_init). */
struct session *legacy_open(const struct backend_ops *ops,
			    const struct legacy_calls *calls,
			    const struct family_ops *fam, const char *table,
			    int wait);
/* As legacy_open, for a restore that flushes table before anything else:
 * blob.c builds the table without reading the old one (legacy_fresh.c). */
struct blob_family;
struct session *fresh_open(const struct backend_ops *slow,
			   const struct legacy_calls *calls,
			   const struct blob_family *bf,
			   const struct family_ops *fam, const char *table,
			   int wait);
void legacy_close(struct session *s, const struct legacy_calls *calls);
/* The tables /proc lists for fam, in the kernel's registration order. */
void legacy_for_each_table(const struct family_ops *fam,
			   void (*fn)(const char *table, void *data),
			   void *data);
/* Names the first rule the kernel refuses (see culprit.h). */
char *legacy_explain(struct session *s);

#endif
