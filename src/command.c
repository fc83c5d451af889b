#include <stdlib.h>
#include <xtables.h>
#include "command.h"

void rule_spec_free(struct rule_spec *r)
{
	for (size_t i = 0; i < r->nmatches; i++)
		free(r->matches[i].data);
	free(r->matches);
	free(r->target.data);
	free(r->src.addr);      /* mask shares its block */
	free(r->dst.addr);
}

void invocation_free(struct invocation *inv)
{
	for (size_t i = 0; i < inv->ncmds; i++)
		rule_spec_free(&inv->cmds[i].rule);
	free(inv->cmds);
	inv->cmds = NULL;
	/* -h stops the parser before the segment's end frees its state:
	 * the matches named so far and the target's blob (help printed
	 * from them) */
	if (inv->action == ACT_HELP) {
		xtables_rule_matches_free(&inv->help_matches);
		for (struct xtables_target *t = xtables_targets; t; t = t->next) {
			free(t->t);
			t->t = NULL;
		}
	}
	inv->ncmds = 0;
}
