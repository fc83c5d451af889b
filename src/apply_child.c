/* ipt apply's children: every read and every change of the kernel's
 * tables happens in a forked child (see apply.h), whose messages are
 * passed on line by line after the name of what it was working on. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "apply.h"
#include "restore.h"
#include "tabletext.h"
#include "xt.h"

static void write_all(int fd, const char *p, size_t len)
{
	while (len) {
		ssize_t n = write(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return;         /* a reader gone: nothing to tell */
		p += n;
		len -= (size_t)n;
	}
}

void sink_say(const struct sink *k, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n >= sizeof(buf))
		n = sizeof(buf) - 1;
	for (int i = 0; i < 2; i++)
		if (k->fd[i] >= 0)
			write_all(k->fd[i], buf, (size_t)n);
}

/* Passes what the child writes on to k, a line at a time. */
static void forward_lines(int from, const char *prefix, const struct sink *k)
{
	char buf[4096];
	size_t len = 0;
	ssize_t n;

	for (;;) {
		char *nl;

		n = read(from, buf + len, sizeof(buf) - 1 - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		len += (size_t)n;
		buf[len] = '\0';
		while ((nl = strchr(buf, '\n'))) {
			*nl = '\0';
			sink_say(k, "%s%s\n", prefix, buf);
			len -= (size_t)(nl + 1 - buf);
			memmove(buf, nl + 1, len + 1);
		}
		if (len == sizeof(buf) - 1) {   /* a line too long: cut it */
			sink_say(k, "%s%s\n", prefix, buf);
			len = 0;
		}
	}
	if (len) {
		buf[len] = '\0';
		sink_say(k, "%s%s\n", prefix, buf);
	}
}

int child_run(int (*fn)(void *), void *arg, const char *prefix,
	      const struct sink *k)
{
	int p[2], status;
	pid_t pid;

	fflush(NULL);
	if (pipe2(p, O_CLOEXEC) != 0)
		return 127;
	pid = fork();
	if (pid < 0) {
		close(p[0]);
		close(p[1]);
		return 127;
	}
	if (pid == 0) {
		dup2(p[1], STDOUT_FILENO);
		dup2(p[1], STDERR_FILENO);
		exit(fn(arg));  /* exit: stdio's buffers reach the pipe */
	}
	close(p[1]);
	forward_lines(p[0], prefix, k);
	close(p[0]);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return 127;
	return WIFEXITED(status) ? WEXITSTATUS(status) :
	       128 + WTERMSIG(status);
}

struct restore_arg {
	const struct apply_job *job;
	const struct apply_family *f;
	const char *name;
	bool test, counters;
};

static int restore_fn(void *p)
{
	const struct restore_arg *a = p;
	char path[300], *argv[5];
	int argc = 0;

	snprintf(path, sizeof(path), "%s/%s.%s", a->job->st.dir, a->f->key,
		 a->name);
	argv[argc++] = (char *)a->f->restore.prog;
	if (a->counters)
		argv[argc++] = "--counters";
	if (a->test)
		argv[argc++] = "--test";
	argv[argc++] = path;
	argv[argc] = NULL;
	optind = 1;
	return restore_main(&a->f->restore, argc, argv);
}

int child_restore(const struct apply_job *job, const struct apply_family *f,
		  const char *name, bool test, bool counters,
		  const char *prefix, const struct sink *k)
{
	struct restore_arg a = { job, f, name, test, counters };

	return child_run(restore_fn, &a, prefix, k);
}

struct snap_arg {
	const struct apply_job *job;
	const struct apply_family *f;
	const char *counted, *plain;
	bool exists[APPLY_MAX_TABLES];
};

static void note_table(const char *table, void *data)
{
	struct snap_arg *a = data;

	for (size_t i = 0; i < a->f->ntables; i++)
		if (strcmp(a->f->tables[i], table) == 0)
			a->exists[i] = true;
}

static void put_text(FILE *out, const struct tabletext *tt)
{
	for (size_t i = 0; i < tt->n; i++)
		fprintf(out, "%s\n", tt->lines[i]);
}

/* One existing table into the two texts. */
static bool snap_table(const struct apply_family *f, const char *table,
		       FILE *counted, FILE *plain)
{
	const struct backend_ops *be = f->main.be;
	struct session *s = be->open(f->main.fam, table, SESSION_NO_LOCK);
	struct tabletext tt;
	bool ok;

	if (!s) {
		fprintf(stderr, "cannot read table %s: %s\n", table,
			be->strerror(NULL, errno));
		return false;
	}
	ok = tabletext_from_session(s, true, &tt);
	if (ok) {
		put_text(counted, &tt);
		tabletext_free(&tt);
		ok = tabletext_from_session(s, false, &tt);
	}
	if (ok) {
		put_text(plain, &tt);
		tabletext_free(&tt);
	} else {
		fprintf(stderr, "cannot read table %s: %s\n", table,
			strerror(errno));
	}
	s->ops->close(s);
	return ok;
}

/* Closes f; when ok and name is not NULL, what it holds goes into the
 * state file KEY.name. */
static bool finish_stream(const struct apply_job *job, const char *key,
			  const char *name, FILE *f, char **buf, size_t *len,
			  bool ok)
{
	char file[64];

	if (f && fclose(f) != 0)
		ok = false;
	if (ok && name) {
		snprintf(file, sizeof(file), "%s.%s", key, name);
		ok = state_write(&job->st, file, *buf, *len);
		if (!ok)
			fprintf(stderr, "cannot write to %s: %s\n",
				job->st.dir, strerror(errno));
	}
	free(*buf);
	*buf = NULL;
	return ok;
}

static int snapshot_fn(void *p)
{
	struct snap_arg *a = p;
	const struct apply_family *f = a->f;
	char *cbuf = NULL, *pbuf = NULL;
	size_t clen = 0, plen = 0;
	FILE *counted = open_memstream(&cbuf, &clen);
	FILE *plain = open_memstream(&pbuf, &plen);
	bool ok = counted && plain;

	xt_init(&f->main);
	f->main.be->for_each_table(f->main.fam, note_table, a);
	for (size_t i = 0; ok && i < f->ntables; i++) {
		if (a->exists[i])
			ok = snap_table(f, f->tables[i], counted, plain);
		else    /* restored, this empties (nf_tables: removes) it */
			fprintf(counted, "*%s\nCOMMIT\n", f->tables[i]);
	}
	ok = finish_stream(a->job, f->key, a->counted, counted, &cbuf, &clen,
			   ok);
	ok = finish_stream(a->job, f->key, a->plain, plain, &pbuf, &plen, ok);
	xtables_fini();
	return ok ? 0 : 1;
}

bool child_snapshot(const struct apply_job *job, const struct apply_family *f,
		    const char *counted, const char *plain,
		    const struct sink *k)
{
	struct snap_arg a = { .job = job, .f = f, .counted = counted,
			      .plain = plain };
	char prefix[64];

	snprintf(prefix, sizeof(prefix), "ipt apply: %s: ", f->label);
	return child_run(snapshot_fn, &a, prefix, k) == 0;
}

struct would_arg {
	const struct apply_job *job;
	const struct apply_family *f;
	const char *name;
};

/* The restore tool's dry run of the copy KEY.new (nf_tables: the kernel
 * checks the batch and drops it), its tables as they would be after it
 * into KEY.name: nothing changes, and what the live namespace has (an
 * ipset a rule names) counts as it will at the apply. */
static int would_fn(void *p)
{
	const struct would_arg *a = p;
	char path[300], *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	if (!out)
		return 1;
	snprintf(path, sizeof(path), "%s/%s.new", a->job->st.dir, a->f->key);
	optind = 1;
	restore_dry_run_after(&a->f->restore, path, out);
	return finish_stream(a->job, a->f->key, a->name, out, &buf, &len,
			     true) ? 0 : 1;
}

bool child_would(const struct apply_job *job, const struct apply_family *f,
		 const char *name, const struct sink *k)
{
	struct would_arg a = { job, f, name };
	char prefix[300];

	snprintf(prefix, sizeof(prefix), "ipt apply: %s: ", f->path);
	return child_run(would_fn, &a, prefix, k) == 0;
}
