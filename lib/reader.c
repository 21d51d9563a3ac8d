/* reader.c - kept-open, re-read-from-zero file reading; see reader.h. */
#include "reader.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define SMALL_CHUNK 1024
#define FIRST_CAP 4096

struct file {
	char *path; /* relative to the root */
	int fd;	    /* -1 when not open */
	char *buf;
	size_t cap;
	size_t len;
	unsigned gen; /* generation of the content in buf, 0 = none */
	uint64_t snaptime_ns;
};

/* A remembered answer of dk_reader_exists. */
struct probe {
	char *path;
	int exists;
	unsigned gen; /* last generation it was asked in */
};

struct dk_reader {
	int rootfd;
	struct probe *probes;
	size_t nprobes, capprobes, phint;
	struct file *files;
	size_t nfiles, capfiles;
	size_t hint; /* providers read in the same order every sample */
	unsigned gen;
	uint64_t fixed_ns; /* dk_reader_fix_time */
};

uint64_t
dk_now_ns(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_BOOTTIME, &ts) != 0)
		(void)clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

struct dk_reader *
dk_reader_new(const char *root, struct dk_err *err)
{
	struct dk_reader *r = calloc(1, sizeof(*r));

	if (r == NULL) {
		dk_err_set(err, "out of memory");
		return NULL;
	}
	r->rootfd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (r->rootfd < 0) {
		dk_err_set(err, "cannot open root %s: %s", root,
		    strerror(errno));
		free(r);
		return NULL;
	}
	r->gen = 1;
	return r;
}

void
dk_reader_free(struct dk_reader *r)
{
	size_t i;

	if (r == NULL)
		return;
	for (i = 0; i < r->nfiles; i++) {
		if (r->files[i].fd >= 0)
			(void)close(r->files[i].fd);
		free(r->files[i].path);
		free(r->files[i].buf);
	}
	free(r->files);
	for (i = 0; i < r->nprobes; i++)
		free(r->probes[i].path);
	free(r->probes);
	(void)close(r->rootfd);
	free(r);
}

void
dk_reader_fix_time(struct dk_reader *r, uint64_t snaptime_ns)
{
	r->fixed_ns = snaptime_ns;
}

void
dk_reader_next_gen(struct dk_reader *r)
{
	r->gen++;
	if (r->gen == 0)
		r->gen = 1;
}

static const char *
rel(const char *path)
{
	while (*path == '/')
		path++;
	return *path != '\0' ? path : ".";
}

static int
is_absent(int e)
{
	return e == ENOENT || e == ENOTDIR || e == ENODEV || e == ESRCH ||
	    e == EOPNOTSUPP || e == ENXIO;
}

static struct file *
lookup(struct dk_reader *r, const char *path)
{
	size_t i;

	if (r->hint < r->nfiles && strcmp(r->files[r->hint].path, path) == 0)
		return &r->files[r->hint++];
	for (i = 0; i < r->nfiles; i++) {
		if (strcmp(r->files[i].path, path) == 0) {
			r->hint = i + 1;
			return &r->files[i];
		}
	}
	return NULL;
}

static struct file *
add_file(struct dk_reader *r, const char *path)
{
	struct file *f;

	if (r->nfiles == r->capfiles) {
		size_t ncap = r->capfiles != 0 ? r->capfiles * 2 : 32;
		struct file *p = realloc(r->files, ncap * sizeof(*p));

		if (p == NULL)
			return NULL;
		r->files = p;
		r->capfiles = ncap;
	}
	f = &r->files[r->nfiles];
	memset(f, 0, sizeof(*f));
	f->fd = -1;
	f->path = strdup(path);
	if (f->path == NULL)
		return NULL;
	r->nfiles++;
	r->hint = r->nfiles;
	return f;
}

/* Read the whole file from offset 0; returns 0 or an errno value. */
static int
read_all(struct file *f, unsigned flags)
{
	size_t off = 0;
	ssize_t n;

	for (;;) {
		size_t want;

		if (f->cap - off < 2) {
			size_t ncap = f->cap != 0 ? f->cap * 2 : FIRST_CAP;
			char *p = realloc(f->buf, ncap);

			if (p == NULL)
				return ENOMEM;
			f->buf = p;
			f->cap = ncap;
		}
		want = f->cap - off - 1;
		if ((flags & DK_READ_SMALL) && want > SMALL_CHUNK)
			want = SMALL_CHUNK;
		n = pread(f->fd, f->buf + off, want, (off_t)off);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return errno;
		}
		if (n == 0)
			break;
		off += (size_t)n;
	}
	f->buf[off] = '\0';
	f->len = off;
	return 0;
}

