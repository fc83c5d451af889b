/* -S and save format: rules as the commands that recreate them, printed
 * exactly as iptables 1.8.9 prints them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "print.h"
#include "xt.h"

/* Assumes the mask is contiguous and byte-bounded, as iptables does. */
static void save_iface(struct outbuf *o, char letter, const char *iface,
		       const unsigned char *mask, bool invert)
{
	if (mask[0] == 0)
		return;
	ob_str(o, invert ? " ! -" : " -");
	ob_char(o, letter);
	ob_char(o, ' ');
	for (unsigned int i = 0; i < IFNAMSIZ; i++) {
		if (mask[i] != 0) {
			if (iface[i] != '\0')
				ob_char(o, iface[i]);
		} else {
			if (iface[i - 1] != '\0')
				ob_char(o, '+');
			break;
		}
	}
}

static void save_details(struct outbuf *o, const struct entry_view *v)
{
	save_iface(o, 'i', v->iniface, v->iniface_mask,
		   v->invflags & INV_VIA_IN);
	save_iface(o, 'o', v->outiface, v->outiface_mask,
		   v->invflags & INV_VIA_OUT);
	if (v->proto > 0) {
		const char *pname = xt_proto_name(v->proto, false);

		if (v->invflags & INV_PROTO)
			ob_str(o, " !");
		ob_str(o, " -p ");
		if (pname)
			ob_str(o, pname);
		else
			ob_uint(o, v->proto, 0, false);
	}
	if (v->fragment)
		ob_str(o, v->invflags & INV_FRAG ? " ! -f" : " -f");
	/* ip6tables-save prints this for a flag no ip6tables can set. */
	if (v->has_tos) {
		ob_str(o, v->inv_tos ? " ! -? " : " -? ");
		ob_uint(o, v->tos, 0, false);
	}
}

static void save_match(const struct xt_entry_match *e, const void *ip)
{
	const char *name = e->u.user.name;
	struct xtables_match *match, *mt, *shown;

	match = xtables_find_match(name, XTF_TRY_LOAD, NULL);
	if (!match) {
		if (e->u.match_size) {
			fprintf(stderr, "Can't find library for match `%s'\n",
				name);
			exit(1);
		}
		return;
	}
	mt = shown = xtables_find_match_revision(name, XTF_TRY_LOAD, match,
						 e->u.user.revision);
	if (!shown)
		shown = match;
	fputs(" -m ", stdout);
	fputs(shown->alias ? shown->alias(e) : name, stdout);
	if (mt && mt->save)
		mt->save(ip, e);
	else if (match->save)
		printf(" [unsupported revision]");
}

static void save_target(const struct entry_view *v, const char *targname,
			bool is_jump)
{
	const struct xt_entry_target *t = v->target;
	const char *name = t->u.user.name;
	struct xtables_target *target, *tg, *shown;

	if (!name[0] || is_jump) {
		if (targname && *targname) {
			fputs(v->is_goto ? " -g " : " -j ", stdout);
			fputs(targname, stdout);
		}
		return;
	}
	target = xtables_find_target(name, XTF_TRY_LOAD);
	if (!target) {
		fprintf(stderr, "Can't find library for target `%s'\n", name);
		exit(1);
	}
	tg = shown = xtables_find_target_revision(name, XTF_TRY_LOAD, target,
						  t->u.user.revision);
	if (!shown)
		shown = target;
	fputs(" -j ", stdout);
	fputs(shown->alias ? shown->alias(t) : targname, stdout);
	if (tg && tg->save) {
		tg->save(v->ip, t);
	} else if (target->save) {
		printf(" [unsupported revision]");
	} else if (t->u.target_size != sizeof(struct xt_entry_target)) {
		fprintf(stderr, "Target `%s' is missing save function\n", name);
		exit(1);
	}
}

bool session_target_is_jump(struct session *s, const void *e,
			    const char *targname)
{
	struct entry_view v;
	const char *name;

	s->fam->decode(e, &v);
	name = v.target->u.user.name;
	if (!name[0] || strcmp(name, targname) != 0)
		return true;
	/* The same name: an extension, or a jump that libiptc resolved
	 * when it was added through this handle (nf_tables sessions clear
	 * a jump's name). libiptc names an extension by the entry's own
	 * field and a jump by its chain. */
	return targname != name && strcmp(s->ops->name, "legacy") == 0;
}

