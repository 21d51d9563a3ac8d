/* test_mem.c - the mem provider on fixture trees. */
#include "helpers.h"

#include <string.h>

#define KIB UINT64_C(1024)

/* Every statistic of mem:0:meminfo has this kind, type and unit. */
static void
assert_all(const struct dk_snap *s, size_t n)
{
	const struct dk_kstat *ks = dk_snap_find(s, "mem", "0", "meminfo");
	size_t i;

	assert_non_null(ks);
	assert_int_equal(ks->nstats, n);
	assert_string_equal(ks->class, "vm");
	assert_string_equal(ks->source, "/proc/meminfo");
	for (i = 0; i < ks->nstats; i++) {
		assert_int_equal(ks->stats[i].kind, DK_K_GAUGE);
		assert_int_equal(ks->stats[i].type, DK_T_UINT64);
		assert_int_equal(ks->stats[i].width, 0);
	}
}

static void
test_procfs_values(void **state)
{
	struct dk_snap *s = th_collect("tests/fixtures/procfs", "mem");

	(void)state;
	assert_int_equal(dk_snap_count(s), 1);
	assert_all(s, 45);
	/* MemTotal:       15666184 kB */
	assert_int_equal(th_u64(s, "mem:0:meminfo:MemTotal"), 15666184 * KIB);
	assert_string_equal(th_stat(s, "mem:0:meminfo:MemTotal")->unit,
	    "bytes");
	/* Active(anon):     267256 kB */
	assert_int_equal(th_u64(s, "mem:0:meminfo:Active(anon)"), 267256 * KIB);
	assert_int_equal(th_u64(s, "mem:0:meminfo:Inactive(file)"),
	    6532440 * KIB);
	/* VmallocTotal:   34359738367 kB: past 2^32 KiB, still exact. */
	assert_int_equal(th_u64(s, "mem:0:meminfo:VmallocTotal"),
	    UINT64_C(34359738367) * KIB);
	assert_int_equal(th_u64(s, "mem:0:meminfo:DirectMap2M"),
	    16039936 * KIB);
	assert_int_equal(th_u64(s, "mem:0:meminfo:Hugepagesize"), 2048 * KIB);
	/* HugePages_Total:       0 (no unit: a page count) */
	assert_int_equal(th_u64(s, "mem:0:meminfo:HugePages_Total"), 0);
	assert_string_equal(th_stat(s, "mem:0:meminfo:HugePages_Total")->unit,
	    "pages");
	/* This older kernel has no MemAvailable. */
	assert_null(th_stat(s, "mem:0:meminfo:MemAvailable"));
	assert_string_equal(th_warnings, "");
	dk_snap_free(s);
}

static void
test_linux618_values(void **state)
{
	struct dk_snap *s = th_collect("tests/fixtures/linux-6.18", "mem");

	(void)state;
	assert_all(s, 54);
	assert_int_equal(th_u64(s, "mem:0:meminfo:MemTotal"), 24683656 * KIB);
	assert_int_equal(th_u64(s, "mem:0:meminfo:MemFree"), 24324844 * KIB);
	assert_int_equal(th_u64(s, "mem:0:meminfo:MemAvailable"),
	    24354060 * KIB);
	assert_int_equal(th_u64(s, "mem:0:meminfo:Active(file)"), 108260 * KIB);
	assert_int_equal(th_u64(s, "mem:0:meminfo:DirectMap1G"),
	    25165824 * KIB);
	assert_string_equal(th_warnings, "");
	dk_snap_free(s);
}

static void
test_huge_pages(void **state)
{
	char *root = th_tmpdir();
	struct dk_snap *s;

	(void)state;
	th_write(root, "proc/meminfo",
	    "HugePages_Total:      12\nHugePages_Free:        7\n"
	    "HugePages_Rsvd:        1\nHugePages_Surp:        0\n"
	    "Hugepagesize:       2048 kB\nHugetlb:           24576 kB\n");
	s = th_collect(root, "mem");
	assert_all(s, 6);
	assert_int_equal(th_u64(s, "mem:0:meminfo:HugePages_Total"), 12);
	assert_int_equal(th_u64(s, "mem:0:meminfo:HugePages_Free"), 7);
	assert_int_equal(th_u64(s, "mem:0:meminfo:HugePages_Rsvd"), 1);
	assert_string_equal(th_stat(s, "mem:0:meminfo:HugePages_Free")->unit,
	    "pages");
	assert_int_equal(th_u64(s, "mem:0:meminfo:Hugetlb"), 24576 * KIB);
	assert_string_equal(th_stat(s, "mem:0:meminfo:Hugetlb")->unit, "bytes");
	dk_snap_free(s);
	th_rmtree(root);
}

/* Each malformed file drops the whole source with one exact warning. */
static void
test_malformed(void **state)
{
	static const struct th_bad cases[] = {
		{ "MemTotal: 100 kB\nMemFree: x kB\n",
		    "/proc/meminfo:2: bad number" },
		{ "MemTotal: 100 kB\nMemFree 5 kB\n",
		    "/proc/meminfo:2: bad key" },
		{ ": 5 kB\n", "/proc/meminfo:1: bad key" },
		{ "Mem Total: 5 kB\n", "/proc/meminfo:1: bad key" },
		{ "crtime: 5 kB\n", "/proc/meminfo:1: bad key" },
		{ "MemTotal: 100 MB\n", "/proc/meminfo:1: unit is not kB" },
		{ "MemTotal: 100 kB x\n", "/proc/meminfo:1: trailing text" },
		{ "A: 1 kB\nB: 2 kB\nMemTotal: 18014398509481984 kB\n",
		    "/proc/meminfo:3: value out of range" },
	};

	(void)state;
	th_expect_bad("proc/meminfo", "mem", cases,
	    sizeof(cases) / sizeof(cases[0]));
}

static void
test_largest_value(void **state)
{
	char *root = th_tmpdir();
	struct dk_snap *s;

	(void)state;
	/* (2^64 - 1) / 1024 KiB is the largest that fits in bytes. */
	th_write(root, "proc/meminfo", "Big: 18014398509481983 kB\n\nA: 1\n");
	s = th_collect(root, "mem");
	assert_int_equal(th_u64(s, "mem:0:meminfo:Big"),
	    UINT64_C(18014398509481983) * KIB);
	assert_int_equal(th_u64(s, "mem:0:meminfo:A"), 1);
	assert_string_equal(th_warnings, "");
	dk_snap_free(s);
	th_rmtree(root);
}

/* The running kernel's file parses, whatever its key set. */
static void
test_live(void **state)
{
	struct dk_snap *s = th_collect("/", "mem");

	(void)state;
	assert_string_equal(th_warnings, "");
	assert_true(th_u64(s, "mem:0:meminfo:MemTotal") > 0);
	assert_true(th_u64(s, "mem:0:meminfo:MemFree") <=
	    th_u64(s, "mem:0:meminfo:MemTotal"));
	dk_snap_free(s);
}

static void
test_missing(void **state)
{
	(void)state;
	th_expect_absent("mem");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_procfs_values),
		cmocka_unit_test(test_linux618_values),
		cmocka_unit_test(test_huge_pages),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_largest_value),
		cmocka_unit_test(test_live),
		cmocka_unit_test(test_missing),
	};

	return cmocka_run_group_tests_name("mem", tests, NULL, NULL);
}
