/* iptfloor: what libiptc and the kernel alone cost, for bench/bench.sh.
 * Built twice: iptfloor4 (libip4tc) and, with -DFLOOR_V6, iptfloor6.
 * The mode is argv[0]'s last word (bench.sh calls it through runcmds,
 * which sets argv[0]):
 *
 *   iptfloor-capture FILE TABLE...  write the chains, policies and rules
 *                                   of TABLE... of this network namespace
 *                                   to FILE.cap, each rule as the entry
 *                                   libiptc wants to append
 *   iptfloor-restore FILE           read FILE.cap (the pre-built entries),
 *                                   then per table: iptc_init, flush,
 *                                   create the chains, append every entry,
 *                                   set the policies, one iptc_commit
 *   iptfloor-dump [ARGS...]         iptc_init of table filter (one dump of
 *                                   the kernel's blob) and a walk over
 *                                   every rule; prints nothing
 *
 * and the kernel's own floor, without libiptc (what a tool that writes
 * the table blob itself, as ipt's flushing restore does, cannot go under):
 *
 *   iptfloor-kcapture FILE TABLE... write each TABLE's blob as the kernel
 *                                   returns it (IPT_SO_GET_ENTRIES, with
 *                                   IPT_SO_GET_INFO's hooks) to FILE.kcap
 *   iptfloor-krestore FILE          per table: IPT_SO_GET_INFO (the old
 *                                   entry count), IPT_SO_SET_REPLACE of
 *                                   the captured blob, IPT_SO_SET_ADD_COUNTERS
 *                                   of zeros, as libiptc's commit
 *   iptfloor-kdump [ARGS...]        IPT_SO_GET_INFO and IPT_SO_GET_ENTRIES
 *                                   of table filter; nothing parsed
 *
 * No parsing of rule text, no extension loaded: a restore tool built on
 * libiptc cannot do less. bench.sh times the whole process, as it times
 * the tools. The capture is taken from a namespace that
 * iptables-legacy-restore loaded, so the entries are legacy's own.
 */
#define _GNU_SOURCE
#include <err.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <netinet/in.h>
#ifdef FLOOR_V6
#include <libiptc/libip6tc.h>
#include <linux/netfilter_ipv4/ip_tables.h>
#define TC(f) ip6tc_##f
#define FLOOR_AF AF_INET6
#define FLOOR_LEVEL IPPROTO_IPV6
typedef struct ip6t_entry entry_t;
#else
#include <libiptc/libiptc.h>
#define TC(f) iptc_##f
#define FLOOR_AF AF_INET
#define FLOOR_LEVEL IPPROTO_IP
typedef struct ipt_entry entry_t;
#endif
/* the ipt_* get/replace structures and option numbers serve IPv6 too:
 * the kernel's ip6t_* ones have the same layout and values */

/* FILE.cap: records of (kind, length, bytes); kinds: 'T' table, 'C' chain
 * to create (user-defined), 'S' user chain whose rules follow, 'P'
 * built-in chain and policy ("CHAIN\0POLICY"), 'R' one entry of the last
 * 'S' or 'P' chain, 'E' end of table */
static void put(FILE *f, char kind, const void *p, uint32_t len)
{
	if (fputc(kind, f) == EOF || fwrite(&len, sizeof(len), 1, f) != 1 ||
	    fwrite(p, 1, len, f) != len)
		err(1, "write");
}

static struct xtc_handle *init(const char *table)
{
	struct xtc_handle *h = TC(init)(table);

	if (!h)
		errx(1, "%s: %s", table, TC(strerror)(errno));
	return h;
}

static void capture_chain(FILE *f, const char *chain, struct xtc_handle *h)
{
	struct xt_counters cnt;

	if (TC(builtin)(chain, h)) {
		const char *pol = TC(get_policy)(chain, &cnt, h);
		size_t n = strlen(chain) + 1, m = strlen(pol) + 1;
		char buf[2 * XT_EXTENSION_MAXNAMELEN + 2];

		memcpy(buf, chain, n);
		memcpy(buf + n, pol, m);
		put(f, 'P', buf, n + m);
	} else {
		put(f, 'S', chain, strlen(chain) + 1);
	}
	for (const entry_t *e = TC(first_rule)(chain, h); e;
	     e = TC(next_rule)(e, h)) {
		entry_t *c = malloc(e->next_offset);
		struct xt_entry_target *t;

		if (!c)
			err(1, "malloc");
		memcpy(c, e, e->next_offset);
		t = (void *)((char *)c + c->target_offset);
		/* a standard target (verdict or jump) is appended by name */
		if (t->u.user.name[0] == '\0')
			snprintf(t->u.user.name, sizeof(t->u.user.name), "%s",
				 TC(get_target)(e, h));
		memset(&c->counters, 0, sizeof(c->counters));
		put(f, 'R', c, c->next_offset);
		free(c);
	}
}

