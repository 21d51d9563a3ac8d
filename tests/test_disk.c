/*
 * test_disk.c - the disk provider on fixture trees.
 *
 * tests/fixtures/diskstats-N/proc/diskstats has N fields after the device
 * name: 11 (kernels before 4.18), 15 (4.18, discard), 17 (5.5, flush) and
 * 20 (three fields a later kernel might add, to be ignored). Every tree has
 * sda with partitions sda1 and sda2, nvme0n1 and nvme0n1p1, dm-0, md0,
 * loop0, zram0 and ram0, and a millisecond field at or near 2^32-1. Its
 * sys/ has real directories: sys/block/<disk>/dev and
 * sys/class/block/<disk>/dev for whole disks, and
 * sys/class/block/<part>/{dev,partition} for partitions. Extras:
 * diskstats-11 has hda and hda1, absent from sys/ so the naming rule
 * decides, and xvda1, a Xen whole disk that sys/block lists although its
 * name looks like a partition; diskstats-15 has cciss/c0d0 and
 * cciss/c0d0p1 (sysfs spells them cciss!c0d0...); diskstats-17 has md0p1.
 */
#include "helpers.h"

#include <stdio.h>
#include <string.h>

#define MS 1000000ULL /* ns per ms */
#define SEC 512ULL    /* bytes per sector */

struct want {
	const char *stat;
	uint64_t v;
};

struct dev {
	const char *name;
	uint64_t major, minor, partition;
	const char *devtype;
};

static const char *const all_stats[] = { "reads_completed", "reads_merged",
	"read_bytes", "read_time_ns", "writes_completed", "writes_merged",
	"write_bytes", "write_time_ns", "in_flight", "io_time_ns",
	"weighted_io_time_ns", "discards_completed", "discards_merged",
	"discard_bytes", "discard_time_ns", "flushes_completed",
	"flush_time_ns" };

#define NALL (sizeof(all_stats) / sizeof(all_stats[0]))
#define N(a) (sizeof(a) / sizeof(a[0]))

static const struct dk_stat *
io_stat(struct dk_snap *s, const char *dev, const char *stat)
{
	char key[256];

	(void)snprintf(key, sizeof(key), "disk:%s:io:%s", dev, stat);
	return th_stat(s, key);
}

/* dev's io kstat holds exactly the statistics of w, with those values. */
static void
check_io(struct dk_snap *s, const char *dev, const struct want *w, size_t n)
{
	const struct dk_kstat *ks = dk_snap_find(s, "disk", dev, "io");
	size_t i, j;

	assert_non_null(ks);
	assert_int_equal(ks->nstats, n);
	for (i = 0; i < NALL; i++) {
		const struct dk_stat *st = io_stat(s, dev, all_stats[i]);

		for (j = 0; j < n && strcmp(w[j].stat, all_stats[i]) != 0; j++)
			;
		if (j == n) {
			if (st != NULL)
				fail_msg("%s:%s present", dev, all_stats[i]);
			continue;
		}
		if (st == NULL)
			fail_msg("%s:%s absent", dev, all_stats[i]);
		if (dk_stat_u64(st) != w[j].v)
			fail_msg("%s:%s is %ju, want %ju", dev, all_stats[i],
			    (uintmax_t)dk_stat_u64(st), (uintmax_t)w[j].v);
	}
}

static void
check_info(struct dk_snap *s, const struct dev *d, size_t n)
{
	char key[256];
	const struct dk_stat *st;
	size_t i;

	for (i = 0; i < n; i++) {
		(void)snprintf(key, sizeof(key), "disk:%s:info:major",
		    d[i].name);
		assert_int_equal(th_u64(s, key), d[i].major);
		(void)snprintf(key, sizeof(key), "disk:%s:info:minor",
		    d[i].name);
		assert_int_equal(th_u64(s, key), d[i].minor);
		(void)snprintf(key, sizeof(key), "disk:%s:info:partition",
		    d[i].name);
		if (th_u64(s, key) != d[i].partition)
			fail_msg("%s: partition is not %ju", d[i].name,
			    (uintmax_t)d[i].partition);
		(void)snprintf(key, sizeof(key), "disk:%s:info:devtype",
		    d[i].name);
		st = th_stat(s, key);
		assert_non_null(st);
		assert_int_equal(st->type, DK_T_STRING);
		assert_string_equal(st->v.s, d[i].devtype);
	}
	/* An io and an info kstat per device, nothing else. */
	assert_int_equal(dk_snap_count(s), 2 * n);
}

