/* As gnulib's close_stdout: stdio reports a failed write only through
 * ferror() and the return of fflush()/fclose(), which a program that
 * printf()s its output never looks at; iptables-legacy-save > /dev/full
 * exits 0 with nothing saved. */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "stdout_guard.h"

static const char *guard_prog = "ipt";
static bool stdout_was_closed;

static void check_stdout(void)
{
	bool failed = ferror(stdout);
	int err = 0;

	if (fflush(stdout) != 0) {
		failed = true;
		err = errno;
	}
	if (!failed)
		return;
	if (stdout_was_closed)
		err = EBADF;
	if (err)
		fprintf(stderr, "%s: write error: %s\n", guard_prog,
			strerror(err));
	else
		fprintf(stderr, "%s: write error\n", guard_prog);
	_exit(1);
}

void stdout_guard(const char *prog)
{
	if (fcntl(STDOUT_FILENO, F_GETFD) == -1 && errno == EBADF) {
		int fd = open("/dev/full", O_WRONLY);

		stdout_was_closed = true;
		if (fd >= 0 && fd != STDOUT_FILENO) {
			dup2(fd, STDOUT_FILENO);
			close(fd);
		}
	}
	guard_prog = prog;
	atexit(check_stdout);
}
