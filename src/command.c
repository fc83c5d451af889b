#include <stdlib.h>
#include <xtables.h>
#include "command.h"
#include "pool.h"

/* The blocks go back to the pool under the sizes they were made with
 * (cli.c's take_extensions, the families' parse_addrs): the next rule
 * asks for the same ones. */
void rule_spec_free(struct rule_spec *r)
{
	for (size_t i = 0; i < r->nmatches; i++)
		pool_free(r->matches[i].data, r->matches[i].size);
	pool_free(r->matches, r->nmatches * sizeof(*r->matches));
	pool_free(r->target.data, r->target.size);
	/* mask shares its block */
	pool_free(r->src.addr, 2 * r->src.n * sizeof(*r->src.addr));
	pool_free(r->dst.addr, 2 * r->dst.n * sizeof(*r->dst.addr));
}

void invocation_free(struct invocation *inv)
{
	for (size_t i = 0; i < inv->ncmds; i++)
		rule_spec_free(&inv->cmds[i].rule);
	/* cli.c's push_command made it that size */
	pool_free(inv->cmds, inv->ncmds * sizeof(*inv->cmds));
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
