/* `ipt apply': options, then the order of things: read both files, claim
 * the state directory, check both files (restore --test), snapshot every
 * table they name, (--confirm: start the watchdog), apply family by
 * family, summarise; on any failure put back what was reached. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "apply.h"
#include "options.h"

struct apply_opts {
	const char *path[2];            /* -4, -6 */
	long confirm;                   /* seconds; 0: no --confirm */
	bool confirm_only;              /* --confirm without seconds */
	bool check;
};

static void apply_usage(const struct tool *t, FILE *f)
{
	fprintf(f, "Usage: %s apply [-4 FILE] [-6 FILE] [--confirm SECONDS] "
		"[--check]\n"
		"       %s apply --confirm\n"
		"  Installs every table of both files as one change; any "
		"failure puts\n  every table back as it was.\n", t->prog,
		t->prog);
	if (f == stdout)
		opt_print_rows(opt_apply, true, true);
}

static bool all_digits(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

static bool set_seconds(struct apply_opts *o, const char *arg)
{
	char *end;

	errno = 0;
	o->confirm = strtol(arg, &end, 10);
	return !errno && !*end && o->confirm > 0 && o->confirm <= 86400;
}

/* Returns -1 to go on, else the exit status. */
static int parse_args(const struct tool *t, int argc, char **argv,
		      struct apply_opts *o)
{
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		bool bad = false;

		if (strcmp(a, "-4") == 0 || strcmp(a, "-6") == 0 ||
		    strcmp(a, "--ipv4") == 0 || strcmp(a, "--ipv6") == 0) {
			int fam = a[strlen(a) - 1] == '6';

			bad = i + 1 == argc || o->path[fam];
			if (!bad)
				o->path[fam] = argv[++i];
		} else if (strcmp(a, "--confirm") == 0) {
			if (i + 1 < argc && all_digits(argv[i + 1]))
				bad = !set_seconds(o, argv[++i]);
			else
				o->confirm_only = true;
		} else if (strncmp(a, "--confirm=", 10) == 0) {
			bad = !set_seconds(o, a + 10);
		} else if (strcmp(a, "--check") == 0) {
			o->check = true;
		} else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			apply_usage(t, stdout);
			return 0;
		} else {
			bad = true;
		}
		if (bad) {
			fprintf(stderr, "%s apply: bad argument `%s'\n", t->prog,
				a);
			apply_usage(t, stderr);
			return APPLY_USAGE;
		}
	}
	if (o->confirm_only && !o->path[0] && !o->path[1] && !o->check)
		return -1;
	if ((!o->path[0] && !o->path[1]) || o->confirm_only ||
	    (o->check && o->confirm)) {
		fprintf(stderr, "%s apply: %s\n", t->prog,
			o->check && o->confirm ? "--check and --confirm "
			"exclude each other" : o->confirm_only ?
			"--confirm needs SECONDS when applying" :
			"nothing to apply: give -4 FILE and/or -6 FILE");
		apply_usage(t, stderr);
		return APPLY_USAGE;
	}
	return -1;
}

/* The tables a save file names ("*nat" lines), in order, once each. */
static bool scan_tables(struct apply_family *f, const char *text)
{
	for (const char *p = text; p; p = strchr(p, '\n'), p = p ? p + 1 : p) {
		size_t len;
		char name[32];
		bool seen = false;

		if (p[0] != '*')
			continue;
		len = strcspn(p + 1, " \t\r\n");
		snprintf(name, sizeof(name), "%.*s", (int)len, p + 1);
		for (size_t i = 0; i < f->ntables; i++)
			seen = seen || strcmp(f->tables[i], name) == 0;
		if (seen)
			continue;
		if (f->ntables == APPLY_MAX_TABLES)
			return false;
		strcpy(f->tables[f->ntables++], name);
	}
	return true;
}

/* The two families on the backend main() chose for t: the children of
 * one apply never pick a backend of their own. */
