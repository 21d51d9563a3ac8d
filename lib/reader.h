/*
 * reader.h - reads kernel text files under a root directory.
 *
 * Files are opened relative to the root (openat), kept open, and re-read
 * from offset 0 into a buffer that is reused and grown as needed. Within
 * one generation (see dk_reader_next_gen) a file is read at most once:
 * providers that share /proc/stat share one read.
 *
 * Ownership: the reader owns every buffer; the text it returns stays valid
 * until the next dk_reader_next_gen() or dk_reader_free().
 */
#ifndef DK_READER_H
#define DK_READER_H

#include <stddef.h>
#include <stdint.h>

#include "err.h"

struct dk_reader;

/* Read in small pieces: sysctl files allocate as much as a read asks for. */
#define DK_READ_SMALL 0x1u

struct dk_text {
	const char *data; /* NUL-terminated */
	size_t len;
	uint64_t snaptime_ns; /* CLOCK_BOOTTIME right after the read */
};

/* root: a directory ("/" for the live system). NULL and err on failure. */
struct dk_reader *dk_reader_new(const char *root, struct dk_err *err);
void dk_reader_free(struct dk_reader *r);

/*
 * Stamp every read with this time instead of the clock (0: the clock), so
 * reports over a fixture tree are reproducible byte for byte.
 */
void dk_reader_fix_time(struct dk_reader *r, uint64_t snaptime_ns);

/* Start a new sample: files will be read again. */
void dk_reader_next_gen(struct dk_reader *r);

/*
 * Read path ("/proc/stat"; the leading slash is relative to the root).
 * Returns 0 and fills *out; 1 if the source is absent (ENOENT, ENOTDIR,
 * ENODEV, ESRCH, EOPNOTSUPP); -1 with err on any other failure.
 */
int dk_reader_read(struct dk_reader *r, const char *path, unsigned flags,
    struct dk_text *out, struct dk_err *err);

/*
 * Whether path exists under the root. The answer is kept while the same
 * path is asked about in every generation (see reader.c).
 */
int dk_reader_exists(struct dk_reader *r, const char *path);

/* List the names in a directory (no "." or ".."); callback per entry.
 * Returns 0, 1 if absent, -1 with err. The callback returns 0 to go on. */
int dk_reader_list(struct dk_reader *r, const char *path,
    int (*fn)(void *arg, const char *name), void *arg, struct dk_err *err);

/* CLOCK_BOOTTIME now, in nanoseconds. */
uint64_t dk_now_ns(void);

#endif
