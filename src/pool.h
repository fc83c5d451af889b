/* Blocks of the sizes every rule allocates and frees again (its matches'
 * and target's blobs, its address lists, its list of matches), kept for
 * the next rule instead of going back to malloc. */
#ifndef IPT_POOL_H
#define IPT_POOL_H

#include <stddef.h>

/* A zeroed block of size bytes: a kept one of exactly that size, else
 * xtables_malloc's (which exits when out of memory). Any holder may
 * free() it instead of pool_free(). */
void *pool_zalloc(size_t size);

/* The same, not zeroed. */
void *pool_alloc(size_t size);

/* Keeps p, a malloc'ed block of at least size bytes, for a pool_zalloc
 * of size; frees it when that size's list is full or its slot taken by
 * another size. p may be NULL. */
void pool_free(void *p, size_t size);

/* Frees every kept block. */
void pool_drain(void);

#endif
