/*
 * uptime.c - time since boot and idle time.
 *
 * Reads /proc/uptime, one line "350735.47 234388.90": seconds since boot
 * (CLOCK_BOOTTIME, suspend included) and the idle time of all CPUs added
 * together, both with two decimals (format: Documentation/filesystems/
 * proc.rst, "1.2 Kernel data", table 1-5; fs/proc/uptime.c
 * uptime_proc_show()).
 *
 * Emits uptime:0:uptime: uptime and idle, 64-bit counters in nanoseconds
 * (centiseconds * 10^7).
 */
#include "../lib/collect.h"
#include "../lib/parse.h"
#include "providers.h"

#define SRC "/proc/uptime"
#define NS_PER_CS 10000000u

static int
collect(struct dk_ctx *ctx)
{
	struct dk_text t;
	const char *p;
	uint64_t up, idle;
	int rc = dk_ctx_read(ctx, SRC, 0, &t);

	if (rc != 0)
		return rc < 0 ? -1 : 0;
	p = t.data;
	if (dk_scan_fixed(&p, 2, &up) != 0 ||
	    dk_scan_fixed(&p, 2, &idle) != 0 || !dk_at_eol(p))
		return dk_ctx_bad_line(ctx, SRC, 1, "bad uptime line");
	if (dk_snap_begins(ctx->snap, "uptime", "0", "uptime", "misc", SRC) !=
	    0)
		return -1;
	/*
	 * The kernel sums the CPUs' idle nanoseconds in a u64, which wraps
	 * after 584 CPU-years; the product below wraps at the same place.
	 */
	if (dk_snap_counter(ctx->snap, "uptime", up * NS_PER_CS, 64, "ns") != 0)
		return -1;
	if (dk_snap_counter(ctx->snap, "idle", idle * NS_PER_CS, 64, "ns") != 0)
		return -1;
	return 0;
}

const struct dk_provider dk_provider_uptime = {
	.module = "uptime",
	.description = "time since boot and idle time summed over CPUs",
	.sources = SRC,
	.collect = collect,
};
