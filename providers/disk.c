/*
 * disk.c - I/O statistics per block device.
 *
 * Reads /proc/diskstats (block/genhd.c diskstats_show()): per line
 * "major minor name" then the fields of Documentation/admin-guide/iostats.rst
 * and Documentation/ABI/testing/procfs-diskstats. Kernels before 4.18 print
 * 11 fields, 4.18 adds 4 discard fields (15), 5.5 adds 2 flush fields (17).
 * Only the fields present are emitted; fields past the 17th are ignored,
 * fewer than 11 is a malformed line.
 *
 * Emits disk:<name>:io:<stat>, class "disk":
 * - *_completed, *_merged: counters, 64 bits, unit "1";
 * - *_bytes: sectors times 512 (the kernel counts 512-byte sectors whatever
 *   the device's sector size), counters, 64 bits, unit "bytes";
 * - *_time_ns: milliseconds times 10^6, unit "ns". The kernel keeps these
 *   as unsigned int milliseconds, so they wrap at 2^32 ms, which is not a
 *   power of two in ns. They are counters of width 32 and scale 10^6: the
 *   width applies to the kernel's value, v / 10^6 (see record.h);
 * - in_flight: a gauge, unit "1".
 *
 * And disk:<name>:info: major, minor, partition (1 or 0) and devtype
 * ("partition", "dm", "md", "loop", "zram", "ram" or "disk"), which table
 * views use to count physical devices once. Whether a device is a partition
 * comes from sysfs when it knows the device, else from the kernel's naming
 * rule (see name_is_partition()).
 */
#include <string.h>

#include "../lib/collect.h"
#include "../lib/parse.h"
#include "providers.h"

#define SRC "/proc/diskstats"
#define MIN_FIELDS 11
#define NS_PER_MS 1000000u
#define SECTOR 512u
/* Room for a sysfs path around a device name (DISK_NAME_LEN is 32). */
#define NAME_MAX_LEN 255
#define PATH_CAP (NAME_MAX_LEN + 32)

enum conv {
	CONV_COUNT,   /* an event count */
	CONV_SECTORS, /* 512-byte sectors, emitted as bytes */
	CONV_MS,      /* u32 milliseconds, emitted as ns */
	CONV_GAUGE,   /* a level */
};

static const struct field {
	const char *name;
	enum conv conv;
} fields[] = {
	{ "reads_completed", CONV_COUNT },
	{ "reads_merged", CONV_COUNT },
	{ "read_bytes", CONV_SECTORS },
	{ "read_time_ns", CONV_MS },
	{ "writes_completed", CONV_COUNT },
	{ "writes_merged", CONV_COUNT },
	{ "write_bytes", CONV_SECTORS },
	{ "write_time_ns", CONV_MS },
	{ "in_flight", CONV_GAUGE },
	{ "io_time_ns", CONV_MS },
	{ "weighted_io_time_ns", CONV_MS },
	{ "discards_completed", CONV_COUNT },
	{ "discards_merged", CONV_COUNT },
	{ "discard_bytes", CONV_SECTORS },
	{ "discard_time_ns", CONV_MS },
	{ "flushes_completed", CONV_COUNT },
	{ "flush_time_ns", CONV_MS },
};

#define NFIELDS (sizeof(fields) / sizeof(fields[0]))

static int
emit(struct dk_snap *s, const struct field *f, uint64_t v)
{
	switch (f->conv) {
	case CONV_SECTORS:
		/* Wraps with the sector count: both are modulo 2^64. */
		return dk_snap_counter(s, f->name, v * SECTOR, 64, "bytes");
	case CONV_MS:
		return dk_snap_counter_scaled(s, f->name, v * NS_PER_MS, 32,
		    NS_PER_MS, "ns");
	case CONV_GAUGE:
		return dk_snap_gauge(s, f->name, v, "1");
	default:
		return dk_snap_counter(s, f->name, v, 64, "1");
	}
}

/* One number that ends at a blank or the end of the line. */
static int
scan_field(const char **pp, uint64_t *v)
{
	const char *p = *pp;

	if (dk_scan_u64(&p, v) != 0)
		return -1;
	if (*p != ' ' && *p != '\t' && !dk_at_eol(p))
		return -1;
	*pp = p;
	return 0;
}

static int
io_stats(struct dk_ctx *ctx, const char *p, const char *name, size_t namelen,
    unsigned lineno)
{
	uint64_t v;
	size_t i;

	if (dk_snap_begin(ctx->snap, "disk", name, namelen, "io", "disk",
		SRC) != 0)
		return -1;
	for (i = 0; i < NFIELDS && !dk_at_eol(p); i++) {
		if (scan_field(&p, &v) != 0)
			return dk_ctx_bad_line(ctx, SRC, lineno,
			    "bad number in diskstats line");
		/*
		 * The scaled width only holds for what the kernel prints as
		 * unsigned int; anything wider is not this format.
		 */
		if (fields[i].conv == CONV_MS && v > UINT32_MAX)
			return dk_ctx_bad_line(ctx, SRC, lineno,
			    "time field in diskstats line exceeds 32 bits");
		if (dk_ctx_wants(ctx, fields[i].name, strlen(fields[i].name)) &&
		    emit(ctx->snap, &fields[i], v) != 0)
			return -1;
	}
	if (i < MIN_FIELDS)
		return dk_ctx_bad_line(ctx, SRC, lineno,
		    "diskstats line has fewer than 11 fields");
	return 0;
}

