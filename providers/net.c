/*
 * net.c - traffic and error counters per network interface.
 *
 * Reads /proc/net/dev (net/core/net-procfs.c dev_seq_show() and
 * dev_seq_printf_stats()): two header lines, then per interface
 * "%6s:" and 16 numbers, 8 receive then 8 transmit, all %llu of struct
 * rtnl_link_stats64. Some columns are sums: rx drop adds rx_missed_errors,
 * rx frame adds the length, over and crc errors, tx carrier adds the
 * aborted, window and heartbeat errors, so those three can exceed the
 * sysfs file of the same name.
 *
 * Emits net:<iface>:stats:<stat>, class "net", named as the files of
 * /sys/class/net/<iface>/statistics (Documentation/ABI/testing/
 * sysfs-class-net-statistics): counters, 64 bits, unit "bytes" for
 * rx_bytes and tx_bytes, "1" for the rest. Drivers with 32-bit hardware
 * registers can still wrap below 2^64; that shows as a reset.
 */
#include <string.h>

#include "../lib/collect.h"
#include "../lib/parse.h"
#include "providers.h"

#define SRC "/proc/net/dev"
#define HEADER_LINES 2

static const char *const fields[] = { "rx_bytes", "rx_packets", "rx_errors",
	"rx_dropped", "rx_fifo_errors", "rx_frame_errors", "rx_compressed",
	"multicast", "tx_bytes", "tx_packets", "tx_errors", "tx_dropped",
	"tx_fifo_errors", "collisions", "tx_carrier_errors", "tx_compressed" };

#define NFIELDS (sizeof(fields) / sizeof(fields[0]))

static int
stats(struct dk_ctx *ctx, const char *p, unsigned lineno)
{
	uint64_t v;
	size_t i;

	for (i = 0; i < NFIELDS; i++) {
		if (dk_at_eol(p))
			return dk_ctx_bad_line(ctx, SRC, lineno,
			    "net/dev line has fewer than 16 numbers");
		if (dk_scan_u64(&p, &v) != 0 ||
		    (*p != ' ' && *p != '\t' && !dk_at_eol(p)))
			return dk_ctx_bad_line(ctx, SRC, lineno,
			    "bad number in net/dev line");
		if (dk_snap_counter(ctx->snap, fields[i], v, 64,
			i == 0 || i == 8 ? "bytes" : "1") != 0)
			return -1;
	}
	return 0;
}

/*
 * The name is right-aligned in six columns and a long one touches the
 * first number ("vethf345468:648"). Numbers hold no ':', so the last ':'
 * of the first word ends the name, even an old alias's ("eth0:1:").
 */
static int
net_line(struct dk_ctx *ctx, void *arg, const char *line, size_t linelen,
    unsigned lineno)
{
	const char *p = line, *word, *colon = NULL;
	size_t len = dk_scan_word(&p, &word), i;

	(void)arg;
	(void)linelen;

	for (i = 0; i < len; i++)
		if (word[i] == ':')
			colon = word + i;
	if (colon == NULL)
		return dk_ctx_bad_line(ctx, SRC, lineno,
		    "missing ':' after interface name");
	if (colon == word)
		return dk_ctx_bad_line(ctx, SRC, lineno,
		    "empty interface name");
	if (dk_snap_begin(ctx->snap, "net", word, (size_t)(colon - word),
		"stats", "net", SRC) != 0)
		return -1;
	return stats(ctx, colon + 1, lineno);
}

static int
collect(struct dk_ctx *ctx)
{
	struct dk_text t;
	int rc = dk_ctx_read(ctx, SRC, 0, &t);

	if (rc != 0)
		return rc < 0 ? -1 : 0;
	return dk_ctx_each_line(ctx, &t, HEADER_LINES, net_line, NULL);
}

const struct dk_provider dk_provider_net = {
	.module = "net",
	.description = "traffic and errors per network interface",
	.sources = SRC,
	.collect = collect,
};
