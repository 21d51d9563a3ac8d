/*
 * sys.c - system-wide kernel activity.
 *
 * Reads /proc/stat, the lines other than "cpu": "intr" and "softirq" (a
 * total, then per-IRQ or per-type columns), "ctxt", "btime", "processes",
 * "procs_running" and "procs_blocked" (format:
 * Documentation/filesystems/proc.rst, "1.8 Miscellaneous kernel
 * statistics in /proc/stat"; fs/proc/stat.c show_stat()). Old kernels lack
 * some lines: only those present are emitted.
 *
 * Emits sys:0:stat with the line names as statistics: ctxt, intr, softirq
 * (the totals only; per-IRQ and per-type counts come from the intr and
 * softirq providers) and processes as 64-bit counters, procs_running and
 * procs_blocked as gauges, btime as a timestamp in nanoseconds since the
 * epoch.
 */
#include <stdint.h>
#include <string.h>

#include "../lib/collect.h"
#include "../lib/parse.h"
#include "providers.h"

#define SRC "/proc/stat"

struct line_def {
	const char *name;
	enum dk_kind kind;
	int more;	 /* other numbers follow the one we keep */
	const char *bad; /* the error for a malformed line */
};

static const struct line_def lines[] = {
	{ "ctxt", DK_K_COUNTER, 0, "bad number in ctxt line" },
	{ "intr", DK_K_COUNTER, 1, "bad total in intr line" },
	{ "softirq", DK_K_COUNTER, 1, "bad total in softirq line" },
	{ "processes", DK_K_COUNTER, 0, "bad number in processes line" },
	{ "procs_running", DK_K_GAUGE, 0, "bad number in procs_running line" },
	{ "procs_blocked", DK_K_GAUGE, 0, "bad number in procs_blocked line" },
	{ "btime", DK_K_TIMESTAMP, 0, "bad number in btime line" },
};

static const struct line_def *
find_line(const char *word, size_t len)
{
	size_t i;

	for (i = 0; i < sizeof(lines) / sizeof(lines[0]); i++)
		if (strlen(lines[i].name) == len &&
		    memcmp(lines[i].name, word, len) == 0)
			return &lines[i];
	return NULL;
}

/*
 * The number after the line's name: alone on the line, or the first of
 * several (the totals of intr and softirq), so it must end at a blank.
 */
static int
scan_value(const struct line_def *def, const char *p, uint64_t *v)
{
	if (dk_scan_u64(&p, v) != 0)
		return -1;
	if (def->more && (*p == ' ' || *p == '\t'))
		return 0;
	return dk_at_eol(p) ? 0 : -1;
}

static int
add_value(struct dk_ctx *ctx, const struct line_def *def, uint64_t v)
{
	union dk_value u;

	if (def->kind == DK_K_COUNTER)
		return dk_snap_counter(ctx->snap, def->name, v, 64, "1");
	if (def->kind == DK_K_GAUGE)
		return dk_snap_gauge(ctx->snap, def->name, v, "1");
	/* btime is whole seconds; sys_line() checked the product fits. */
	u.u = v * 1000000000u;
	return dk_snap_add(ctx->snap, def->name, strlen(def->name), DK_T_UINT64,
	    DK_K_TIMESTAMP, 0, "ns", u);
}

/* One line of /proc/stat: a known one is added, the rest left alone. */
static int
sys_line(struct dk_ctx *ctx, void *arg, const char *line, size_t len,
    unsigned lineno)
{
	const struct line_def *def;
	const char *word;
	int *begun = arg;
	uint64_t v;

	len = dk_scan_word(&line, &word);
	def = find_line(word, len);
	if (def == NULL)
		return 0;
	if (scan_value(def, line, &v) != 0)
		return dk_ctx_bad_line(ctx, SRC, lineno, def->bad);
	/* 2^64 ns after the epoch is in the year 2554. */
	if (def->kind == DK_K_TIMESTAMP && v > UINT64_MAX / 1000000000u)
		return dk_ctx_bad_line(ctx, SRC, lineno, "btime out of range");
	/* Begun on the first known line: no lines, no empty kstat. */
	if (!*begun) {
		if (dk_snap_begins(ctx->snap, "sys", "0", "stat", "misc",
			SRC) != 0)
			return -1;
		*begun = 1;
	}
	return add_value(ctx, def, v);
}

static int
collect(struct dk_ctx *ctx)
{
	struct dk_text t;
	int begun = 0, rc = dk_ctx_read(ctx, SRC, 0, &t);

	if (rc != 0)
		return rc < 0 ? -1 : 0;
	return dk_ctx_each_line(ctx, &t, 0, sys_line, &begun);
}

const struct dk_provider dk_provider_sys = {
	.module = "sys",
	.description = "context switches, interrupts, softirqs, forks, "
		       "runnable and blocked tasks, boot time",
	.sources = SRC,
	.collect = collect,
};
