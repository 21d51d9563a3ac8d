/*
 * load.c - load averages and task counts.
 *
 * Reads /proc/loadavg, one line "0.02 0.04 0.05 1/497 11947": the 1, 5 and
 * 15 minute load averages with two decimals, the runnable tasks, the
 * scheduling entities (tasks) that exist, and the last PID allocated
 * (format: Documentation/filesystems/proc.rst, "1.2 Kernel data", table
 * 1-5; fs/proc/loadavg.c loadavg_proc_show()).
 *
 * Emits load:0:loadavg: avg1, avg5, avg15 (doubles nearest the printed
 * decimals), runnable and entities (gauges), last_pid (info).
 */
#include "../lib/collect.h"
#include "../lib/parse.h"
#include "providers.h"

#define SRC "/proc/loadavg"

static const char *const avgs[] = { "avg1", "avg5", "avg15" };

static int
load_line(struct dk_ctx *ctx, const char *p)
{
	uint64_t v, runnable, entities, last_pid;
	size_t i;

	for (i = 0; i < sizeof(avgs) / sizeof(avgs[0]); i++) {
		if (dk_scan_fixed(&p, 2, &v) != 0)
			return dk_ctx_bad_line(ctx, SRC, 1, "bad load average");
		/* v / 100.0 is the double nearest the printed decimal. */
		if (dk_snap_double(ctx->snap, avgs[i], (double)v / 100.0,
			"1") != 0)
			return -1;
	}
	/* "%u/%d" with no blank around the slash. */
	if (dk_scan_u64(&p, &runnable) != 0 || p[0] != '/' || p[1] < '0' ||
	    p[1] > '9')
		return dk_ctx_bad_line(ctx, SRC, 1, "bad runnable/entities");
	p++;
	if (dk_scan_u64(&p, &entities) != 0)
		return dk_ctx_bad_line(ctx, SRC, 1, "bad runnable/entities");
	if (dk_scan_u64(&p, &last_pid) != 0 || !dk_at_eol(p))
		return dk_ctx_bad_line(ctx, SRC, 1, "bad last pid");
	if (dk_snap_gauge(ctx->snap, "runnable", runnable, "1") != 0 ||
	    dk_snap_gauge(ctx->snap, "entities", entities, "1") != 0 ||
	    dk_snap_info_u64(ctx->snap, "last_pid", last_pid) != 0)
		return -1;
	return 0;
}

static int
collect(struct dk_ctx *ctx)
{
	struct dk_text t;
	int rc = dk_ctx_read(ctx, SRC, 0, &t);

	if (rc != 0)
		return rc < 0 ? -1 : 0;
	if (dk_snap_begins(ctx->snap, "load", "0", "loadavg", "misc", SRC) != 0)
		return -1;
	return load_line(ctx, t.data);
}

const struct dk_provider dk_provider_load = {
	.module = "load",
	.description = "load averages and runnable and existing tasks",
	.sources = SRC,
	.collect = collect,
};
