/* Printers: -L, -S / save format, help and version. They read table
 * handles and kernel entries and write stdout; they never change state. */
#ifndef IPT_PRINT_H
#define IPT_PRINT_H

#include <stdbool.h>
#include <xtables.h>
#include "backend.h"
#include "json_write.h"
#include "tool.h"

/* One rule in -L layout. targname is what libiptc names the target
 * (verdict, chain or extension); target_is_chain picks how it prints. */
/* print_rule_list: a match without a print function prints nothing
 * (iptables-nft), not its name (iptables-legacy) */
#define FMT_NO_PRINTLESS_NAMES 0x10000

void print_rule_list(const struct family_ops *fam, const void *entry,
		     const char *targname, bool target_is_chain,
		     unsigned int num, unsigned int format);

/* The "Chain X (...)" header and the column titles of -L. refs < 0 when
 * the chain has a policy (pol != NULL) or its references are unknown. */
void print_list_header(unsigned int format, const char *chain,
		       const char *pol, const struct xt_counters *counters,
		       int refs);

/* -L [chain [rulenum]]: returns false when chain does not exist. */
bool print_list(struct session *s, const char *chain, unsigned int rulenum,
		unsigned int format);

/* -v echo of a rule being added/deleted, as iptables prints it. */
void print_rule_echo(struct session *s, const void *entry);

/* Whether rule e of s jumps to targname (a chain or verdict) rather than
 * running an extension target of that name. Decided from the entry, as
 * iptables 1.8.9 does, so a user chain named like a target (MARK, LOG)
 * does not hide the target's options. */
bool session_target_is_jump(struct session *s, const void *e,
			    const char *targname);

/* One rule in -S / save format: "-A chain ...". is_jump: the target
 * prints as its name only (session_target_is_jump()). counters: 0 none,
 * > 0 "[p:b] " prefix (save -c), < 0 " -c p b" (-v -S). */
void print_rule_save(const struct family_ops *fam, const void *entry,
		     const char *chain, const char *targname,
		     bool is_jump, int counters);

/* Rule entry of chain s as print_rule_save() without counters, cut for
 * a reader that needs its parts: "-A chain" with the address, interface
 * and protocol options, a NUL byte, then for each match 'M', its " -m
 * NAME ..." and a NUL, then 'T', the target's " -j ..." or " -g ..."
 * (nothing when there is none) and a NUL, and 'E' instead of the
 * newline. No extension prints a NUL byte, so the parts are found again
 * whatever the strings in them. */
void print_rule_save_parts(struct session *s, const void *entry,
			   const char *chain);

/* The rules of chain (only rule rulenum unless 0) in save format;
 * counters as for print_rule_save(). Shared by -S and the save tool. */
void print_chain_rules(struct session *s, const char *chain,
		       unsigned int rulenum, int counters);

/* -S [chain [rulenum]]: returns false when chain does not exist. */
bool print_rules(struct session *s, const char *chain, unsigned int rulenum,
		 bool counters);

/* JSON (print_json.c): print_json_begin() opens the document for fam on
 * stdout, print_json_table() adds s's table (only chain, and only its
 * rule rulenum, when given; false when there is no such chain) and
 * print_json_end() closes it; false when a string had to be mended (not
 * UTF-8). print_json_list() is -L --json: the three for one table. */
void print_json_begin(struct json_writer *w, const struct family_ops *fam);
bool print_json_table(struct json_writer *w, struct session *s,
		      const char *chain, unsigned int rulenum);
bool print_json_end(struct json_writer *w);
bool print_json_list(struct session *s, const char *chain,
		     unsigned int rulenum);
/* The warning that a document had invalid UTF-8 mended. */
void print_json_not_utf8(const char *prog);

/* "Flushing chain `X'" and friends (-v). */
void print_chain_action(const char *verb, const char *chain);

void print_help(const struct tool *t,
		const struct xtables_rule_match *matches);
void print_version(const struct tool *t, bool not);

#endif
