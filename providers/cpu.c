/*
 * cpu.c - per-CPU and total CPU time.
 *
 * Reads /proc/stat, the "cpu" and "cpuN" lines: user nice system idle
 * iowait irq softirq steal guest guest_nice in USER_HZ ticks (format:
 * Documentation/filesystems/proc.rst, "1.8 Miscellaneous kernel
 * statistics in /proc/stat"; fs/proc/stat.c show_stat()). Kernels before
 * 2.6.33 print fewer fields: only those present are emitted.
 *
 * Emits cpu:<N>:times:<field> and cpu:total:times:<field>, counters in
 * nanoseconds (ticks * 10^9 / USER_HZ), 64 bits wide.
 */
#include <string.h>

#include "../lib/collect.h"
#include "../lib/parse.h"
#include "providers.h"

#define SRC "/proc/stat"

static const char *const fields[] = { "user", "nice", "system", "idle",
	"iowait", "irq", "softirq", "steal", "guest", "guest_nice" };

static int
cpu_line(struct dk_ctx *ctx, void *arg, const char *line, size_t len,
    unsigned lineno)
{
	const char *p = line + 3, *inst = "total";
	size_t instlen = 5, i;
	uint64_t v, ns_per_tick = 1000000000u / ctx->user_hz;

	(void)arg;
	if (len < 4 || strncmp(line, "cpu", 3) != 0)
		return 0;
	if (*p != ' ') {
		inst = p;
		while (*p >= '0' && *p <= '9')
			p++;
		instlen = (size_t)(p - inst);
		if (instlen == 0 || (*p != ' ' && *p != '\t'))
			return dk_ctx_bad_line(ctx, SRC, lineno,
			    "bad cpu line");
	}
	if (dk_snap_begin(ctx->snap, "cpu", inst, instlen, "times", "cpu",
		SRC) != 0)
		return -1;
	for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		if (dk_at_eol(p))
			break;
		if (dk_scan_u64(&p, &v) != 0)
			return dk_ctx_bad_line(ctx, SRC, lineno,
			    "bad number in cpu line");
		if (dk_snap_counter(ctx->snap, fields[i], v * ns_per_tick, 64,
			"ns") != 0)
			return -1;
	}
	if (i < 4)
		return dk_ctx_bad_line(ctx, SRC, lineno,
		    "cpu line has fewer than 4 fields");
	return 0;
}

static int
collect(struct dk_ctx *ctx)
{
	struct dk_text t;
	int rc = dk_ctx_read(ctx, SRC, 0, &t);

	if (rc != 0)
		return rc < 0 ? -1 : 0;
	return dk_ctx_each_line(ctx, &t, 0, cpu_line, NULL);
}

const struct dk_provider dk_provider_cpu = {
	.module = "cpu",
	.description = "CPU time per CPU and in total",
	.sources = SRC,
	.collect = collect,
};
