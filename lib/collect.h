/*
 * collect.h - runs providers over a reader into a snapshot.
 *
 * A provider is one kernel source turned into kstats: a const struct
 * dk_provider listed once in providers/registry.c. Its collect() reads
 * through dk_ctx_read() and emits kstats into ctx->snap; it keeps no state
 * between calls. It returns 0, or -1 with ctx->err set (for a malformed
 * file: "path:line: what is wrong"); the collector then drops what that
 * provider emitted and goes on with the others.
 */
#ifndef DK_COLLECT_H
#define DK_COLLECT_H

#include <stddef.h>
#include <stdint.h>

#include "err.h"
#include "reader.h"
#include "snapshot.h"

struct dk_want;

struct dk_ctx {
	struct dk_reader *reader;
	struct dk_snap *snap;
	struct dk_err *err;
	uint64_t user_hz; /* clock ticks per second of /proc/stat */
	void (*warn)(void *arg, const char *msg);
	void *warn_arg;
	/* The statistics wanted of this provider's module; NULL: all. */
	const struct dk_want *want;
	size_t want_lo, want_hi; /* its items for this module */
	const char *module;
};

struct dk_provider {
	const char *module;	 /* the module it emits, e.g. "cpu" */
	const char *description; /* one line for -M list and the man page */
	const char *sources;	 /* the files it reads, for documentation */
	int (*collect)(struct dk_ctx *ctx);
};

/* The registry (providers/registry.c). */
extern const struct dk_provider *const dk_providers[];
extern const size_t dk_nproviders;
const struct dk_provider *dk_provider_find(const char *module);

/*
 * Read a source for a provider and stamp the snapshot with its read time.
 * 0 and *out filled; 1 absent; -1 with ctx->err.
 */
int dk_ctx_read(struct dk_ctx *ctx, const char *path, unsigned flags,
    struct dk_text *out);
/*
 * Call fn for every line of t after the first skip lines, leaving out blank
 * ones; stop at the first that fails. fn gets the line (len bytes, no
 * newline), its 1-based number and arg. 0, or fn's -1.
 */
typedef int (*dk_line_fn)(struct dk_ctx *ctx, void *arg, const char *line,
    size_t len, unsigned lineno);
int dk_ctx_each_line(struct dk_ctx *ctx, const struct dk_text *t, unsigned skip,
    dk_line_fn fn, void *arg);

/* Error "path:line: message" into ctx->err; returns -1. */
int dk_ctx_bad_line(struct dk_ctx *ctx, const char *path, unsigned line,
    const char *what);

/*
 * For providers that read several sources: drop what was emitted since mark,
 * report ctx->err through the warn callback, and return 0 so the provider
 * goes on with its next source.
 */
int dk_ctx_skip_source(struct dk_ctx *ctx, size_t mark);

/*
 * Run fn on each of n items of size bytes (one source each): a source that
 * fails is dropped and reported as dk_ctx_skip_source does, and the others
 * go on. -1 only when memory ran out.
 */
int dk_ctx_each_source(struct dk_ctx *ctx,
    int (*fn)(struct dk_ctx *ctx, const void *item), const void *items,
    size_t n, size_t size);

/*
 * Whether a sample needs the statistic name (len bytes) of the running
 * provider's module. Providers of files with many keys (vmstat, meminfo)
 * skip the lines nobody asked for: a table showing two of 190 vmstat
 * counters need not build the other 188 records every sample.
 */
int dk_ctx_wants(const struct dk_ctx *ctx, const char *name, size_t len);

/*
 * A set of wanted statistics: per module, names, or prefixes ("pgalloc_").
 * A module without entries is wanted whole. Ownership: the set copies
 * nothing; names must outlive it.
 */
struct dk_want *dk_want_new(void);
void dk_want_free(struct dk_want *w);
/* Add module's statistic name (len bytes; or every name it begins). */
int dk_want_add(struct dk_want *w, const char *module, const char *name,
    size_t len, int prefix);

struct dk_collector;

/* A collector over root; NULL with err. */
struct dk_collector *dk_collector_new(const char *root, struct dk_err *err);
void dk_collector_free(struct dk_collector *c);

/* Fixed snapshot times for reproducible reports (see dk_reader_fix_time). */
void dk_collector_fix_time(struct dk_collector *c, uint64_t snaptime_ns);

/*
 * From now on, samples hold only the wanted statistics of the modules the
 * set names (the set is borrowed; NULL: everything again).
 */
void dk_collector_set_want(struct dk_collector *c, const struct dk_want *w);

/* Which providers run: a predicate over module names (NULL = all). */
typedef int (*dk_module_pred)(void *arg, const char *module);

/*
 * Take one sample into snap (reset first): every wanted provider runs, the
 * snapshot is finished (sorted) and crtimes are filled in. Sources that
 * failed are reported through warn (one message each) and skipped.
 * Returns 0, or -1 with err when the sample as a whole failed (memory).
 */
typedef void (*dk_warn_fn)(void *arg, const char *msg);
int dk_collect(struct dk_collector *c, struct dk_snap *snap,
    dk_module_pred want, void *want_arg, dk_warn_fn warn, void *warn_arg,
    struct dk_err *err);

#endif
