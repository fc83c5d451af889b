/* See apply_state.h. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "apply_state.h"

bool state_locate(struct apply_state *st, char *err, size_t errlen)
{
	const char *run = getenv("IPT_RUNDIR");
	char cwd[128];
	struct stat ns;

	if (stat("/proc/self/ns/net", &ns) != 0) {
		snprintf(err, errlen, "cannot tell the network namespace "
			 "(/proc/self/ns/net): %s", strerror(errno));
		return false;
	}
	if (!run || !*run)
		run = "/run/ipt";
	/* the watchdog works from "/": a relative name would move */
	if (run[0] != '/' && getcwd(cwd, sizeof(cwd)))
		snprintf(st->rundir, sizeof(st->rundir), "%s/%s", cwd, run);
	else
		snprintf(st->rundir, sizeof(st->rundir), "%s", run);
	snprintf(st->dir, sizeof(st->dir), "%s/apply-%llu", st->rundir,
		 (unsigned long long)ns.st_ino);
	return true;
}

void state_path(const struct apply_state *st, const char *name, char *out,
		size_t outlen)
{
	snprintf(out, outlen, "%s/%s", st->dir, name);
}

static bool write_file(const char *path, const char *data, size_t len)
{
	char tmp[320];
	int fd;
	bool ok = true;

	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0)
		return false;
	while (ok && len) {
		ssize_t n = write(fd, data, len);

		if (n < 0 && errno == EINTR)
			continue;
		ok = n > 0;
		if (ok) {
			data += n;
			len -= (size_t)n;
		}
	}
	/* the snapshot must be on disk before the kernel changes */
	ok = ok && fsync(fd) == 0;
	ok = close(fd) == 0 && ok;
	ok = ok && rename(tmp, path) == 0;
	if (!ok)
		unlink(tmp);
	return ok;
}

bool state_write(const struct apply_state *st, const char *name,
		 const char *data, size_t len)
{
	char path[300];

	state_path(st, name, path, sizeof(path));
	return write_file(path, data, len);
}

static char *read_fd(int fd, size_t *lenp)
{
	size_t len = 0, cap = 4096;
	char *buf = malloc(cap), *more;
	ssize_t n;

	if (!buf)
		return NULL;
	for (;;) {
		if (len + 1 >= cap) {
			more = realloc(buf, cap *= 2);
			if (!more)
				break;
			buf = more;
		}
		n = read(fd, buf + len, cap - len - 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			break;
		if (n == 0) {
			buf[len] = '\0';
			if (lenp)
				*lenp = len;
			return buf;
		}
		len += (size_t)n;
	}
	free(buf);
	return NULL;
}

char *read_whole_file(const char *path, size_t *len)
{
	int fd = strcmp(path, "-") == 0 ? dup(STDIN_FILENO) :
		 open(path, O_RDONLY | O_CLOEXEC);
	char *text;
	int saved;

	if (fd < 0)
		return NULL;
	text = read_fd(fd, len);
	saved = errno;
	close(fd);
	errno = saved;
	return text;
}

char *state_read(const struct apply_state *st, const char *name)
{
	char path[300];

	state_path(st, name, path, sizeof(path));
	return read_whole_file(path, NULL);
}

bool state_exists(const struct apply_state *st, const char *name)
{
	char path[300];

	state_path(st, name, path, sizeof(path));
	return access(path, F_OK) == 0;
}

static pid_t owner_of(const char *dir)
{
	char path[300], buf[32] = "";
	FILE *f;

	snprintf(path, sizeof(path), "%s/owner", dir);
	f = fopen(path, "re");
	if (!f)
		return 0;
	if (!fgets(buf, sizeof(buf), f))
		buf[0] = '\0';
	fclose(f);
	return (pid_t)atol(buf);
}

pid_t state_owner(const struct apply_state *st)
{
	return owner_of(st->dir);
}

bool state_set_owner(const struct apply_state *st, pid_t pid)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%ld\n", (long)pid);
	return state_write(st, "owner", buf, strlen(buf));
}

static void remove_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[600];

	if (!d)
		return;
	while ((e = readdir(d))) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		unlink(path);
	}
	closedir(d);
	rmdir(dir);
}

void state_release(const struct apply_state *st)
{
	remove_dir(st->dir);
}

bool state_keep(const struct apply_state *st, char *out, size_t outlen)
{
	snprintf(out, outlen, "%s.kept-%ld", st->dir, (long)time(NULL));
	return rename(st->dir, out) == 0;
}

static bool alive(pid_t pid)
{
	return pid > 0 && (kill(pid, 0) == 0 || errno == EPERM);
}

/* A private directory with our pid as owner, renamed into place: the
 * directory never exists without its owner file. */
static int try_claim(const struct apply_state *st)
{
	char tmp[300], owner[320], buf[32];
	int fd, err;

	snprintf(tmp, sizeof(tmp), "%s.new-%ld", st->dir, (long)getpid());
	remove_dir(tmp);
	if (mkdir(tmp, 0700) != 0)
		return errno;
	snprintf(owner, sizeof(owner), "%s/owner", tmp);
	snprintf(buf, sizeof(buf), "%ld\n", (long)getpid());
	fd = open(owner, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0 || write(fd, buf, strlen(buf)) != (ssize_t)strlen(buf)) {
		err = errno;
		if (fd >= 0)
			close(fd);
		remove_dir(tmp);
		return err;
	}
	close(fd);
	if (rename(tmp, st->dir) == 0)
		return 0;
	err = errno == ENOTEMPTY ? EEXIST : errno;
	remove_dir(tmp);
	return err;
}

bool state_claim(struct apply_state *st, pid_t *busy, char *stale,
		 size_t stalelen, char *err, size_t errlen)
{
	int e;

	*busy = 0;
	stale[0] = '\0';
	if (mkdir(st->rundir, 0700) != 0 && errno != EEXIST) {
		snprintf(err, errlen, "cannot create %s: %s", st->rundir,
			 strerror(errno));
		return false;
	}
	for (int try = 0; try < 3; try++) {
		pid_t owner;

		e = try_claim(st);
		if (e == 0)
			return true;
		if (e != EEXIST)
			break;
		owner = owner_of(st->dir);
		if (alive(owner)) {
			*busy = owner;
			snprintf(err, errlen, "another ipt apply (process %ld) "
				 "is under way or awaits confirmation in this "
				 "network namespace", (long)owner);
			return false;
		}
		/* its owner died without a word: keep it for a human */
		if (!state_keep(st, stale, stalelen))
			stale[0] = '\0';
	}
	snprintf(err, errlen, "cannot create %s: %s", st->dir, strerror(e));
	return false;
}

bool state_decide(const struct apply_state *st, const char *outcome)
{
	char from[300], to[300];

	state_path(st, "pending", from, sizeof(from));
	state_path(st, outcome, to, sizeof(to));
	return rename(from, to) == 0;
}
