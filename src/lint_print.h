/* lint findings as text (one "table chain rule: severity: kind: message"
 * line and the rule's save line) or as JSON. */
#ifndef IPT_LINT_PRINT_H
#define IPT_LINT_PRINT_H

#include <stdio.h>
#include "lint.h"

void lint_print_text(FILE *f, const struct lint_report *r);
void lint_print_json(FILE *f, const struct lint_report *r);
/* s as a JSON string literal, quotes included. */
void json_string(FILE *f, const char *s);

#endif
