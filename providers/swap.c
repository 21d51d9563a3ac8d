/*
 * swap.c - swap areas.
 *
 * Reads /proc/swaps: a header line, then one line per active swap area,
 * "path type size used priority" (format: Documentation/filesystems/
 * proc.rst, "1.2 Kernel data", table 1-5; mm/swapfile.c swap_show()).
 * The kernel writes the path with seq_file_path(), which turns space, tab,
 * newline and backslash into octal escapes ("\040"); size and used are in
 * KiB; the priority is a signed int, negative for areas swapon gave none.
 *
 * Emits swap:<path>:swap, the path decoded: size and used (gauges, bytes),
 * priority (int64 gauge) and type ("partition" or "file").
 */
#include <string.h>

#include "../lib/collect.h"
#include "../lib/parse.h"
#include "providers.h"

#define SRC "/proc/swaps"
#define PATH_CAP 4096 /* PATH_MAX: decoded, a path is never longer */

static int
is_octal(char c)
{
	return c >= '0' && c <= '7';
}

/* Decode w into buf; returns the length, 0 if empty, too long or bad. */
static size_t
unescape(const char *w, size_t len, char *buf, size_t cap)
{
	size_t i = 0, n = 0;
	unsigned c;

	for (; i < len; n++) {
		if (n == cap)
			return 0;
		if (w[i] != '\\') {
			buf[n] = w[i++];
			continue;
		}
		if (len - i < 4 || !is_octal(w[i + 1]) || !is_octal(w[i + 2]) ||
		    !is_octal(w[i + 3]))
			return 0;
		c = (unsigned)(w[i + 1] - '0') << 6 |
		    (unsigned)(w[i + 2] - '0') << 3 |
		    (unsigned)(w[i + 3] - '0');
		if (c == 0 || c > 0xff)
			return 0;
		buf[n] = (char)c;
		i += 4;
	}
	return n;
}

static int
swap_line(struct dk_ctx *ctx, void *arg, const char *p, size_t len,
    unsigned lineno)
{
	char path[PATH_CAP];
	const char *w, *type;
	size_t wlen = dk_scan_word(&p, &w), plen, tlen;
	uint64_t size, used;
	int64_t prio;

	(void)arg;
	(void)len;

	plen = unescape(w, wlen, path, sizeof(path));
	if (plen == 0)
		return dk_ctx_bad_line(ctx, SRC, lineno, "bad path");
	tlen = dk_scan_word(&p, &type);
	if (tlen == 0 || dk_scan_u64(&p, &size) != 0 ||
	    dk_scan_u64(&p, &used) != 0 || dk_scan_i64(&p, &prio) != 0 ||
	    !dk_at_eol(p))
		return dk_ctx_bad_line(ctx, SRC, lineno, "bad swap area line");
	if (size > UINT64_MAX / 1024 || used > UINT64_MAX / 1024)
		return dk_ctx_bad_line(ctx, SRC, lineno, "size out of range");
	if (dk_snap_begin(ctx->snap, "swap", path, plen, "swap", "vm", SRC) !=
	    0)
		return -1;
	if (dk_snap_gauge(ctx->snap, "size", size * 1024, "bytes") != 0 ||
	    dk_snap_gauge(ctx->snap, "used", used * 1024, "bytes") != 0 ||
	    dk_snap_gauge_i64(ctx->snap, "priority", prio, "1") != 0 ||
	    dk_snap_string(ctx->snap, "type", type, tlen) != 0)
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
	if (strncmp(t.data, "Filename", 8) != 0)
		return dk_ctx_bad_line(ctx, SRC, 1, "no header line");
	return dk_ctx_each_line(ctx, &t, 1, swap_line, NULL);
}

const struct dk_provider dk_provider_swap = {
	.module = "swap",
	.description = "size, use and priority of each swap area",
	.sources = SRC,
	.collect = collect,
};
