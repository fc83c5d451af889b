/* A map from names (chain names) to pointers: open addressing with
 * linear probing, for tables with thousands of chains (kube-proxy) where
 * a linear search per rule made restore quadratic. The map does not own
 * the names: each key must stay valid, unchanged, while it is in the
 * map (remove it before renaming). */
#ifndef IPT_NAMEMAP_H
#define IPT_NAMEMAP_H

#include <stddef.h>

struct namemap {
	struct namemap_slot *slots;
	size_t cap;             /* a power of two, or 0 */
	size_t used;            /* live entries plus tombstones */
	size_t live;
};

void *namemap_get(const struct namemap *m, const char *name);
/* Adds name (not present yet); false when out of memory. */
int namemap_put(struct namemap *m, const char *name, void *value);
void namemap_del(struct namemap *m, const char *name);
void namemap_clear(struct namemap *m);
void namemap_free(struct namemap *m);

#endif
