/* A rule's parse allocates five to eight small blocks and its command's
 * end frees them all; glibc keeps only seven freed blocks per size in its
 * per-thread cache, and libiptc's own allocations between two rules fill
 * it, so most of those frees took glibc's slow path (about 90
 * instructions each, and as many for the malloc that takes the block
 * back out). Here a freed block waits, by its exact size, for the next
 * request of that size.
 *
 * Only the size recorded with a block is trusted: a block is handed out
 * again for a request of the very size it was kept under, which its
 * holder's allocation had room for. Blocks carry no header, so libxtables
 * or anyone else may still free() them. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <xtables.h>
#include "pool.h"

enum {
	POOL_SLOTS = 32,        /* sizes kept at once (direct-mapped) */
	POOL_DEPTH = 32,        /* blocks kept per size */
};

struct kept {
	void *next;             /* written over the block's first bytes */
};

struct slot {
	size_t size;            /* 0: unused */
	unsigned int count;
	struct kept *head;
};

static struct slot slots[POOL_SLOTS];

static struct slot *slot_of(size_t size)
{
	return &slots[(size * 0x9e3779b1u >> 7) % POOL_SLOTS];
}

void *pool_alloc(size_t size)
{
	struct slot *s;

	if (size >= sizeof(struct kept)) {
		s = slot_of(size);
		if (s->size == size && s->head) {
			struct kept *k = s->head;

			s->head = k->next;
			s->count--;
			return k;
		}
	}
	return xtables_malloc(size ? size : 1);
}

void *pool_zalloc(size_t size)
{
	return memset(pool_alloc(size), 0, size);
}

void pool_free(void *p, size_t size)
{
	struct slot *s;

	if (!p)
		return;
	if (size < sizeof(struct kept)) {
		free(p);
		return;
	}
	s = slot_of(size);
	if (s->size != size) {
		if (s->head) {          /* another size has the slot */
			free(p);
			return;
		}
		s->size = size;
	}
	if (s->count >= POOL_DEPTH) {
		free(p);
		return;
	}
	((struct kept *)p)->next = s->head;
	s->head = p;
	s->count++;
}

void pool_drain(void)
{
	for (size_t i = 0; i < POOL_SLOTS; i++) {
		while (slots[i].head) {
			struct kept *k = slots[i].head;

			slots[i].head = k->next;
			free(k);
		}
		slots[i].count = 0;
		slots[i].size = 0;
	}
}
