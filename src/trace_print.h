/* A trace as text (one line per rule evaluated, then the verdict) or as
 * JSON ({"verdict", "path", "packet"}). */
#ifndef IPT_TRACE_PRINT_H
#define IPT_TRACE_PRINT_H

#include <stdio.h>
#include "family.h"
#include "trace.h"

void trace_print_text(FILE *f, const struct family_ops *fam,
		      const struct trace_result *r, bool assume_match);
void trace_print_json(FILE *f, const struct family_ops *fam,
		      const struct trace_result *r);

#endif