static int capture(const char *file, char **tables)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s.cap", file);
	f = fopen(path, "w");
	if (!f)
		err(1, "%s", path);
	for (; *tables; tables++) {
		struct xtc_handle *h = init(*tables);

		put(f, 'T', *tables, strlen(*tables) + 1);
		/* user chains first: a rule may jump to any of them */
		for (const char *c = TC(first_chain)(h); c; c = TC(next_chain)(h))
			if (!TC(builtin)(c, h))
				put(f, 'C', c, strlen(c) + 1);
		for (const char *c = TC(first_chain)(h); c; c = TC(next_chain)(h))
			capture_chain(f, c, h);
		put(f, 'E', "", 0);
		TC(free)(h);
	}
	if (fclose(f))
		err(1, "%s", path);
	return 0;
}

static void must(int ok, const char *what)
{
	if (!ok)
		errx(1, "%s: %s", what, TC(strerror)(errno));
}

static int restore(const char *file)
{
	char path[4096], *buf, *p, *end, *chain = NULL, *pol = NULL;
	struct xtc_handle *h = NULL;
	struct xt_counters zero = { 0, 0 };
	long size;
	FILE *f;

	snprintf(path, sizeof(path), "%s.cap", file);
	f = fopen(path, "r");
	if (!f || fseek(f, 0, SEEK_END) || (size = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET))
		err(1, "%s", path);
	buf = malloc(size ? size : 1);
	if (!buf || fread(buf, 1, size, f) != (size_t)size)
		err(1, "%s", path);
	fclose(f);
	for (p = buf, end = buf + size; p < end;) {
		char kind = *p;
		uint32_t len;

		memcpy(&len, p + 1, sizeof(len));
		p += 1 + sizeof(len);
		switch (kind) {
		case 'T':
			h = init(p);
			/* what a flushing restore does to the old table */
			for (const char *c = TC(first_chain)(h); c;
			     c = TC(next_chain)(h))
				must(TC(flush_entries)(c, h), "flush");
			for (const char *c = TC(first_chain)(h); c;)
				if (!TC(builtin)(c, h)) {
					must(TC(delete_chain)(c, h), c);
					c = TC(first_chain)(h);
				} else {
					c = TC(next_chain)(h);
				}
			break;
		case 'C':
			must(TC(create_chain)(p, h), p);
			break;
		case 'S':
			chain = p;
			break;
		case 'P':
			chain = p;
			pol = p + strlen(p) + 1;
			must(TC(set_policy)(chain, pol, &zero, h), chain);
			break;
		case 'R':
			must(TC(append_entry)(chain, (entry_t *)p, h), chain);
			break;
		case 'E':
			must(TC(commit)(h), "commit");
			TC(free)(h);
			h = NULL;
			break;
		default:
			errx(1, "%s: bad record", path);
		}
		p += len;
	}
	free(buf);
	return 0;
}

static int dump(void)
{
	struct xtc_handle *h = init("filter");
	unsigned long n = 0;

	for (const char *c = TC(first_chain)(h); c; c = TC(next_chain)(h))
		for (const entry_t *e = TC(first_rule)(c, h); e;
		     e = TC(next_rule)(e, h))
			n += e->next_offset;
	TC(free)(h);
	return n == 0 && 0;
}

static int raw_socket(void)
{
	int fd = socket(FLOOR_AF, SOCK_RAW, IPPROTO_RAW);

	if (fd < 0)
		err(1, "socket");
	return fd;
}

static void get_info(int fd, const char *table, struct ipt_getinfo *info)
{
	socklen_t len = sizeof(*info);

	memset(info, 0, sizeof(*info));
	snprintf(info->name, sizeof(info->name), "%s", table);
	if (getsockopt(fd, FLOOR_LEVEL, IPT_SO_GET_INFO, info, &len) < 0)
		err(1, "%s: IPT_SO_GET_INFO", table);
}

static struct ipt_get_entries *get_entries(int fd, const struct ipt_getinfo *info)
{
	socklen_t len = sizeof(struct ipt_get_entries) + info->size;
	struct ipt_get_entries *ge = malloc(len);