static int
open_file(struct dk_reader *r, struct file *f)
{
	f->fd = openat(r->rootfd, f->path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	return f->fd < 0 ? errno : 0;
}

static void
close_file(struct file *f)
{
	if (f->fd >= 0)
		(void)close(f->fd);
	f->fd = -1;
}

int
dk_reader_read(struct dk_reader *r, const char *path, unsigned flags,
    struct dk_text *out, struct dk_err *err)
{
	const char *p = rel(path);
	struct file *f = lookup(r, p);
	int e;

	if (f == NULL && (f = add_file(r, p)) == NULL)
		return dk_err_set(err, "out of memory");
	if (f->gen != r->gen) {
		e = f->fd < 0 ? open_file(r, f) : 0;
		if (e == 0)
			e = read_all(f, flags);
		/* A kept file of a vanished device fails: reopen once. */
		if (e != 0 && e != ENOMEM && f->fd >= 0 && is_absent(e)) {
			close_file(f);
			e = open_file(r, f);
			if (e == 0)
				e = read_all(f, flags);
		}
		if (e != 0) {
			close_file(f);
			if (is_absent(e))
				return 1;
			return dk_err_set(err, "cannot read %s: %s", path,
			    strerror(e));
		}
		f->gen = r->gen;
		f->snaptime_ns = r->fixed_ns != 0 ? r->fixed_ns : dk_now_ns();
	}
	out->data = f->buf;
	out->len = f->len;
	out->snaptime_ns = f->snaptime_ns;
	return 0;
}

static struct probe *
probe_find(struct dk_reader *r, const char *path)
{
	size_t i;

	if (r->phint < r->nprobes &&
	    strcmp(r->probes[r->phint].path, path) == 0)
		return &r->probes[r->phint++];
	for (i = 0; i < r->nprobes; i++) {
		if (strcmp(r->probes[i].path, path) == 0) {
			r->phint = i + 1;
			return &r->probes[i];
		}
	}
	return NULL;
}

static struct probe *
probe_add(struct dk_reader *r, const char *path)
{
	struct probe *p;

	if (r->nprobes == r->capprobes) {
		size_t ncap = r->capprobes != 0 ? r->capprobes * 2 : 32;

		p = realloc(r->probes, ncap * sizeof(*p));
		if (p == NULL)
			return NULL;
		r->probes = p;
		r->capprobes = ncap;
	}
	p = &r->probes[r->nprobes];
	p->path = strdup(path);
	if (p->path == NULL)
		return NULL;
	p->gen = 0;
	r->nprobes++;
	return p;
}

/*
 * The answer is remembered while the question is asked every sample: a
 * device's sysfs entries do not change while it exists, and one that
 * vanished for a sample is looked up afresh.
 */
int
dk_reader_exists(struct dk_reader *r, const char *path)
{
	const char *p = rel(path);
	struct probe *pr = probe_find(r, p);

	if (pr != NULL && (pr->gen == r->gen || pr->gen + 1 == r->gen)) {
		pr->gen = r->gen;
		return pr->exists;
	}
	if (pr == NULL)
		pr = probe_add(r, p);
	if (pr == NULL)
		return faccessat(r->rootfd, p, F_OK, 0) == 0;
	pr->exists = faccessat(r->rootfd, p, F_OK, 0) == 0;
	pr->gen = r->gen;
	return pr->exists;
}

int
dk_reader_list(struct dk_reader *r, const char *path,
    int (*fn)(void *arg, const char *name), void *arg, struct dk_err *err)
{
	struct dirent *de;
	DIR *d;
	int fd, rc = 0;

	fd = openat(r->rootfd, rel(path), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0) {
		if (is_absent(errno))
			return 1;
		return dk_err_set(err, "cannot open %s: %s", path,
		    strerror(errno));
	}
	d = fdopendir(fd);
	if (d == NULL) {
		(void)close(fd);
		return dk_err_set(err, "cannot open %s: %s", path,
		    strerror(errno));
	}
	while (rc == 0 && (de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		rc = fn(arg, de->d_name);
	}
	(void)closedir(d);
	return rc < 0 ? -1 : 0;
}
