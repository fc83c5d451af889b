/* The rollback, and the watchdog that owns it while an apply waits for
 * its confirmation. The watchdog is a daemon of its own (double fork,
 * its own session, hangups and broken pipes ignored, stdio on /dev/null
 * and a log file), so that neither the applier's death nor its
 * terminal's or SSH session's keeps it from putting things back; all it
 * needs is in the state directory. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "apply.h"

bool apply_rollback(const struct apply_job *job, const struct sink *k)
{
	bool ok = true;

	for (size_t i = job->nfam; i-- > 0;) {
		const struct apply_family *f = &job->fam[i];
		char names[256], started[32], after[32], prefix[300];

		snprintf(started, sizeof(started), "%s.started", f->key);
		if (!state_exists(&job->st, started))
			continue;       /* not reached: nothing to undo */
		snprintf(after, sizeof(after), "%s.after", f->key);
		if (state_exists(&job->st, after) &&
		    child_snapshot(job, f, NULL, "now", k) &&
		    apply_changed(job, f, "after", "now", names,
				  sizeof(names)))
			sink_say(k, "ipt apply: %s changed after the apply "
				 "(another writer); put back as before the "
				 "apply all the same\n", names);
		snprintf(prefix, sizeof(prefix), "ipt apply: putting back "
			 "%s: ", f->label);
		if (child_restore(job, f, "before", false, true, prefix,
				  k) != 0)
			ok = false;
	}
	return ok;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Rolls back and ends the watchdog with what the applier exits with. */
static int roll_back(const struct apply_job *job, const struct sink *k,
		     const char *why, int status)
{
	char kept[300];

	if (apply_rollback(job, k)) {
		sink_say(k, "ipt apply: %s: every table is as it was before "
			 "(rules and counters)\n", why);
		state_release(&job->st);
		return status;
	}
	if (state_keep(&job->st, kept, sizeof(kept)))
		sink_say(k, "ipt apply: %s, but putting back failed; the "
			 "previous tables are in %s/*.before\n", why, kept);
	return APPLY_FAILED;
}

/* The confirmation's wait: the token decides (see state_decide()). */
static int await(const struct apply_job *job, int ctl, long secs,
		 const struct sink *k)
{
	double deadline = now() + (double)secs;
	struct pollfd p = { .fd = ctl, .events = POLLIN };
	char buf[64];

	for (;;) {
		if (!state_exists(&job->st, "pending")) {
			if (state_exists(&job->st, "confirmed")) {
				sink_say(k, "ipt apply: confirmed; the new "
					 "tables stay\n");
				state_release(&job->st);
				return APPLY_OK;
			}
			if (state_exists(&job->st, "rejected"))
				return roll_back(job, k, "refused",
						 APPLY_UNCONFIRMED);
		}
		if (now() >= deadline && state_decide(&job->st, "expired"))
			return roll_back(job, k, "not confirmed in time",
					 APPLY_UNCONFIRMED);
		/* the applier's end (EOF) changes nothing: the wait goes on */
		if (p.fd >= 0 && poll(&p, 1, 100) > 0 &&
		    read(ctl, buf, sizeof(buf)) <= 0)
			p.fd = -1;
		if (p.fd < 0)
			usleep(100000);
	}
}

static bool read_line(int fd, char *buf, size_t len)
{
	size_t n = 0;

	while (n + 1 < len) {
		ssize_t r = read(fd, buf + n, 1);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return false;
		if (buf[n] == '\n')
			break;
		n++;
	}
	buf[n] = '\0';
	return true;
}

static int watchdog(struct apply_job *job, int ctl, int status)
{
	struct sink k = { { status, STDERR_FILENO } };
	char line[64];
	int code;

	/* until armed, the applier is changing the tables: if it dies
	 * meanwhile, the change may be half made. Its restore children
	 * hold the pipe too, so the end of input comes only when none of
	 * them can still commit. */
	if (!read_line(ctl, line, sizeof(line)))
		code = roll_back(job, &k, "the applying process ended before "
				 "the apply was complete", APPLY_FAILED);
	else if (strncmp(line, "arm ", 4) == 0)
		code = await(job, ctl, atol(line + 4), &k);
	else
		code = roll_back(job, &k, "the apply failed", APPLY_FAILED);
	sink_say(&k, "END %d\n", code);
	return code;
}

/* Stdio away from the applier's terminal and pipes, every other
 * descriptor of it closed: a reader of the applier's output must not
 * wait for the watchdog too. */
static void detach_stdio(int keep1, int keep2, int log)
{
	int null = open("/dev/null", O_RDWR);

	dup2(null, STDIN_FILENO);
	dup2(null, STDOUT_FILENO);
	dup2(log >= 0 ? log : null, STDERR_FILENO);
	for (int fd = 3; fd < 1024; fd++)
		if (fd != keep1 && fd != keep2)
			close(fd);
}

static void become_daemon(struct apply_job *job, int ctl, int status,
			  int log)
{
	static const int ignored[] = { SIGHUP, SIGINT, SIGQUIT, SIGPIPE,
				       SIGTSTP, SIGTTIN, SIGTTOU };

	for (size_t i = 0; i < sizeof(ignored) / sizeof(*ignored); i++)
		signal(ignored[i], SIG_IGN);
	detach_stdio(ctl, status, log);
	if (chdir("/") != 0)
		_exit(1);
	if (!state_set_owner(&job->st, getpid()))
		_exit(1);
	if (write(status, "READY\n", 6) != 6)
		_exit(1);
	exit(watchdog(job, ctl, status));
}

bool watch_start(struct apply_job *job, struct watch *w, char *err,
		 size_t errlen)
{
	int ctl[2], st[2], log, wstatus;
	char path[300], line[32];
	pid_t pid;

	snprintf(path, sizeof(path), "%s.log", job->st.dir);
	log = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (pipe2(ctl, O_CLOEXEC) != 0 || pipe2(st, O_CLOEXEC) != 0) {
		snprintf(err, errlen, "pipe: %s", strerror(errno));
		return false;
	}
	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		close(ctl[1]);
		close(st[0]);
		setsid();
		pid = fork();
		if (pid != 0)
			_exit(pid < 0);
		become_daemon(job, ctl[0], st[1], log);
	}
	close(ctl[0]);
	close(st[1]);
	if (log >= 0)
		close(log);
	if (pid < 0 || waitpid(pid, &wstatus, 0) < 0 || wstatus != 0 ||
	    !read_line(st[0], line, sizeof(line)) ||
	    strcmp(line, "READY") != 0) {
		snprintf(err, errlen, "cannot start the watchdog");
		close(ctl[1]);
		close(st[0]);
		return false;
	}
	w->ctl = ctl[1];
	w->status = st[0];
	return true;
}