/* Devices every layout's tree has, with their sysfs verdicts. */
static const struct dev common[] = {
	{ "sda", 8, 0, 0, "disk" },
	{ "sda1", 8, 1, 1, "partition" },
	{ "sda2", 8, 2, 1, "partition" },
	{ "nvme0n1", 259, 0, 0, "disk" },
	{ "nvme0n1p1", 259, 1, 1, "partition" },
	{ "dm-0", 253, 0, 0, "dm" },
	{ "md0", 9, 0, 0, "md" },
	{ "loop0", 7, 0, 0, "loop" },
	{ "zram0", 252, 0, 0, "zram" },
	{ "ram0", 1, 0, 0, "ram" },
};

static void
check_common_info(struct dk_snap *s, const struct dev *extra, size_t nextra)
{
	struct dev d[16];

	memcpy(d, common, sizeof(common));
	if (nextra != 0)
		memcpy(d + N(common), extra, nextra * sizeof(*extra));
	check_info(s, d, N(common) + nextra);
}

static void
test_layout_11(void **state)
{
	struct dk_snap *s = th_collect("tests/fixtures/diskstats-11", "disk");
	/* sda 183441 4412 9627014 150871 92841 61253 4875320 296455 3
	 * 197732 4294967295 */
	const struct want sda[] = { { "reads_completed", 183441 },
		{ "reads_merged", 4412 }, { "read_bytes", 9627014 * SEC },
		{ "read_time_ns", 150871 * MS }, { "writes_completed", 92841 },
		{ "writes_merged", 61253 }, { "write_bytes", 4875320 * SEC },
		{ "write_time_ns", 296455 * MS }, { "in_flight", 3 },
		{ "io_time_ns", 197732 * MS },
		{ "weighted_io_time_ns", 4294967295 * MS } };
	/* hda1 2201 2202 2203 2204 2205 2206 2207 2208 0 2210 2211 */
	const struct want hda1[] = { { "reads_completed", 2201 },
		{ "reads_merged", 2202 }, { "read_bytes", 2203 * SEC },
		{ "read_time_ns", 2204 * MS }, { "writes_completed", 2205 },
		{ "writes_merged", 2206 }, { "write_bytes", 2207 * SEC },
		{ "write_time_ns", 2208 * MS }, { "in_flight", 0 },
		{ "io_time_ns", 2210 * MS },
		{ "weighted_io_time_ns", 2211 * MS } };
	/* No sysfs for hda*: the name decides; xvda1 is in sys/block. */
	const struct dev extra[] = { { "hda", 3, 0, 0, "disk" },
		{ "hda1", 3, 1, 1, "partition" },
		{ "xvda1", 202, 1, 0, "disk" } };

	(void)state;
	check_io(s, "sda", sda, N(sda));
	check_io(s, "hda1", hda1, N(hda1));
	/* nvme0n1p1 51200 17 2198016 40950 ... 1 60000 122990 */
	assert_int_equal(th_u64(s, "disk:nvme0n1p1:io:read_bytes"),
	    2198016 * SEC);
	assert_int_equal(th_u64(s, "disk:nvme0n1p1:io:in_flight"), 1);
	assert_int_equal(th_u64(s, "disk:nvme0n1p1:io:weighted_io_time_ns"),
	    122990 * MS);
	check_common_info(s, extra, N(extra));
	assert_string_equal(th_warnings, "");
	dk_snap_free(s);
}

