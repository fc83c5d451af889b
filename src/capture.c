/* See capture.h. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include "capture.h"

bool capture_begin(struct capture *c)
{
	fflush(stdout);
	c->fd = memfd_create("ipt-capture", MFD_CLOEXEC);
	if (c->fd < 0)
		return false;
	c->saved = dup(STDOUT_FILENO);
	if (c->saved < 0 || dup2(c->fd, STDOUT_FILENO) < 0) {
		int err = errno;

		if (c->saved >= 0)
			close(c->saved);
		close(c->fd);
		errno = err;
		return false;
	}
	return true;
}

char *capture_end(struct capture *c, size_t *len)
{
	struct stat st;
	char *text = NULL;
	ssize_t n = 0;

	fflush(stdout);
	dup2(c->saved, STDOUT_FILENO);
	close(c->saved);
	/* a short read is a failure: the text would be cut silently */
	if (fstat(c->fd, &st) == 0 && (text = malloc(st.st_size + 1)) &&
	    (n = pread(c->fd, text, st.st_size, 0)) == st.st_size) {
		text[n] = '\0';
		*len = n;
	} else {
		free(text);
		text = NULL;
	}
	close(c->fd);
	return text;
}
