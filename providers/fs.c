/*
 * fs.c - file handles and inodes in use.
 *
 * Reads two sysctl files (format: Documentation/admin-guide/sysctl/fs.rst,
 * "file-max & file-nr" and "inode-nr & inode-state"; fs/file_table.c,
 * fs/inode.c):
 *
 *	/proc/sys/fs/file-nr	allocated, allocated but unused (always 0
 *				since 2.6), maximum file handles
 *	/proc/sys/fs/inode-nr	inodes allocated, and free among them
 *
 * The kernel allocates a buffer as large as each read asks for, so they are
 * read in small pieces (DK_READ_SMALL). Each file is a separate source: a
 * malformed one is reported and skipped while the other still counts.
 *
 * Emits fs:0:file-nr: allocated, unused, max and fs:0:inode-nr: nr_inodes,
 * nr_free_inodes, all gauges.
 */
#include "../lib/collect.h"
#include "../lib/parse.h"
#include "providers.h"

#define MAX_FIELDS 3

struct fs_file {
	const char *path;
	const char *name; /* the kstat name */
	const char *fields[MAX_FIELDS];
	size_t nfields;
};

static const struct fs_file files[] = {
	{ "/proc/sys/fs/file-nr", "file-nr", { "allocated", "unused", "max" },
	    3 },
	{ "/proc/sys/fs/inode-nr", "inode-nr",
	    { "nr_inodes", "nr_free_inodes" }, 2 },
};

static int
fs_file(struct dk_ctx *ctx, const struct fs_file *f)
{
	struct dk_text t;
	const char *p;
	uint64_t v[MAX_FIELDS];
	size_t i;
	int rc = dk_ctx_read(ctx, f->path, DK_READ_SMALL, &t);

	if (rc != 0)
		return rc < 0 ? -1 : 0;
	p = t.data;
	for (i = 0; i < f->nfields; i++)
		if (dk_scan_u64(&p, &v[i]) != 0)
			return dk_ctx_bad_line(ctx, f->path, 1, "bad number");
	if (!dk_at_eol(p))
		return dk_ctx_bad_line(ctx, f->path, 1, "trailing text");
	if (dk_snap_begins(ctx->snap, "fs", "0", f->name, "fs", f->path) != 0)
		return -1;
	for (i = 0; i < f->nfields; i++)
		if (dk_snap_gauge(ctx->snap, f->fields[i], v[i], "1") != 0)
			return -1;
	return 0;
}

static int
one_file(struct dk_ctx *ctx, const void *item)
{
	return fs_file(ctx, item);
}

/* Each file is a source of its own: a bad one leaves the others be. */
static int
collect(struct dk_ctx *ctx)
{
	return dk_ctx_each_source(ctx, one_file, files,
	    sizeof(files) / sizeof(files[0]), sizeof(files[0]));
}

const struct dk_provider dk_provider_fs = {
	.module = "fs",
	.description = "file handles and inodes allocated, free and allowed",
	.sources = "/proc/sys/fs/file-nr /proc/sys/fs/inode-nr",
	.collect = collect,
};