/* parts: as print_rule_save_parts() describes */
static void save_rule(const struct family_ops *fam, const void *entry,
		      const char *chain, const char *targname, bool is_jump,
		      int counters, bool parts)
{
	struct entry_view v;
	struct outbuf o = { .len = 0 };

	fam->decode(entry, &v);
	if (counters > 0) {
		ob_char(&o, '[');
		ob_uint(&o, v.counters->pcnt, 0, false);
		ob_char(&o, ':');
		ob_uint(&o, v.counters->bcnt, 0, false);
		ob_str(&o, "] ");
	}
	ob_str(&o, "-A ");
	ob_str(&o, chain);
	fam->save_addr(&o, 's', &v.src, &v.smsk, v.invflags & INV_SRCIP);
	fam->save_addr(&o, 'd', &v.dst, &v.dmsk, v.invflags & INV_DSTIP);
	save_details(&o, &v);
	if (parts)
		ob_char(&o, '\0');
	ob_flush(&o);
	for (const unsigned char *p = v.matches; p < v.matches_end;) {
		const struct xt_entry_match *m = (const void *)p;

		if (parts)
			fputc('M', stdout);
		save_match(m, v.ip);
		if (parts)
			fputc('\0', stdout);
		p += m->u.match_size;
	}
	if (counters < 0)
		printf(" -c %llu %llu", (unsigned long long)v.counters->pcnt,
		       (unsigned long long)v.counters->bcnt);
	if (parts)
		fputc('T', stdout);
	save_target(&v, targname, is_jump);
	if (parts) {
		fputc('\0', stdout);
		fputc('E', stdout);
	} else {
		fputc('\n', stdout);
	}
}

void print_rule_save(const struct family_ops *fam, const void *entry,
		     const char *chain, const char *targname,
		     bool is_jump, int counters)
{
	save_rule(fam, entry, chain, targname, is_jump, counters, false);
}

void print_rule_save_parts(struct session *s, const void *entry,
			   const char *chain)
{
	const char *targname = s->ops->get_target(s, entry);

	save_rule(s->fam, entry, chain, targname,
		  session_target_is_jump(s, entry, targname), 0, true);
}

void print_chain_rules(struct session *s, const char *chain,
		       unsigned int rulenum, int counters)
{
	unsigned int num = 0;

	for (const void *e = s->ops->first_rule(s, chain); e;
	     e = s->ops->next_rule(s, e)) {
		const char *targname = s->ops->get_target(s, e);

		if (!rulenum || ++num == rulenum)
			print_rule_save(s->fam, e, chain, targname,
					session_target_is_jump(s, e,
							       targname),
					counters);
	}
}

/* Chains first, so the rules that jump to them can be replayed. */
static void print_chain_lines(struct session *s, const char *chain,
			      bool counters)
{
	for (const char *c = s->ops->first_chain(s); c;
	     c = s->ops->next_chain(s)) {
		struct xt_counters count;

		if (chain && strcmp(c, chain) != 0)
			continue;
		if (!s->ops->builtin(s, c)) {
			printf("-N %s\n", c);
			continue;
		}
		printf("-P %s %s", c, s->ops->get_policy(s, c, &count));
		if (counters)
			printf(" -c %llu %llu", (unsigned long long)count.pcnt,
			       (unsigned long long)count.bcnt);
		printf("\n");
	}
}

bool print_rules(struct session *s, const char *chain, unsigned int rulenum,
		 bool counters)
{
	bool found = false;

	if (!rulenum)
		print_chain_lines(s, chain, counters);
	for (const char *c = s->ops->first_chain(s); c;
	     c = s->ops->next_chain(s)) {
		if (chain && strcmp(c, chain) != 0)
			continue;
		print_chain_rules(s, c, rulenum, counters ? -1 : 0);
		found = true;
	}
	return found;
}
