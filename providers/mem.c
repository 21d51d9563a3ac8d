/*
 * mem.c - system memory usage.
 *
 * Reads /proc/meminfo: one "Key:   value kB" line per counter (format:
 * Documentation/filesystems/proc.rst, "meminfo"; fs/proc/meminfo.c). The
 * set of keys depends on the kernel's version and configuration, so lines
 * are parsed as key and value, never by position. Values in kB are KiB
 * (pages shifted by PAGE_SHIFT - 10); HugePages_Total, _Free, _Rsvd and
 * _Surp carry no unit and count huge pages.
 *
 * Emits mem:0:meminfo:<Key>, the key as the kernel spells it, gauges: in
 * bytes for kB values, in pages for the unitless ones.
 */
#include <string.h>

#include "../lib/collect.h"
#include "../lib/parse.h"
#include "providers.h"

#define SRC "/proc/meminfo"

/* The key before the colon: non-empty, no blanks, not a reserved name. */
static int
key_ok(const char *key, size_t len)
{
	return len != 0 && memchr(key, ' ', len) == NULL &&
	    memchr(key, '\t', len) == NULL && !dk_stat_name_reserved(key, len);
}

static int
mem_line(struct dk_ctx *ctx, void *arg, const char *line, size_t len,
    unsigned lineno)
{
	const char *colon = memchr(line, ':', len), *p, *unit;
	size_t keylen, unitlen;
	uint64_t v;
	union dk_value u;

	(void)arg;

	if (colon == NULL || !key_ok(line, (size_t)(colon - line)))
		return dk_ctx_bad_line(ctx, SRC, lineno, "bad key");
	keylen = (size_t)(colon - line);
	if (!dk_ctx_wants(ctx, line, keylen))
		return 0;
	p = colon + 1;
	if (dk_scan_u64(&p, &v) != 0)
		return dk_ctx_bad_line(ctx, SRC, lineno, "bad number");
	unitlen = dk_scan_word(&p, &unit);
	if (!dk_at_eol(p))
		return dk_ctx_bad_line(ctx, SRC, lineno, "trailing text");
	if (unitlen == 0) {
		u.u = v;
		return dk_snap_add(ctx->snap, line, keylen, DK_T_UINT64,
		    DK_K_GAUGE, 0, "pages", u);
	}
	if (unitlen != 2 || memcmp(unit, "kB", 2) != 0)
		return dk_ctx_bad_line(ctx, SRC, lineno, "unit is not kB");
	if (v > UINT64_MAX / 1024)
		return dk_ctx_bad_line(ctx, SRC, lineno, "value out of range");
	u.u = v * 1024;
	return dk_snap_add(ctx->snap, line, keylen, DK_T_UINT64, DK_K_GAUGE, 0,
	    "bytes", u);
}

static int
collect(struct dk_ctx *ctx)
{
	struct dk_text t;
	int rc = dk_ctx_read(ctx, SRC, 0, &t);

	if (rc != 0)
		return rc < 0 ? -1 : 0;
	if (dk_snap_begins(ctx->snap, "mem", "0", "meminfo", "vm", SRC) != 0)
		return -1;
	return dk_ctx_each_line(ctx, &t, 0, mem_line, NULL);
}

const struct dk_provider dk_provider_mem = {
	.module = "mem",
	.description = "memory by kind: free, cached, anonymous, huge pages",
	.sources = SRC,
	.collect = collect,
};
