/*
 * vm.c - virtual memory state and events.
 *
 * Reads /proc/vmstat: one "name value" line per item. No kernel document
 * lists the items; they are vmstat_text[] in mm/vmstat.c, printed by
 * vmstat_show(), and proc(5) describes the file. Items starting with nr_ are
 * zone, node and writeback state in pages; everything else is an event
 * count. The set depends on the kernel's version and configuration, so
 * every line is taken by its name, never by its position.
 *
 * Emits vm:0:vmstat:<name>. nr_* are gauges in pages, except
 * nr_kernel_stack and nr_shadow_call_stack, which the kernel keeps in KiB;
 * a negative nr_* value (rare: per-CPU drift on some kernels) is an int64
 * gauge. Everything else is a 64-bit counter: pgpgin and pgpgout in KiB
 * (the kernel halves 512-byte sectors), pswpin and pswpout in pages, the
 * rest in events.
 */
#include <string.h>

#include "../lib/collect.h"
#include "../lib/parse.h"
#include "providers.h"

#define SRC "/proc/vmstat"

static int
word_is(const char *w, size_t len, const char *s)
{
	return strlen(s) == len && memcmp(w, s, len) == 0;
}

static int
is_state(const char *name, size_t len)
{
	return len > 3 && memcmp(name, "nr_", 3) == 0;
}

static const char *
state_unit(const char *name, size_t len)
{
	/* NR_KERNEL_STACK_KB and NR_KERNEL_SCS_KB are printed as they are. */
	if (word_is(name, len, "nr_kernel_stack") ||
	    word_is(name, len, "nr_shadow_call_stack"))
		return "KiB";
	return "pages";
}

static const char *
event_unit(const char *name, size_t len)
{
	if (word_is(name, len, "pgpgin") || word_is(name, len, "pgpgout"))
		return "KiB";
	if (word_is(name, len, "pswpin") || word_is(name, len, "pswpout"))
		return "pages";
	return "1";
}

static int
vm_line(struct dk_ctx *ctx, void *arg, const char *line, size_t linelen,
    unsigned lineno)
{
	const char *p = line, *name, *sp = memchr(line, ' ', linelen);
	size_t len;
	union dk_value u;

	(void)arg;
	/* A line nobody asked for is passed over before it is parsed. */
	if (!dk_ctx_wants(ctx, line,
		sp != NULL ? (size_t)(sp - line) : linelen))
		return 0;
	len = dk_scan_word(&p, &name);
	if (len == 0 || dk_stat_name_reserved(name, len))
		return dk_ctx_bad_line(ctx, SRC, lineno, "bad name");
	if (*dk_skip_blanks(p) == '-') {
		if (!is_state(name, len))
			return dk_ctx_bad_line(ctx, SRC, lineno,
			    "negative event count");
		if (dk_scan_i64(&p, &u.i) != 0 || !dk_at_eol(p))
			return dk_ctx_bad_line(ctx, SRC, lineno, "bad number");
		return dk_snap_add(ctx->snap, name, len, DK_T_INT64, DK_K_GAUGE,
		    0, state_unit(name, len), u);
	}
	if (dk_scan_u64(&p, &u.u) != 0 || !dk_at_eol(p))
		return dk_ctx_bad_line(ctx, SRC, lineno, "bad number");
	if (is_state(name, len))
		return dk_snap_add(ctx->snap, name, len, DK_T_UINT64,
		    DK_K_GAUGE, 0, state_unit(name, len), u);
	return dk_snap_add(ctx->snap, name, len, DK_T_UINT64, DK_K_COUNTER, 64,
	    event_unit(name, len), u);
}

static int
collect(struct dk_ctx *ctx)
{
	struct dk_text t;
	int rc = dk_ctx_read(ctx, SRC, 0, &t);

	if (rc != 0)
		return rc < 0 ? -1 : 0;
	if (dk_snap_begins(ctx->snap, "vm", "0", "vmstat", "vm", SRC) != 0)
		return -1;
	return dk_ctx_each_line(ctx, &t, 0, vm_line, NULL);
}

const struct dk_provider dk_provider_vm = {
	.module = "vm",
	.description = "VM state (nr_*) and paging, swap and reclaim events",
	.sources = SRC,
	.collect = collect,
};