static void
test_layout_15(void **state)
{
	struct dk_snap *s = th_collect("tests/fixtures/diskstats-15", "disk");
	/* sda 310441 5512 19627014 250871 192841 71253 14875320 396455 2
	 * 297732 4294967294 8812 3 7340032 4294967295 */
	const struct want sda[] = { { "reads_completed", 310441 },
		{ "reads_merged", 5512 }, { "read_bytes", 19627014 * SEC },
		{ "read_time_ns", 250871 * MS }, { "writes_completed", 192841 },
		{ "writes_merged", 71253 }, { "write_bytes", 14875320 * SEC },
		{ "write_time_ns", 396455 * MS }, { "in_flight", 2 },
		{ "io_time_ns", 297732 * MS },
		{ "weighted_io_time_ns", 4294967294 * MS },
		{ "discards_completed", 8812 }, { "discards_merged", 3 },
		{ "discard_bytes", 7340032 * SEC },
		{ "discard_time_ns", 4294967295 * MS } };
	const struct dev extra[] = { { "cciss/c0d0", 104, 0, 0, "disk" },
		{ "cciss/c0d0p1", 104, 1, 1, "partition" } };

	(void)state;
	check_io(s, "sda", sda, N(sda));
	/* nvme0n1p1 ... 5501 0 104857600 6012 */
	assert_int_equal(th_u64(s, "disk:nvme0n1p1:io:discards_completed"),
	    5501);
	assert_int_equal(th_u64(s, "disk:nvme0n1p1:io:discard_bytes"),
	    104857600 * SEC);
	assert_int_equal(th_u64(s, "disk:nvme0n1p1:io:discard_time_ns"),
	    6012 * MS);
	assert_null(th_stat(s, "disk:nvme0n1p1:io:flushes_completed"));
	/* cciss/c0d0p1 6001 60 480080 ... */
	assert_int_equal(th_u64(s, "disk:cciss/c0d0p1:io:read_bytes"),
	    480080 * SEC);
	check_common_info(s, extra, N(extra));
	assert_string_equal(th_warnings, "");
	dk_snap_free(s);
}

static void
test_layout_17(void **state)
{
	struct dk_snap *s = th_collect("tests/fixtures/diskstats-17", "disk");
	/* nvme0n1 71234 37 4199040 60961 82710 1010 29961472 102011 2 80012
	 * 323004 6501 0 204857600 7012 17001 3009 */
	const struct want nvme[] = { { "reads_completed", 71234 },
		{ "reads_merged", 37 }, { "read_bytes", 4199040 * SEC },
		{ "read_time_ns", 60961 * MS }, { "writes_completed", 82710 },
		{ "writes_merged", 1010 }, { "write_bytes", 29961472 * SEC },
		{ "write_time_ns", 102011 * MS }, { "in_flight", 2 },
		{ "io_time_ns", 80012 * MS },
		{ "weighted_io_time_ns", 323004 * MS },
		{ "discards_completed", 6501 }, { "discards_merged", 0 },
		{ "discard_bytes", 204857600 * SEC },
		{ "discard_time_ns", 7012 * MS },
		{ "flushes_completed", 17001 },
		{ "flush_time_ns", 3009 * MS } };
	const struct dev extra[] = { { "md0p1", 259, 2, 1, "partition" } };

	(void)state;
	check_io(s, "nvme0n1", nvme, N(nvme));
	/* sda ... 1294967294 9812 4 8340032 4294967295 40123 81234 */
	assert_int_equal(th_u64(s, "disk:sda:io:weighted_io_time_ns"),
	    1294967294 * MS);
	assert_int_equal(th_u64(s, "disk:sda:io:discard_time_ns"),
	    4294967295 * MS);
	assert_int_equal(th_u64(s, "disk:sda:io:flushes_completed"), 40123);
	assert_int_equal(th_u64(s, "disk:sda:io:flush_time_ns"), 81234 * MS);
	/* sda2 409000 6498 29584054 ... 8330816 4294967287 0 0 */
	assert_int_equal(th_u64(s, "disk:sda2:io:read_bytes"), 29584054 * SEC);
	assert_int_equal(th_u64(s, "disk:sda2:io:discard_time_ns"),
	    4294967287 * MS);
	assert_int_equal(th_u64(s, "disk:sda2:io:flushes_completed"), 0);
	check_common_info(s, extra, N(extra));
	assert_string_equal(th_warnings, "");
	dk_snap_free(s);
}

static void
test_layout_20(void **state)
{
	struct dk_snap *s = th_collect("tests/fixtures/diskstats-20", "disk");
	/* sda 510441 7512 39627014 450871 392841 91253 34875320 596455 6
	 * 497732 2294967294 10812 5 9340032 4294967295 50123 91234 901 902
	 * 903: the last three are ignored. */
	const struct want sda[] = { { "reads_completed", 510441 },
		{ "reads_merged", 7512 }, { "read_bytes", 39627014 * SEC },
		{ "read_time_ns", 450871 * MS }, { "writes_completed", 392841 },
		{ "writes_merged", 91253 }, { "write_bytes", 34875320 * SEC },
		{ "write_time_ns", 596455 * MS }, { "in_flight", 6 },
		{ "io_time_ns", 497732 * MS },
		{ "weighted_io_time_ns", 2294967294 * MS },
		{ "discards_completed", 10812 }, { "discards_merged", 5 },
		{ "discard_bytes", 9340032 * SEC },
		{ "discard_time_ns", 4294967295 * MS },
		{ "flushes_completed", 50123 },
		{ "flush_time_ns", 91234 * MS } };

	(void)state;
	check_io(s, "sda", sda, N(sda));
	/* zram0 107 0 916 4 633 0 5064 7 0 11 11 14 0 112 3 0 0 0 0 0 */
	assert_int_equal(th_u64(s, "disk:zram0:io:write_bytes"), 5064 * SEC);
	assert_int_equal(th_u64(s, "disk:zram0:io:discard_bytes"), 112 * SEC);
	check_common_info(s, NULL, 0);
	assert_string_equal(th_warnings, "");
	dk_snap_free(s);
}