static void setup_family(struct apply_job *job, const struct tool *t,
			 int fam, const char *path)
{
	struct apply_family *f = &job->fam[job->nfam++];
	const struct tool *m = tool_lookup(fam ? "ip6t" : "ipt");
	const struct tool *r = tool_lookup(fam ? "ip6t-restore" :
					   "ipt-restore");

	f->key = fam ? "v6" : "v4";
	f->label = fam ? "IPv6" : "IPv4";
	f->path = path;
	f->main = *m;
	f->restore = *r;
	f->main.be = f->restore.be = job->nft ? &nft_backend :
		     backend_get(BACKEND_LEGACY, m->fam);
	f->main.version = f->restore.version = t->version;
}

/* Reads and copies each file into the state directory, so that what
 * was checked is what is applied. */
static int load_files(struct apply_job *job, char **texts, size_t *lens)
{
	for (size_t i = 0; i < job->nfam; i++) {
		struct apply_family *f = &job->fam[i];

		texts[i] = read_whole_file(f->path, &lens[i]);
		if (!texts[i]) {
			fprintf(stderr, "ipt apply: %s: %s\n", f->path,
				strerror(errno));
			return APPLY_USAGE;
		}
		if (!scan_tables(f, texts[i])) {
			fprintf(stderr, "ipt apply: %s: more than %d tables\n",
				f->path, APPLY_MAX_TABLES);
			return APPLY_USAGE;
		}
	}
	return -1;
}

static int store_files(struct apply_job *job, char **texts, size_t *lens)
{
	for (size_t i = 0; i < job->nfam; i++) {
		char name[32];

		snprintf(name, sizeof(name), "%s.new", job->fam[i].key);
		if (!state_write(&job->st, name, texts[i], lens[i])) {
			fprintf(stderr, "ipt apply: cannot write to %s: %s\n",
				job->st.dir, strerror(errno));
			return APPLY_FAILED;
		}
	}
	return -1;
}

static void file_prefix(const struct apply_family *f, char *buf, size_t len)
{
	snprintf(buf, len, "ipt apply: %s: ", f->path);
}

/* Both files through the restore tool's --test: a parse error anywhere
 * stops here, before anything changed. */
static bool test_files(const struct apply_job *job, const struct sink *k)
{
	for (size_t i = 0; i < job->nfam; i++) {
		char prefix[300];

		file_prefix(&job->fam[i], prefix, sizeof(prefix));
		if (child_restore(job, &job->fam[i], "new", true, false, prefix,
				  k) != 0)
			return false;
	}
	return true;
}

static bool snapshot(const struct apply_job *job, const struct sink *k)
{
	for (size_t i = 0; i < job->nfam; i++)
		if (!child_snapshot(job, &job->fam[i], "before", "plain", k))
			return false;
	return true;
}

/* Family by family; KEY.started tells a rollback which were reached. */
static bool install(const struct apply_job *job, const struct sink *k)
{
	for (size_t i = 0; i < job->nfam; i++) {
		const struct apply_family *f = &job->fam[i];
		char prefix[300], started[32];

		snprintf(started, sizeof(started), "%s.started", f->key);
		if (!state_write(&job->st, started, "", 0))
			return false;
		file_prefix(f, prefix, sizeof(prefix));
		if (child_restore(job, f, "new", false, false, prefix, k) != 0)
			return false;
	}
	for (size_t i = 0; i < job->nfam; i++)
		if (!child_snapshot(job, &job->fam[i], NULL, "after", k))
			return false;
	return true;
}

static void summarise(const struct apply_job *job)
{
	fflush(stdout);
	for (size_t i = 0; i < job->nfam; i++)
		apply_summary(job, &job->fam[i], "plain", "after",
			      STDOUT_FILENO);
}

/* Without --confirm the applier rolls back itself. */
static int put_back(const struct apply_job *job, const struct sink *k)
{
	char kept[300];

	if (apply_rollback(job, k)) {
		sink_say(k, "ipt apply: every table is as it was before (rules "
			 "and counters)\n");
		state_release(&job->st);
		return APPLY_FAILED;
	}
	if (state_keep(&job->st, kept, sizeof(kept)))
		sink_say(k, "ipt apply: putting back failed; the previous "
			 "tables are in %s/*.before\n", kept);
	return APPLY_FAILED;
}