/* Whether name is prefix followed by one or more digits and nothing else. */
static int
prefix_digits(const char *name, size_t len, const char *prefix)
{
	size_t n = strlen(prefix), i;

	if (len <= n || memcmp(name, prefix, n) != 0)
		return 0;
	for (i = n; i < len; i++)
		if (name[i] < '0' || name[i] > '9')
			return 0;
	return 1;
}

/* Length of name without its trailing digits. */
static size_t
strip_digits(const char *name, size_t len)
{
	while (len > 0 && name[len - 1] >= '0' && name[len - 1] <= '9')
		len--;
	return len;
}

/*
 * The kernel names a partition after its disk (block/partitions/core.c
 * add_partition()): "<disk>p<N>" when the disk's name ends in a digit
 * (nvme0n1p1, mmcblk0p1, md0p1, cciss/c0d0p1), "<disk><N>" otherwise. Only
 * the sd, hd, vd and xvd families have whole-disk names that end in a
 * letter, so only there does a trailing number mean a partition; loop0,
 * ram0, sr0 or zram0 are whole devices.
 */
static int
name_is_partition(const char *name, size_t len)
{
	size_t base = strip_digits(name, len), i = 0;

	if (base == len || base == 0)
		return 0;
	if (base >= 3 && name[base - 1] == 'p' && name[base - 2] >= '0' &&
	    name[base - 2] <= '9')
		return 1;
	if (len > 3 && memcmp(name, "xvd", 3) == 0)
		i = 3;
	else if (len > 2 &&
	    (memcmp(name, "sd", 2) == 0 || memcmp(name, "hd", 2) == 0 ||
		memcmp(name, "vd", 2) == 0))
		i = 2;
	else
		return 0;
	if (i == base)
		return 0;
	for (; i < base; i++)
		if (name[i] < 'a' || name[i] > 'z')
			return 0;
	return 1;
}

/*
 * prefix + name + suffix into path; sysfs spells a '/' in a device name
 * as '!' (cciss/c0d0 is /sys/block/cciss!c0d0).
 */
static void
sysfs_path(char *path, const char *prefix, const char *name, size_t len,
    const char *suffix)
{
	size_t n = strlen(prefix), i;

	memcpy(path, prefix, n);
	for (i = 0; i < len; i++)
		path[n + i] = name[i] == '/' ? '!' : name[i];
	memcpy(path + n + len, suffix, strlen(suffix) + 1);
}

/*
 * sysfs knows: a partition has /sys/class/block/<name>/partition, a whole
 * disk is listed in /sys/block. A tree without the device (a container, a
 * captured /proc) falls back to the naming rule.
 */
static int
is_partition(struct dk_reader *r, const char *name, size_t len)
{
	char path[PATH_CAP];

	if (len > NAME_MAX_LEN)
		return name_is_partition(name, len);
	sysfs_path(path, "/sys/class/block/", name, len, "/partition");
	if (dk_reader_exists(r, path))
		return 1;
	sysfs_path(path, "/sys/block/", name, len, "");
	if (dk_reader_exists(r, path))
		return 0;
	return name_is_partition(name, len);
}

static const char *
devtype(const char *name, size_t len)
{
	if (prefix_digits(name, len, "dm-"))
		return "dm";
	if (prefix_digits(name, len, "md"))
		return "md";
	if (prefix_digits(name, len, "loop"))
		return "loop";
	if (prefix_digits(name, len, "zram"))
		return "zram";
	if (prefix_digits(name, len, "ram"))
		return "ram";
	return "disk";
}

static int
dev_info(struct dk_ctx *ctx, const char *name, size_t len, uint64_t major,
    uint64_t minor)
{
	struct dk_snap *s = ctx->snap;
	int part = is_partition(ctx->reader, name, len);
	const char *type = part ? "partition" : devtype(name, len);

	if (dk_snap_begin(s, "disk", name, len, "info", "disk", SRC) != 0)
		return -1;
	if (dk_ctx_wants(ctx, "major", 5) &&
	    dk_snap_info_u64(s, "major", major) != 0)
		return -1;
	if (dk_ctx_wants(ctx, "minor", 5) &&
	    dk_snap_info_u64(s, "minor", minor) != 0)
		return -1;
	if (dk_snap_info_u64(s, "partition", (uint64_t)part) != 0 ||
	    dk_snap_string(s, "devtype", type, strlen(type)) != 0)
		return -1;
	return 0;
}

static int
disk_line(struct dk_ctx *ctx, void *arg, const char *line, size_t len,
    unsigned lineno)
{
	const char *p = line, *name;
	uint64_t major, minor;
	size_t namelen;

	(void)arg;
	(void)len;

	if (scan_field(&p, &major) != 0 || scan_field(&p, &minor) != 0)
		return dk_ctx_bad_line(ctx, SRC, lineno,
		    "bad device number in diskstats line");
	namelen = dk_scan_word(&p, &name);
	if (namelen == 0)
		return dk_ctx_bad_line(ctx, SRC, lineno,
		    "missing device name in diskstats line");
	/* info sorts before io: emitted in that order, nothing moves. */
	if (dev_info(ctx, name, namelen, major, minor) != 0)
		return -1;
	return io_stats(ctx, p, name, namelen, lineno);
}

static int
collect(struct dk_ctx *ctx)
{
	struct dk_text t;
	int rc = dk_ctx_read(ctx, SRC, 0, &t);

	if (rc != 0)
		return rc < 0 ? -1 : 0;
	return dk_ctx_each_line(ctx, &t, 0, disk_line, NULL);
}

const struct dk_provider dk_provider_disk = {
	.module = "disk",
	.description = "I/O statistics per block device",
	.sources = SRC " /sys/class/block /sys/block",
	.collect = collect,
};