static void
test_metadata(void **state)
{
	struct dk_snap *s = th_collect("tests/fixtures/diskstats-17", "disk");
	const struct dk_stat *st;
	const struct dk_kstat *ks = dk_snap_find(s, "disk", "sda", "io");

	(void)state;
	assert_non_null(ks);
	assert_string_equal(ks->class, "disk");
	assert_string_equal(ks->source, "/proc/diskstats");
	st = io_stat(s, "sda", "writes_merged");
	assert_int_equal(st->kind, DK_K_COUNTER);
	assert_int_equal(st->width, 64);
	assert_string_equal(st->unit, "1");
	st = io_stat(s, "sda", "discard_bytes");
	assert_int_equal(st->kind, DK_K_COUNTER);
	assert_int_equal(st->width, 64);
	assert_string_equal(st->unit, "bytes");
	/* The kernel's u32 milliseconds wrap: width 32 of v / scale. */
	st = io_stat(s, "sda", "flush_time_ns");
	assert_int_equal(st->kind, DK_K_COUNTER);
	assert_int_equal(st->width, 32);
	assert_int_equal(st->scale, 1000000);
	assert_string_equal(st->unit, "ns");
	st = io_stat(s, "sda", "in_flight");
	assert_int_equal(st->kind, DK_K_GAUGE);
	assert_string_equal(st->unit, "1");
	assert_string_equal(dk_snap_find(s, "disk", "sda", "info")->class,
	    "disk");
	assert_int_equal(th_stat(s, "disk:sda:info:major")->kind, DK_K_INFO);
	dk_snap_free(s);
}

static void
test_procfs(void **state)
{
	struct dk_snap *s = th_collect("tests/fixtures/procfs", "disk");
	/* sdb 326552 841 9657779 84 41822 2895 1972905 5007 0 60730 67070
	 * 68851 0 1925173784 11130 */
	const struct want sdb[] = { { "reads_completed", 326552 },
		{ "reads_merged", 841 }, { "read_bytes", 9657779 * SEC },
		{ "read_time_ns", 84 * MS }, { "writes_completed", 41822 },
		{ "writes_merged", 2895 }, { "write_bytes", 1972905 * SEC },
		{ "write_time_ns", 5007 * MS }, { "in_flight", 0 },
		{ "io_time_ns", 60730 * MS },
		{ "weighted_io_time_ns", 67070 * MS },
		{ "discards_completed", 68851 }, { "discards_merged", 0 },
		{ "discard_bytes", 1925173784 * SEC },
		{ "discard_time_ns", 11130 * MS } };
	/* sys/block lists sda-sde, dm-0-2 and md*; the rest goes by name. */
	const struct dev devs[] = { { "sda", 8, 0, 0, "disk" },
		{ "sda4", 8, 4, 1, "partition" }, { "dm-5", 252, 5, 0, "dm" },
		{ "mmcblk0", 179, 0, 0, "disk" },
		{ "mmcblk0p2", 179, 2, 1, "partition" },
		{ "vda1", 254, 1, 1, "partition" },
		{ "nvme0n1p2", 259, 2, 1, "partition" },
		{ "ram15", 1, 15, 0, "ram" }, { "loop7", 7, 7, 0, "loop" },
		{ "fd0", 2, 0, 0, "disk" }, { "sr0", 11, 0, 0, "disk" } };
	size_t i;

	(void)state;
	check_io(s, "sdb", sdb, N(sdb));
	/* sda ... 505697032 63877960 0 9653880 82621804 (11 fields) */
	assert_int_equal(th_u64(s, "disk:sda:io:write_bytes"), 505697032 * SEC);
	assert_int_equal(th_u64(s, "disk:sda:io:weighted_io_time_ns"),
	    82621804 * MS);
	assert_null(th_stat(s, "disk:sda:io:discards_completed"));
	/* sdc ... 0 0 0 0 127 182 (17 fields) */
	assert_int_equal(th_u64(s, "disk:sdc:io:flushes_completed"), 127);
	assert_int_equal(th_u64(s, "disk:sdc:io:flush_time_ns"), 182 * MS);
	assert_int_equal(th_u64(s, "disk:dm-0:io:write_time_ns"),
	    1158557800 * MS);
	for (i = 0; i < N(devs); i++) {
		char key[64];

		(void)snprintf(key, sizeof(key), "disk:%s:info:partition",
		    devs[i].name);
		if (th_u64(s, key) != devs[i].partition)
			fail_msg("%s: partition", devs[i].name);
		(void)snprintf(key, sizeof(key), "disk:%s:info:devtype",
		    devs[i].name);
		assert_string_equal(th_stat(s, key)->v.s, devs[i].devtype);
	}
	/* 52 lines; sda, sdb and sdc all claim 8:0 but are three names. */
	assert_int_equal(dk_snap_count(s), 2 * 52);
	assert_string_equal(th_warnings, "");
	dk_snap_free(s);
}