/* --check: the live tables against what a dry run of each file would
 * leave. */
static int check(const struct apply_job *job, const struct sink *k)
{
	size_t changed = 0;

	for (size_t i = 0; i < job->nfam; i++) {
		const struct apply_family *f = &job->fam[i];

		if (!child_snapshot(job, f, NULL, "plain", k) ||
		    !child_would(job, f, "would", k))
			return CHECK_ERROR;
	}
	fflush(stdout);
	for (size_t i = 0; i < job->nfam; i++)
		changed += apply_summary(job, &job->fam[i], "plain", "would",
					 STDOUT_FILENO);
	return changed ? CHECK_DIFFERS : CHECK_SAME;
}

static int run(struct apply_job *job, const struct apply_opts *o)
{
	struct sink k = { { STDERR_FILENO, -1 } };
	struct watch w;
	char err[300];
	sigset_t block;

	if (o->check)
		return check(job, &k);
	if (!test_files(job, &k)) {
		fprintf(stderr, "ipt apply: nothing was changed\n");
		return APPLY_FAILED;
	}
	if (!snapshot(job, &k))
		return APPLY_FAILED;
	if (o->confirm && !watch_start(job, &w, err, sizeof(err))) {
		fprintf(stderr, "ipt apply: %s; nothing was changed\n", err);
		return APPLY_FAILED;
	}
	/* without a watchdog, a hangup must not stop us half way */
	sigemptyset(&block);
	if (!o->confirm) {
		sigaddset(&block, SIGHUP);
		sigaddset(&block, SIGINT);
		sigaddset(&block, SIGTERM);
		sigaddset(&block, SIGQUIT);
	}
	sigprocmask(SIG_BLOCK, &block, NULL);
	if (!install(job, &k)) {
		if (!o->confirm)
			return put_back(job, &k);
		if (write(w.ctl, "rollback\n", 9) != 9)
			close(w.ctl);   /* EOF says the same */
		return watch_outcome(job, &w);
	}
	summarise(job);
	if (!o->confirm) {
		state_release(&job->st);
		return APPLY_OK;
	}
	if (!state_write(&job->st, "pending", "", 0) ||
	    dprintf(w.ctl, "arm %ld\n", o->confirm) < 0)
		close(w.ctl);   /* the watchdog rolls back */
	return watch_confirm(job, &w, o->confirm);
}

int apply_main(const struct tool *t, int argc, char **argv)
{
	struct apply_opts o = { 0 };
	struct apply_job job = { .nft = t->be == &nft_backend };
	char *texts[2] = { 0 }, err[300], stale[300];
	size_t lens[2];
	pid_t busy;
	int status = parse_args(t, argc, argv, &o);

	if (status >= 0)
		return status;
	if (o.confirm_only)
		return watch_confirm_other();
	for (int fam = 0; fam < 2; fam++)
		if (o.path[fam])
			setup_family(&job, t, fam, o.path[fam]);
	status = load_files(&job, texts, lens);
	if (status < 0 && !state_locate(&job.st, err, sizeof(err))) {
		fprintf(stderr, "ipt apply: %s\n", err);
		status = APPLY_USAGE;
	}
	if (status < 0 && !state_claim(&job.st, &busy, stale, sizeof(stale),
				       err, sizeof(err))) {
		fprintf(stderr, "ipt apply: %s; nothing was changed\n", err);
		status = APPLY_USAGE;
	}
	if (status < 0 && stale[0])
		fprintf(stderr, "ipt apply: an earlier apply ended without "
			"cleaning up; its state is in %s\n", stale);
	if (status < 0)
		status = store_files(&job, texts, lens);
	if (status < 0) {
		status = run(&job, &o);
		/* the watchdog (--confirm) removes the state itself */
		if (state_owner(&job.st) == getpid())
			state_release(&job.st);
	} else if (status == APPLY_FAILED) {
		state_release(&job.st);
	}
	free(texts[0]);
	free(texts[1]);
	return status;
}
