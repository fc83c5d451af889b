/* The kernel answers a bad table with EINVAL and a line in the kernel
 * log. To name the rule, replay the table in a scratch namespace: a
 * prefix that the kernel accepts there holds no culprit, so a binary
 * search over prefix lengths finds the first refused rule in about
 * log2(n) commits, all outside the real namespace. */
#define _GNU_SOURCE
#include <sched.h>
#include <stdio.h>
#include <stdio_ext.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include "culprit.h"
#include "print.h"

struct snapshot {
	size_t nchains, nrules;
	xt_chainlabel *chains;
	bool *builtin;
	struct snap_rule {
		size_t chain;
		void *entry;
		const char *targname;
		bool named;             /* standard target given its name */
	} *rules;
};

/* A standard target must carry the verdict or chain by name for
 * libiptc's append (entries read from the kernel carry none), and no name
 * for the printer. */
static void name_standard_target(const struct family_ops *fam, void *entry,
				 const char *name)
{
	struct entry_view v;
	struct xt_entry_target *t;

	fam->decode(entry, &v);
	t = (struct xt_entry_target *)v.target;
	memset(t->u.user.name, 0, sizeof(t->u.user.name));
	strncpy(t->u.user.name, name, sizeof(t->u.user.name) - 1);
}

/* A target with no save function (-j standard) shows by its name alone:
 * the culprit line explains a failure and must not add one, as the save
 * format's "missing save function" would. */
static bool target_saves(const char *name)
{
	struct xtables_target *t = xtables_find_target(name, XTF_TRY_LOAD);

	return !t || t->save;
}

/* A copy of one rule of chain ci; false when memory runs out. */
static bool snap_rule(struct session *s, struct snapshot *snap, size_t ci,
		      const void *e, size_t *rcap)
{
	const struct family_ops *fam = s->fam;
	size_t size = fam->entry_length(e);
	struct snap_rule *r;
	const char *targname;

	if (snap->nrules == *rcap) {
		struct snap_rule *n = realloc(snap->rules, 2 * *rcap *
					      sizeof(*snap->rules));

		if (!n)
			return false;
		snap->rules = n;
		*rcap *= 2;
	}
	r = &snap->rules[snap->nrules];
	r->chain = ci;
	r->entry = malloc(size);
	targname = s->ops->get_target(s, e);
	r->targname = strdup(targname);
	if (!r->entry || !r->targname) {
		free(r->entry);
		free((char *)r->targname);
		return false;
	}
	snap->nrules++;
	memcpy(r->entry, e, size);
	/* libiptc's own pointer: session_target_is_jump tells by it */
	r->named = session_target_is_jump(s, e, targname) ||
		   !target_saves(targname);
	if (r->named)
		name_standard_target(fam, r->entry, r->targname);
	return true;
}

/* The table as the session holds it; false when memory runs out (the
 * search then gives no answer rather than a wrong one). */
static bool take_snapshot(struct session *s, struct snapshot *snap)
{
	size_t rcap = 64;

	snap->chains = session_chain_names(s, &snap->nchains);
	snap->builtin = malloc(snap->nchains * sizeof(*snap->builtin) + 1);
	snap->rules = malloc(rcap * sizeof(*snap->rules));
	if (!snap->builtin || !snap->rules)
		return false;
	for (size_t ci = 0; ci < snap->nchains; ci++) {
		snap->builtin[ci] = s->ops->builtin(s, snap->chains[ci]);
		for (const void *e = s->ops->first_rule(s, snap->chains[ci]); e;
		     e = s->ops->next_rule(s, e))
			if (!snap_rule(s, snap, ci, e, &rcap))
				return false;
	}
	return true;
}

/* Does the kernel take the first n rules? Each try gets a namespace of
 * its own, so no earlier try's chains are in the way. */
static bool prefix_commits(const struct session *orig,
			   const struct snapshot *snap, size_t n)
{
	struct session *s;
	bool ok;

	if (unshare(CLONE_NEWNET) != 0)
		return false;
	s = orig->ops->open(orig->fam, orig->table, SESSION_NO_LOCK);
	ok = s != NULL;
	for (size_t i = 0; ok && i < snap->nchains; i++)
		if (!snap->builtin[i])
			ok = s->ops->create_chain(s, snap->chains[i]);
	for (size_t i = 0; ok && i < n; i++)
		ok = s->ops->append(s, snap->chains[snap->rules[i].chain],
				    snap->rules[i].entry);
	ok = ok && s->ops->commit(s);
	if (s)
		s->ops->close(s);
	return ok;
}

/* Runs in the child, in its own namespace; writes the rule to fd 1. */
static int search(const struct session *orig, const struct snapshot *s)
{
	const struct family_ops *fam = orig->fam;
	size_t lo = 1, hi = s->nrules;
	const struct snap_rule *r;

	/* no namespaces of our own: no answer rather than a wrong one */
	if (hi == 0 || unshare(CLONE_NEWNET) != 0 ||
	    prefix_commits(orig, s, hi))
		return 1;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (prefix_commits(orig, s, mid))
			lo = mid + 1;
		else
			hi = mid;
	}
	r = &s->rules[lo - 1];
	if (r->named)
		name_standard_target(fam, r->entry, "");
	print_rule_save(fam, r->entry, s->chains[r->chain], r->targname,
			r->named, 0);
	fflush(stdout);
	return 0;
}

static void free_snapshot(struct snapshot *s)
{
	for (size_t i = 0; i < s->nrules; i++) {
		free(s->rules[i].entry);
		free((char *)s->rules[i].targname);
	}
	free(s->rules);
	free(s->chains);
	free(s->builtin);
}

/* What the child wrote; NULL when memory runs out. */
static char *read_all(int fd)
{
	size_t len = 0, cap = 256;
	char *buf = malloc(cap), *n;
	ssize_t got;

	while (buf && (got = read(fd, buf + len, cap - len - 1)) > 0) {
		len += got;
		if (len + 1 < cap)
			continue;
		n = realloc(buf, cap *= 2);
		if (!n)
			free(buf);
		buf = n;
	}
	if (!buf)
		return NULL;
	buf[len] = '\0';
	if (len && buf[len - 1] == '\n')
		buf[len - 1] = '\0';
	return buf;
}

char *culprit_find(struct session *sess)
{
	struct snapshot s = { 0 };
	char *text = NULL;
	int fds[2], status;
	pid_t pid;

	if (!take_snapshot(sess, &s) || pipe(fds) != 0) {
		free_snapshot(&s);
		return NULL;
	}
	pid = fork();
	if (pid == 0) {
		/* The parent's unwritten output stays the parent's: iptables
		 * prints it at exit, after the error line. */
		__fpurge(stdout);
		close(fds[0]);
		dup2(fds[1], STDOUT_FILENO);
		_exit(search(sess, &s));
	}
	close(fds[1]);
	if (pid > 0) {
		text = read_all(fds[0]);
		if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
		    WEXITSTATUS(status) != 0 || !text || !*text) {
			free(text);
			text = NULL;
		}
	}
	close(fds[0]);
	free_snapshot(&s);
	return text;
}
