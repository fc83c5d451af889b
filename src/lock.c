#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/file.h>
#include <xtables.h>
#include <getopt.h>
#include "lock.h"
#include "xt.h"

#define DEFAULT_LOCK "/run/xtables.lock"

static void on_alarm(int sig)
{
	(void)sig;      /* only interrupts flock() */
}

static const char *lock_path(void)
{
	const char *path = getenv("XTABLES_LOCKFILE");

	return path && *path ? path : DEFAULT_LOCK;
}

int lock_acquire(int wait)
{
	const char *path = lock_path();
	struct sigaction sa = { .sa_handler = on_alarm, .sa_flags = SA_RESETHAND };
	int fd = open(path, O_CREAT | O_CLOEXEC, 0600);

	if (fd < 0) {
		fprintf(stderr, "Fatal: can't open lock file %s: %s\n", path,
			strerror(errno));
		exit(RESOURCE_PROBLEM);
	}
	if (wait > 0) {
		sigemptyset(&sa.sa_mask);
		sigaction(SIGALRM, &sa, NULL);
		alarm(wait);
	}
	if (flock(fd, LOCK_EX) == 0) {
		alarm(0);
		return fd;
	}
	if (errno == EINTR)
		errno = EWOULDBLOCK;
	fprintf(stderr, "Can't lock %s: %s\n", path, strerror(errno));
	fprintf(stderr, "Another app is currently holding the xtables lock. ");
	if (wait <= 0)
		fprintf(stderr, "Perhaps you want to use the -w option?\n");
	else
		fprintf(stderr, "Stopped waiting after %ds.\n", wait);
	exit(RESOURCE_PROBLEM);
}

void lock_release(int fd)
{
	if (fd >= 0)
		close(fd);
}

const char *lock_optional_arg(int argc, char **argv)
{
	if (optarg)
		return optarg;
	if (optind < argc && argv[optind][0] != '-' && argv[optind][0] != '!')
		return argv[optind++];
	return NULL;
}

int lock_parse_wait(const char *arg)
{
	int wait;

	if (!arg)
		return -1;
	if (sscanf(arg, "%i", &wait) != 1)
		xt_die(PARAMETER_PROBLEM, "wait seconds not numeric");
	return wait;
}

void lock_parse_wait_interval(const char *arg)
{
	unsigned int usec;

	if (!arg)
		xt_die(PARAMETER_PROBLEM, "wait interval value required");
	if (sscanf(arg, "%u", &usec) != 1)
		xt_die(PARAMETER_PROBLEM, "wait interval not numeric");
	if (usec > 999999)
		xt_die(PARAMETER_PROBLEM, "too long usec wait %u > 999999 usec",
		       usec);
	fprintf(stderr, "Ignoring deprecated --wait-interval option.\n");
}
