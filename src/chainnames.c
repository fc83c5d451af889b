/* Announced chain names: see chainnames.h. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "chainnames.h"
#include "xt.h"

static char **slots;            /* open addressing; NULL: empty */
static size_t nslots, used;

static uint32_t hash(const char *s)
{
	uint32_t h = 2166136261u;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

/* The last name asked and not found: a target extension, asked again by
 * the next rules that use it. */
static char last_miss[XT_EXTENSION_MAXNAMELEN];

static bool known_hashed(const char *name)
{
	if (!nslots)
		return false;
	for (size_t i = hash(name) & (nslots - 1);; i = (i + 1) & (nslots - 1)) {
		if (!slots[i])
			return false;
		if (strcmp(slots[i], name) == 0)
			return true;
	}
}

static bool known(const char *name)
{
	size_t n;

	if (last_miss[0] && strcmp(last_miss, name) == 0)
		return false;
	if (known_hashed(name))
		return true;
	n = strlen(name);
	if (n < sizeof(last_miss))
		memcpy(last_miss, name, n + 1);
	return false;
}

/* false when memory ran out: the name is then only libxtables' */
static bool remember(const char *name)
{
	char *copy;
	size_t i;

	if (2 * (used + 1) > nslots) {
		size_t n = nslots ? nslots * 2 : 256;
		char **s = calloc(n, sizeof(*s));

		if (!s)
			return false;
		for (size_t k = 0; k < nslots; k++) {
			if (!slots[k])
				continue;
			for (i = hash(slots[k]) & (n - 1); s[i]; i = (i + 1) & (n - 1))
				;
			s[i] = slots[k];
		}
		free(slots);
		slots = s;
		nslots = n;
	}
	copy = strdup(name);
	if (!copy)
		return false;
	last_miss[0] = '\0';     /* it may be this name */
	for (i = hash(name) & (nslots - 1); slots[i]; i = (i + 1) & (nslots - 1))
		;
	slots[i] = copy;
	used++;
	return true;
}

void chainnames_announce(const char *name, bool tell_libxtables)
{
	if (known(name))
		return;         /* told as before */
	if (tell_libxtables || !remember(name))
		xtables_announce_chain(name);
	if (tell_libxtables)
		remember(name);
}

struct xtables_target *chainnames_find_target(const char *name)
{
	/* libxtables takes a verdict's name for its standard target before
	 * it looks at the non-targets, even when a file declared a chain so */
	if (*name && !xt_is_verdict(name) && known(name))
		return NULL;
	return xtables_find_target(name, XTF_TRY_LOAD);
}
