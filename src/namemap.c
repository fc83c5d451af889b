/* See namemap.h. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "namemap.h"

struct namemap_slot {
	const char *name;       /* NULL: empty; TOMB: deleted */
	void *value;
};

static const char tomb[1];
#define TOMB tomb

/* FNV-1a: chain names are short */
static size_t hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return (size_t)(h ^ (h >> 29));
}

static struct namemap_slot *find(const struct namemap *m, const char *name)
{
	size_t mask = m->cap - 1;

	if (!m->cap)
		return NULL;
	for (size_t i = hash(name) & mask;; i = (i + 1) & mask) {
		struct namemap_slot *sl = &m->slots[i];

		if (!sl->name)
			return NULL;
		if (sl->name != TOMB && strcmp(sl->name, name) == 0)
			return sl;
	}
}

void *namemap_get(const struct namemap *m, const char *name)
{
	struct namemap_slot *sl = find(m, name);

	return sl ? sl->value : NULL;
}

static void insert(struct namemap *m, const char *name, void *value)
{
	size_t mask = m->cap - 1, i = hash(name) & mask;

	while (m->slots[i].name && m->slots[i].name != TOMB)
		i = (i + 1) & mask;
	if (!m->slots[i].name)
		m->used++;
	m->slots[i].name = name;
	m->slots[i].value = value;
	m->live++;
}

/* Keeps the load (tombstones included) at most one half. */
static int grow(struct namemap *m)
{
	struct namemap old = *m;
	size_t cap = m->cap ? m->cap : 16;

	while (cap < 4 * (m->live + 1))
		cap *= 2;
	m->slots = calloc(cap, sizeof(*m->slots));
	if (!m->slots) {
		*m = old;
		return 0;
	}
	m->cap = cap;
	m->used = m->live = 0;
	for (size_t i = 0; i < old.cap; i++)
		if (old.slots[i].name && old.slots[i].name != TOMB)
			insert(m, old.slots[i].name, old.slots[i].value);
	free(old.slots);
	return 1;
}

int namemap_put(struct namemap *m, const char *name, void *value)
{
	if (2 * (m->used + 1) > m->cap && !grow(m))
		return 0;
	insert(m, name, value);
	return 1;
}

void namemap_del(struct namemap *m, const char *name)
{
	struct namemap_slot *sl = find(m, name);

	if (sl) {
		sl->name = TOMB;
		sl->value = NULL;
		m->live--;
	}
}

void namemap_clear(struct namemap *m)
{
	if (m->cap)
		memset(m->slots, 0, m->cap * sizeof(*m->slots));
	m->used = m->live = 0;
}

void namemap_free(struct namemap *m)
{
	free(m->slots);
	*m = (struct namemap){ 0 };
}