/* The naming rule alone, in a tree without sys/. */
static void
test_name_rule(void **state)
{
	static const struct dev devs[] = { { "sdaa12", 65, 172, 1,
					       "partition" },
		{ "sdaa", 65, 160, 0, "disk" },
		{ "hdc3", 22, 3, 1, "partition" },
		{ "vdb", 254, 16, 0, "disk" },
		{ "xvdf1", 202, 81, 1, "partition" },
		{ "nvme1n2", 259, 5, 0, "disk" },
		{ "nvme1n2p10", 259, 6, 1, "partition" },
		{ "mmcblk1boot0", 179, 8, 0, "disk" },
		{ "mmcblk1p3", 179, 11, 1, "partition" },
		{ "md127", 9, 127, 0, "md" },
		{ "md127p2", 259, 9, 1, "partition" },
		{ "loop12", 7, 12, 0, "loop" },
		{ "loop0p1", 259, 10, 1, "partition" },
		{ "zram1", 252, 1, 0, "zram" }, { "dm-12", 253, 12, 0, "dm" },
		{ "nbd0", 43, 0, 0, "disk" }, { "sr1", 11, 1, 0, "disk" },
		{ "cciss/c0d1", 104, 16, 0, "disk" },
		{ "cciss/c0d1p2", 104, 18, 1, "partition" },
		{ "mdx1", 9, 200, 0, "disk" }, { "sd1", 8, 200, 0, "disk" } };
	char *root = th_tmpdir();
	char buf[4096];
	size_t i, off = 0;
	struct dk_snap *s;

	(void)state;
	for (i = 0; i < N(devs); i++)
		off += (size_t)snprintf(buf + off, sizeof(buf) - off,
		    "%4ju %7ju %s 1 2 3 4 5 6 7 8 9 10 11\n",
		    (uintmax_t)devs[i].major, (uintmax_t)devs[i].minor,
		    devs[i].name);
	th_write(root, "proc/diskstats", buf);
	s = th_collect(root, "disk");
	check_info(s, devs, N(devs));
	assert_string_equal(th_warnings, "");
	dk_snap_free(s);
	th_rmtree(root);
}

/* sysfs wins over the name, and '/' is looked up as '!'. */
static void
test_sysfs_first(void **state)
{
	static const struct dev devs[] = { { "weird1", 240, 1, 1, "partition" },
		{ "sdq1", 65, 1, 0, "disk" },
		{ "foo/bar1", 240, 2, 1, "partition" },
		{ "cciss/c0d0p1", 104, 1, 0, "disk" },
		{ "md3", 9, 3, 1, "partition" } };
	char *root = th_tmpdir();
	struct dk_snap *s;

	(void)state;
	th_write(root, "proc/diskstats",
	    " 240 1 weird1 0 0 0 0 0 0 0 0 0 0 0\n"
	    "  65 1 sdq1 0 0 0 0 0 0 0 0 0 0 0\n"
	    " 240 2 foo/bar1 0 0 0 0 0 0 0 0 0 0 0\n"
	    " 104 1 cciss/c0d0p1 0 0 0 0 0 0 0 0 0 0 0\n"
	    "   9 3 md3 0 0 0 0 0 0 0 0 0 0 0\n");
	th_write(root, "sys/class/block/weird1/partition", "1\n");
	th_write(root, "sys/block/sdq1/dev", "65:1\n");
	th_write(root, "sys/class/block/foo!bar1/partition", "1\n");
	th_write(root, "sys/block/cciss!c0d0p1/dev", "104:1\n");
	th_write(root, "sys/class/block/md3/partition", "3\n");
	s = th_collect(root, "disk");
	check_info(s, devs, N(devs));
	dk_snap_free(s);
	th_rmtree(root);
}