	if (!ge)
		err(1, "malloc");
	memcpy(ge->name, info->name, sizeof(ge->name));
	ge->size = info->size;
	if (getsockopt(fd, FLOOR_LEVEL, IPT_SO_GET_ENTRIES, ge, &len) < 0)
		err(1, "%s: IPT_SO_GET_ENTRIES", info->name);
	return ge;
}

/* FILE.kcap: per table, its struct ipt_getinfo, then its blob */
static int kcapture(const char *file, char **tables)
{
	char path[4096];
	int fd = raw_socket();
	FILE *f;

	snprintf(path, sizeof(path), "%s.kcap", file);
	f = fopen(path, "w");
	if (!f)
		err(1, "%s", path);
	for (; *tables; tables++) {
		struct ipt_getinfo info;
		struct ipt_get_entries *ge;

		get_info(fd, *tables, &info);
		ge = get_entries(fd, &info);
		if (fwrite(&info, sizeof(info), 1, f) != 1 ||
		    fwrite(ge->entrytable, 1, info.size, f) != info.size)
			err(1, "%s", path);
		free(ge);
	}
	if (fclose(f))
		err(1, "%s", path);
	close(fd);
	return 0;
}

static int krestore(const char *file)
{
	char path[4096];
	struct ipt_getinfo cap;
	int fd = raw_socket();
	FILE *f;

	snprintf(path, sizeof(path), "%s.kcap", file);
	f = fopen(path, "r");
	if (!f)
		err(1, "%s", path);
	while (fread(&cap, sizeof(cap), 1, f) == 1) {
		struct ipt_getinfo now;
		struct ipt_replace *r = calloc(1, sizeof(*r) + cap.size);
		struct xt_counters_info *ci;
		size_t clen = sizeof(*ci) + cap.num_entries * sizeof(struct xt_counters);

		if (!r || fread(r->entries, 1, cap.size, f) != cap.size)
			err(1, "%s", path);
		get_info(fd, cap.name, &now);
		memcpy(r->name, cap.name, sizeof(r->name));
		r->valid_hooks = cap.valid_hooks;
		r->num_entries = cap.num_entries;
		r->size = cap.size;
		memcpy(r->hook_entry, cap.hook_entry, sizeof(r->hook_entry));
		memcpy(r->underflow, cap.underflow, sizeof(r->underflow));
		r->num_counters = now.num_entries;
		r->counters = calloc(now.num_entries, sizeof(struct xt_counters));
		ci = calloc(1, clen);
		if (!r->counters || !ci)
			err(1, "calloc");
		if (setsockopt(fd, FLOOR_LEVEL, IPT_SO_SET_REPLACE, r,
			       sizeof(*r) + cap.size) < 0)
			err(1, "%s: IPT_SO_SET_REPLACE", cap.name);
		memcpy(ci->name, cap.name, sizeof(ci->name));
		ci->num_counters = cap.num_entries;
		if (setsockopt(fd, FLOOR_LEVEL, IPT_SO_SET_ADD_COUNTERS, ci, clen) < 0)
			err(1, "%s: IPT_SO_SET_ADD_COUNTERS", cap.name);
		free(r->counters);
		free(r);
		free(ci);
	}
	fclose(f);
	close(fd);
	return 0;
}

static int kdump(void)
{
	struct ipt_getinfo info;
	int fd = raw_socket();

	get_info(fd, "filter", &info);
	free(get_entries(fd, &info));
	close(fd);
	return 0;
}

int main(int argc, char **argv)
{
	const char *mode = strrchr(argv[0], '-');

	mode = mode ? mode + 1 : "";
	if (!strcmp(mode, "capture") && argc >= 3)
		return capture(argv[1], argv + 2);
	if (!strcmp(mode, "restore") && argc == 2)
		return restore(argv[1]);
	if (!strcmp(mode, "dump"))
		return dump();
	if (!strcmp(mode, "kcapture") && argc >= 3)
		return kcapture(argv[1], argv + 2);
	if (!strcmp(mode, "krestore") && argc == 2)
		return krestore(argv[1]);
	if (!strcmp(mode, "kdump"))
		return kdump();
	fprintf(stderr, "usage: iptfloor-capture FILE TABLE... | "
		"iptfloor-restore FILE | iptfloor-dump | iptfloor-kcapture FILE "
		"TABLE... | iptfloor-krestore FILE | iptfloor-kdump\n");
	return 2;
}
