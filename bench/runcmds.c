/* runcmds: the benchmark's measuring loop.
 *
 *   runcmds CMDFILE REPEAT  NETNS LOCKFILE PROGRAM ARGV0  [NETNS LOCKFILE PROGRAM ARGV0]
 *
 * For each line of CMDFILE (REPEAT times over the file), runs every given
 * side once: PROGRAM with argv[0] = ARGV0 and the line's whitespace-separated
 * words as the other arguments (no quoting: benchmark commands don't need
 * it), inside the network namespace NETNS (a /proc/PID/ns/net path, or "-"
 * for the current one) with XTABLES_LOCKFILE=LOCKFILE; an empty line runs
 * PROGRAM with no argument at all (a bare iptables-save). With two sides
 * the commands interleave, line by line, and which side goes first
 * alternates, so both sides meet the same machine conditions (the kernel's
 * table replacement time drifts a lot). Each command runs to completion
 * before the next starts; stdout goes to /dev/null, stderr is kept.
 *
 * Prints one line per side:
 *
 *   <seconds> <peak RSS KiB> <commands run> <commands failed>
 *
 * seconds: summed over the side's commands, each from fork to wait (what a
 * script calling iptables pays). peak RSS: the largest ru_maxrss among the
 * side's commands, from wait4(). A C loop keeps a shell's own cost (a fork
 * per command, the shell's RSS) out of the figures.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

struct side {
	const char *netns, *lockfile, *prog, *argv0;
	int nsfd;
	double seconds;
	long maxrss, ran, failed;
};

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void run(struct side *s, char **args, int devnull)
{
	struct rusage ru;
	double t0;
	pid_t pid;
	int status;

	args[0] = (char *)s->argv0;
	t0 = now();
	pid = fork();
	if (pid < 0) {
		perror("fork");
		exit(2);
	}
	if (pid == 0) {
		if (s->nsfd >= 0 && setns(s->nsfd, CLONE_NEWNET) < 0) {
			perror("setns");
			_exit(126);
		}
		setenv("XTABLES_LOCKFILE", s->lockfile, 1);
		dup2(devnull, STDOUT_FILENO);
		execv(s->prog, args);
		perror(s->prog);
		_exit(127);
	}
	while (wait4(pid, &status, 0, &ru) < 0) {
		if (errno != EINTR) {
			perror("wait4");
			exit(2);
		}
	}
	s->seconds += now() - t0;
	s->ran++;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		s->failed++;
	if (ru.ru_maxrss > s->maxrss)
		s->maxrss = ru.ru_maxrss;
}

int main(int argc, char **argv)
{
	struct side sides[2];
	char *line = NULL, **args = NULL;
	size_t cap = 0, args_cap = 0;
	long repeat, lineno = 0;
	int nsides, devnull;

	if (argc != 7 && argc != 11) {
		fprintf(stderr, "usage: %s CMDFILE REPEAT NETNS LOCKFILE PROGRAM ARGV0"
			" [NETNS LOCKFILE PROGRAM ARGV0]\n", argv[0]);
		return 2;
	}
	repeat = strtol(argv[2], NULL, 10);
	nsides = (argc - 3) / 4;
	for (int i = 0; i < nsides; i++) {
		struct side *s = &sides[i];

		memset(s, 0, sizeof(*s));
		s->netns = argv[3 + 4 * i];
		s->lockfile = argv[4 + 4 * i];
		s->prog = argv[5 + 4 * i];
		s->argv0 = argv[6 + 4 * i];
		s->nsfd = -1;
		if (strcmp(s->netns, "-") != 0) {
			s->nsfd = open(s->netns, O_RDONLY | O_CLOEXEC);
			if (s->nsfd < 0) {
				perror(s->netns);
				return 2;
			}
		}
	}

	devnull = open("/dev/null", O_WRONLY | O_CLOEXEC);
	if (devnull < 0) {
		perror("/dev/null");
		return 2;
	}

	for (long r = 0; r < repeat; r++) {
		FILE *f = fopen(argv[1], "r");

		if (!f) {
			perror(argv[1]);
			return 2;
		}
		while (getline(&line, &cap, f) >= 0) {
			size_t n = 1;

			/* split the line into args[1..n-1] (in place) */
			for (char *p = line;; p = NULL) {
				char *w = strtok(p, " \t\r\n");

				if (n + 2 > args_cap) {
					args_cap = args_cap ? 2 * args_cap : 64;
					args = realloc(args, args_cap * sizeof(*args));
					if (!args) {
						perror("realloc");
						return 2;
					}
				}
				if (!w)
					break;
				args[n++] = w;
			}
			args[n] = NULL; /* n == 1: an empty line, no argument */

			for (int i = 0; i < nsides; i++)
				run(&sides[(i + lineno) % nsides], args, devnull);
			lineno++;
		}
		fclose(f);
	}
	for (int i = 0; i < nsides; i++)
		printf("%.6f %ld %ld %ld\n", sides[i].seconds, sides[i].maxrss,
		       sides[i].ran, sides[i].failed);
	return 0;
}
