/* Announced chain names: see chainnames.h. */
#include <stdlib.h>
#include <string.h>
#include "chainnames.h"
#include "namemap.h"
#include "xt.h"

/* name -> its copy, which the map keys on (namemap owns no names) */
static struct namemap names;

/* The last name asked and not found: a target extension, asked again by
 * the next rules that use it. */
static char last_miss[XT_EXTENSION_MAXNAMELEN];

static bool known(const char *name)
{
	size_t n;

	if (last_miss[0] && strcmp(last_miss, name) == 0)
		return false;
	if (namemap_get(&names, name))
		return true;
	n = strlen(name);
	if (n < sizeof(last_miss))
		memcpy(last_miss, name, n + 1);
	return false;
}

/* false when memory ran out: the name is then only libxtables' */
static bool remember(const char *name)
{
	char *copy = strdup(name);

	if (!copy || !namemap_put(&names, copy, copy)) {
		free(copy);
		return false;
	}
	last_miss[0] = '\0';     /* it may be this name */
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