/* 12 to 16 fields: whatever the layout defines, in order. */
static void
test_partial_layouts(void **state)
{
	char *root = th_tmpdir();
	struct dk_snap *s;

	(void)state;
	th_write(root, "proc/diskstats",
	    "8 0 sda 1 2 3 4 5 6 7 8 9 10 11 12\n"
	    "8 16 sdb 1 2 3 4 5 6 7 8 9 10 11 12 13 14\n"
	    "8 32 sdc\t1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 \n"
	    "\n"
	    "8 48 sdd 18446744073709551615 2 36028797018963968 4 5 6 7 8 9 "
	    "10 11\n");
	s = th_collect(root, "disk");
	assert_string_equal(th_warnings, "");
	assert_int_equal(th_u64(s, "disk:sda:io:discards_completed"), 12);
	assert_null(th_stat(s, "disk:sda:io:discards_merged"));
	assert_int_equal(th_u64(s, "disk:sdb:io:discard_bytes"), 14 * SEC);
	assert_null(th_stat(s, "disk:sdb:io:discard_time_ns"));
	assert_int_equal(th_u64(s, "disk:sdc:io:discard_time_ns"), 15 * MS);
	assert_int_equal(th_u64(s, "disk:sdc:io:flushes_completed"), 16);
	assert_null(th_stat(s, "disk:sdc:io:flush_time_ns"));
	/* Counts are 64 bits; bytes wrap with the sectors, modulo 2^64. */
	assert_int_equal(th_u64(s, "disk:sdd:io:reads_completed"), UINT64_MAX);
	assert_int_equal(th_u64(s, "disk:sdd:io:read_bytes"), 0);
	assert_int_equal(dk_snap_count(s), 8);
	dk_snap_free(s);
	th_rmtree(root);
}

static void
expect_bad(const char *text, const char *warning)
{
	char *root = th_tmpdir();
	struct dk_snap *s;

	th_write(root, "proc/diskstats", text);
	s = th_collect(root, "disk");
	assert_int_equal(dk_snap_count(s), 0);
	assert_string_equal(th_warnings, warning);
	dk_snap_free(s);
	th_rmtree(root);
}

static void
test_malformed(void **state)
{
	const char *good = "8 0 sda 1 2 3 4 5 6 7 8 9 10 11\n";
	char buf[256];

	(void)state;
	(void)snprintf(buf, sizeof(buf), "%s%s", good,
	    "8 1 sda1 1 2 3 4 5 6 7 8 9 10\n");
	expect_bad(buf,
	    "/proc/diskstats:2: diskstats line has fewer than 11 fields");
	(void)snprintf(buf, sizeof(buf), "%s%s", good,
	    "8 1 sda1 1 2 3 4 5 6 7 8 9 10 x\n");
	expect_bad(buf, "/proc/diskstats:2: bad number in diskstats line");
	/* Even on the last field read, a number ends at a blank. */
	expect_bad("8 0 sda 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17x\n",
	    "/proc/diskstats:1: bad number in diskstats line");
	expect_bad("8 0 sda 1 2 3 4294967296 5 6 7 8 9 10 11\n",
	    "/proc/diskstats:1: time field in diskstats line exceeds 32 bits");
	expect_bad("8 sda 1 2 3 4 5 6 7 8 9 10 11\n",
	    "/proc/diskstats:1: bad device number in diskstats line");
	expect_bad("8 0\n",
	    "/proc/diskstats:1: missing device name in diskstats line");
}

static void
test_missing(void **state)
{
	(void)state;
	th_expect_absent("disk");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_layout_11),
		cmocka_unit_test(test_layout_15),
		cmocka_unit_test(test_layout_17),
		cmocka_unit_test(test_layout_20),
		cmocka_unit_test(test_metadata),
		cmocka_unit_test(test_procfs),
		cmocka_unit_test(test_name_rule),
		cmocka_unit_test(test_sysfs_first),
		cmocka_unit_test(test_partial_layouts),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_missing),
	};

	return cmocka_run_group_tests_name("disk", tests, NULL, NULL);
}
