/* The applier's side of a confirmation: the terminal's answer handed to
 * the watchdog, the watchdog's outcome reported; and `ipt apply
 * --confirm' from another shell. The watchdog alone keeps the time
 * (apply_watch.c). */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include "apply.h"

/* The watchdog's messages until its "END STATUS". */
struct status_reader {
	int fd;
	char buf[1024];
	size_t len;
};

/* Prints the complete lines read so far; the status at END, else -1
 * (-2 at EOF without one). */
static int read_status(struct status_reader *r)
{
	ssize_t n = read(r->fd, r->buf + r->len, sizeof(r->buf) - 1 - r->len);
	char *nl;

	if (n < 0 && errno == EINTR)
		return -1;
	if (n <= 0)
		return -2;
	r->len += (size_t)n;
	r->buf[r->len] = '\0';
	while ((nl = strchr(r->buf, '\n'))) {
		*nl = '\0';
		if (strncmp(r->buf, "END ", 4) == 0)
			return atoi(r->buf + 4);
		fprintf(stderr, "%s\n", r->buf);
		r->len -= (size_t)(nl + 1 - r->buf);
		memmove(r->buf, nl + 1, r->len + 1);
	}
	if (r->len == sizeof(r->buf) - 1) {
		fprintf(stderr, "%s\n", r->buf);
		r->len = 0;
	}
	return -1;
}

/* The watchdog was killed: nobody will put things back by itself. */
static int watchdog_lost(const struct apply_job *job)
{
	fprintf(stderr, "ipt apply: the watchdog ended without a word; the "
		"new tables may still be in place, the previous ones are in "
		"%s/*.before (ipt-restore -c)\n", job->st.dir);
	return APPLY_FAILED;
}

int watch_outcome(const struct apply_job *job, struct watch *w)
{
	struct status_reader rd = { .fd = w->status }, *r = &rd;
	int code;

	while ((code = read_status(r)) == -1)
		;
	if (code == -2)
		return watchdog_lost(job);
	return code;
}

static volatile sig_atomic_t interrupted;

static void on_interrupt(int sig)
{
	(void)sig;
	interrupted = 1;
}

/* A line typed on the terminal: yes keeps, no puts back now. */
static void answer(const struct apply_job *job, int *in)
{
	char line[64];
	ssize_t n = read(*in, line, sizeof(line) - 1);

	if (n <= 0) {
		*in = -1;       /* end of input: the other ways remain */
		return;
	}
	line[n] = '\0';
	line[strcspn(line, "\r\n")] = '\0';
	if (strcmp(line, "yes") == 0)
		state_decide(&job->st, "confirmed");
	else if (strcmp(line, "no") == 0)
		state_decide(&job->st, "rejected");
	else
		fprintf(stderr, "ipt apply: type yes to keep the new tables, "
			"no to put the old ones back\n");
}

/* The watchdog decides (it alone keeps the time); the terminal and
 * Ctrl-C only hand it an answer. */
int watch_confirm(const struct apply_job *job, struct watch *w, long secs)
{
	struct status_reader r = { .fd = w->status };
	int in = isatty(STDIN_FILENO) ? STDIN_FILENO : -1, code;

	if (in >= 0) {
		/* what was typed before the change proves nothing */
		tcflush(in, TCIFLUSH);
		fprintf(stderr, "ipt apply: type yes within %ld s to keep "
			"the new tables (or run `ipt apply --confirm'); no or "
			"Ctrl-C puts the old ones back now\n", secs);
	} else {
		fprintf(stderr, "ipt apply: run `ipt apply --confirm' within "
			"%ld s to keep the new tables\n", secs);
	}
	signal(SIGINT, on_interrupt);
	signal(SIGTERM, on_interrupt);
	for (;;) {
		struct pollfd p[2] = { { .fd = w->status, .events = POLLIN },
				       { .fd = in, .events = POLLIN } };

		if (interrupted) {
			interrupted = 0;
			state_decide(&job->st, "rejected");
		}
		if (poll(p, 2, -1) < 0)
			continue;
		if (p[1].revents)
			answer(job, &in);
		if (p[0].revents && (code = read_status(&r)) != -1)
			break;
	}
	return code == -2 ? watchdog_lost(job) : code;
}

/* `ipt apply --confirm' from another shell. */
int watch_confirm_other(void)
{
	struct apply_state st;
	char err[300];
	pid_t owner;

	if (!state_locate(&st, err, sizeof(err))) {
		fprintf(stderr, "ipt apply: %s\n", err);
		return APPLY_USAGE;
	}
	owner = state_owner(&st);
	if (!state_decide(&st, "confirmed")) {
		fprintf(stderr, "ipt apply: nothing awaits confirmation in this "
			"network namespace\n");
		return APPLY_FAILED;
	}
	/* done when the watchdog has cleaned up: a next apply may start */
	for (int i = 0; i < 100 && state_owner(&st) == owner; i++)
		usleep(100000);
	printf("ipt apply: confirmed; the tables applied stay\n");
	return APPLY_OK;
}
