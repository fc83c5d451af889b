#include <stdlib.h>
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
	inv->ncmds = 0;
}
