/* ipt trace: walks one packet through a struct ruleset in netfilter's
 * hook order and records every rule it evaluates. Analysis only: plain
 * data in (ruleset, packet, path), a struct trace_result out;
 * trace_print.c prints it, trace_main.c runs the tool. */
#ifndef IPT_TRACE_H
#define IPT_TRACE_H

#include <stdbool.h>
#include <stdint.h>
#include <net/if.h>
#include "command.h"
#include "pktset.h"
#include "ruleset.h"

enum trace_path { PATH_INPUT, PATH_FORWARD, PATH_OUTPUT };

struct trace_packet {
	uint8_t proto;
	union ipt_addr src, dst;
	uint16_t sport, dport;
	bool sport_set, dport_set;      /* else a port test is unknown */
	uint8_t icmp_type, icmp_code;
	uint8_t tcp_flags;      /* the TCP header's flags byte */
	bool tcp_flags_set;     /* else a flags test is unknown */
	char in[IFNAMSIZ + 1], out[IFNAMSIZ + 1];  /* "": not given */
	int ctstate;            /* CT_* (pktset.h) */
	uint32_t mark;
};

enum trace_match { TM_NO, TM_YES, TM_UNKNOWN };

struct trace_step {
	const char *table, *chain;      /* point into the ruleset */
	unsigned int rule;              /* 0: a policy or a chain's end */
	const char *line;               /* the rule's save line, or NULL */
	enum trace_match matched;
	bool taken;             /* unknown: whether the assumption matched */
	char action[96];        /* "" when not matched */
};

struct trace_result {
	char verdict[16];       /* ACCEPT, DROP, REJECT, QUEUE */
	size_t nsteps;
	struct trace_step *steps;
	struct trace_packet packet;     /* as it leaves the last chain */
	bool changed;           /* NAT, MARK or CT changed it on the way */
	bool nat_skipped;       /* not NEW: the nat table was not consulted */
};

struct trace_opts {
	enum trace_path path;
	bool assume_match;      /* an undecidable match is taken as matching */
};

void trace_packet(const struct ruleset *rs, const struct trace_packet *p,
		  const struct trace_opts *o, struct trace_result *out);
void trace_result_free(struct trace_result *r);

#endif
