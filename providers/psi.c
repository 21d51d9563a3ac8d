/*
 * psi.c - pressure stall information.
 *
 * Reads /proc/pressure/cpu, io, memory and irq (format:
 * Documentation/accounting/psi.rst; kernel/sched/psi.c psi_show()):
 *
 *	some avg10=0.10 avg60=2.00 avg300=3.85 total=15
 *	full avg10=0.20 avg60=3.00 avg300=4.95 total=25
 *
 * "some" is the share of time at least one task stalled on the resource,
 * "full" the share all non-idle tasks did; averages are percentages over
 * 10, 60 and 300 seconds with two decimals, total is the stall time in
 * microseconds. irq (6.1 and later, CONFIG_IRQ_TIME_ACCOUNTING) has only a
 * full line. Each file is a separate source: one that is missing, or that
 * fails with EOPNOTSUPP because PSI is off (psi=0), gives nothing, and a
 * malformed one is reported and skipped while the others still count.
 *
 * Emits psi:<resource>:<some|full>: avg10, avg60, avg300 (doubles,
 * percent) and total (64-bit counter, nanoseconds).
 */
#include <string.h>

#include "../lib/collect.h"
#include "../lib/parse.h"
#include "providers.h"

struct psi_file {
	const char *resource;
	const char *path;
};

static const struct psi_file files[] = {
	{ "cpu", "/proc/pressure/cpu" },
	{ "io", "/proc/pressure/io" },
	{ "memory", "/proc/pressure/memory" },
	{ "irq", "/proc/pressure/irq" },
};

static const char *const avgs[] = { "avg10", "avg60", "avg300" };

/* Skip "key=" at *pp; -1 if something else is there. */
static int
expect_key(const char **pp, const char *key)
{
	const char *p = dk_skip_blanks(*pp);
	size_t n = strlen(key);

	if (strncmp(p, key, n) != 0 || p[n] != '=')
		return -1;
	*pp = p + n + 1;
	return 0;
}

static const char *const kinds[] = { "some", "full" };

/* Index in kinds[] of the line's first word; -1 if it is neither. */
static int
line_kind(const char **pp)
{
	const char *w;
	size_t n = dk_scan_word(pp, &w), i;

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (n == strlen(kinds[i]) && memcmp(w, kinds[i], n) == 0)
			return (int)i;
	return -1;
}

/* One file being read: seen has a bit per kind, to refuse duplicates. */
struct psi_read {
	const struct psi_file *f;
	unsigned seen;
};

static int
psi_line(struct dk_ctx *ctx, void *arg, const char *p, size_t len,
    unsigned lineno)
{
	struct psi_read *rd = arg;
	const struct psi_file *f = rd->f;
	unsigned *seen = &rd->seen;
	int kind = line_kind(&p);
	uint64_t v;
	size_t i;

	(void)len;
	if (kind < 0)
		return dk_ctx_bad_line(ctx, f->path, lineno,
		    "line is neither some nor full");
	if (*seen & (1u << kind))
		return dk_ctx_bad_line(ctx, f->path, lineno,
		    "repeated line kind");
	*seen |= 1u << kind;
	if (dk_snap_begins(ctx->snap, "psi", f->resource, kinds[kind], "misc",
		f->path) != 0)
		return -1;
	for (i = 0; i < sizeof(avgs) / sizeof(avgs[0]); i++) {
		if (expect_key(&p, avgs[i]) != 0 ||
		    dk_scan_fixed(&p, 2, &v) != 0)
			return dk_ctx_bad_line(ctx, f->path, lineno,
			    "bad average");
		if (dk_snap_double(ctx->snap, avgs[i], (double)v / 100.0,
			"percent") != 0)
			return -1;
	}
	if (expect_key(&p, "total") != 0 || dk_scan_u64(&p, &v) != 0 ||
	    !dk_at_eol(p) || v > UINT64_MAX / 1000)
		return dk_ctx_bad_line(ctx, f->path, lineno, "bad total");
	return dk_snap_counter(ctx->snap, "total", v * 1000, 64, "ns");
}

static int
psi_file(struct dk_ctx *ctx, const struct psi_file *f)
{
	struct psi_read rd = { f, 0 };
	struct dk_text t;
	int rc = dk_ctx_read(ctx, f->path, 0, &t);

	if (rc != 0)
		return rc < 0 ? -1 : 0;
	return dk_ctx_each_line(ctx, &t, 0, psi_line, &rd);
}

static int
one_file(struct dk_ctx *ctx, const void *item)
{
	return psi_file(ctx, item);
}

/* Each file is a source of its own: a bad one leaves the others be. */
static int
collect(struct dk_ctx *ctx)
{
	return dk_ctx_each_source(ctx, one_file, files,
	    sizeof(files) / sizeof(files[0]), sizeof(files[0]));
}

const struct dk_provider dk_provider_psi = {
	.module = "psi",
	.description = "pressure stall time on CPU, I/O, memory and IRQs",
	.sources = "/proc/pressure/{cpu,io,memory,irq}",
	.collect = collect,
};
