/* Printers for lint findings: text for people, JSON for programs; both
 * over the same struct lint_report. */
#include <stdio.h>
#include "lint_print.h"

void lint_print_text(FILE *f, const struct lint_report *r)
{
	for (size_t i = 0; i < r->n; i++) {
		const struct lint_finding *x = &r->findings[i];

		fprintf(f, "%s %s", x->table, x->chain);
		if (x->rule)
			fprintf(f, " %u", x->rule);
		fprintf(f, ": %s: %s: %s\n", lint_severity_name(x->severity),
			lint_kind_name(x->kind), x->message);
		if (x->line)
			fprintf(f, "    %s\n", x->line);
	}
}

void json_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		unsigned char c = *s;

		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c < 0x20)
			fprintf(f, "\\u%04x", c);
		else
			fputc(c, f);
	}
	fputc('"', f);
}

static void json_finding(FILE *f, const struct lint_finding *x)
{
	fputs("{\"kind\": ", f);
	json_string(f, lint_kind_name(x->kind));
	fputs(", \"severity\": ", f);
	json_string(f, lint_severity_name(x->severity));
	fputs(", \"table\": ", f);
	json_string(f, x->table);
	fputs(", \"chain\": ", f);
	json_string(f, x->chain);
	if (x->rule)
		fprintf(f, ", \"rule\": %u, \"line\": ", x->rule);
	else
		fputs(", \"rule\": null, \"line\": ", f);
	if (x->line)
		json_string(f, x->line);
	else
		fputs("null", f);
	fputs(", \"by\": ", f);
	if (x->by_chain) {
		fputs("{\"chain\": ", f);
		json_string(f, x->by_chain);
		fprintf(f, ", \"rule\": %u}", x->by_rule);
	} else {
		fputs("null", f);
	}
	fputs(", \"message\": ", f);
	json_string(f, x->message);
	fputc('}', f);
}

void lint_print_json(FILE *f, const struct lint_report *r)
{
	fputs("{\"findings\": [", f);
	for (size_t i = 0; i < r->n; i++) {
		fputs(i ? ",\n  " : "\n  ", f);
		json_finding(f, &r->findings[i]);
	}
	fputs(r->n ? "\n]}\n" : "]}\n", f);
}
