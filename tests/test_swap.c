/* test_swap.c - the swap provider on fixture trees. */
#include "helpers.h"

#include <stdio.h>
#include <string.h>

#define HEADER "Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n"

/* Find a statistic of swap:<path>:swap (paths may hold ':'). */
static const struct dk_stat *
swap_stat(const struct dk_snap *s, const char *path, const char *name)
{
	const struct dk_kstat *ks = dk_snap_find(s, "swap", path, "swap");

	if (ks == NULL)
		fail_msg("no kstat swap:%s:swap", path);
	return dk_kstat_stat(ks, name);
}

static void
assert_area(const struct dk_snap *s, const char *path, uint64_t size,
    uint64_t used, int64_t prio, const char *type)
{
	const struct dk_stat *st;

	st = swap_stat(s, path, "size");
	assert_int_equal(st->kind, DK_K_GAUGE);
	assert_string_equal(st->unit, "bytes");
	assert_int_equal(st->v.u, size);
	st = swap_stat(s, path, "used");
	assert_int_equal(st->kind, DK_K_GAUGE);
	assert_string_equal(st->unit, "bytes");
	assert_int_equal(st->v.u, used);
	st = swap_stat(s, path, "priority");
	assert_int_equal(st->type, DK_T_INT64);
	assert_int_equal(st->kind, DK_K_GAUGE);
	assert_string_equal(st->unit, "1");
	assert_int_equal(st->v.i, prio);
	st = swap_stat(s, path, "type");
	assert_int_equal(st->type, DK_T_STRING);
	assert_int_equal(st->kind, DK_K_INFO);
	assert_string_equal(st->v.s, type);
}

static void
test_procfs_values(void **state)
{
	struct dk_snap *s = th_collect("tests/fixtures/procfs", "swap");
	const struct dk_kstat *ks;

	(void)state;
	/* /dev/dm-2  partition  131068  176  -2 */
	assert_int_equal(dk_snap_count(s), 1);
	assert_area(s, "/dev/dm-2", UINT64_C(131068) * 1024, 176 * 1024, -2,
	    "partition");
	ks = dk_snap_find(s, "swap", "/dev/dm-2", "swap");
	assert_int_equal(ks->nstats, 4);
	assert_string_equal(ks->class, "vm");
	assert_string_equal(ks->source, "/proc/swaps");
	assert_string_equal(th_warnings, "");
	dk_snap_free(s);
}

static void
test_no_swap(void **state)
{
	/* This machine's /proc/swaps: the header alone. */
	struct dk_snap *s = th_collect("tests/fixtures/linux-6.18", "swap");

	(void)state;
	assert_int_equal(dk_snap_count(s), 0);
	assert_string_equal(th_warnings, "");
	dk_snap_free(s);
}

static void
test_escapes_and_priorities(void **state)
{
	char *root = th_tmpdir();
	struct dk_snap *s;

	(void)state;
	th_write(root, "proc/swaps",
	    HEADER "/swap\\040file\\011x\\134y                      file"
		   "\t\t1048572\t\t0\t\t10\n"
		   "/mnt/swapfile\\040(deleted)                 file"
		   "\t\t524284\t\t1024\t\t-5\n"
		   "/dev/vdb                                partition"
		   "\t4194300\t\t4194300\t\t-32768\n");
	s = th_collect(root, "swap");
	assert_string_equal(th_warnings, "");
	assert_int_equal(dk_snap_count(s), 3);
	assert_area(s, "/swap file\tx\\y", UINT64_C(1048572) * 1024, 0, 10,
	    "file");
	assert_area(s, "/mnt/swapfile (deleted)", UINT64_C(524284) * 1024,
	    1024 * 1024, -5, "file");
	assert_area(s, "/dev/vdb", UINT64_C(4194300) * 1024,
	    UINT64_C(4194300) * 1024, -32768, "partition");
	dk_snap_free(s);
	th_rmtree(root);
}

static void
test_long_path(void **state)
{
	char *root = th_tmpdir();
	char text[9000], path[4097];
	struct dk_snap *s;

	(void)state;
	/* A path decodes into PATH_MAX bytes at most; one more is refused. */
	memset(path, 'a', 4096);
	path[0] = '/';
	path[4096] = '\0';
	(void)snprintf(text, sizeof(text), HEADER "%s file 4 0 -2\n", path);
	th_write(root, "proc/swaps", text);
	s = th_collect(root, "swap");
	assert_string_equal(th_warnings, "");
	assert_area(s, path, 4096, 0, -2, "file");
	assert_int_equal(strlen(dk_snap_kstat(s, 0)->instance), 4096);
	dk_snap_free(s);
	(void)snprintf(text, sizeof(text), HEADER "%sb file 4 0 -2\n", path);
	th_write(root, "proc/swaps", text);
	s = th_collect(root, "swap");
	assert_int_equal(dk_snap_count(s), 0);
	assert_string_equal(th_warnings, "/proc/swaps:2: bad path");
	dk_snap_free(s);
	th_rmtree(root);
}

static void
test_malformed(void **state)
{
	static const struct th_bad cases[] = {
		{ "/dev/vda partition 4 0 -2\n",
		    "/proc/swaps:1: no header line" },
		{ "", "/proc/swaps:1: no header line" },
		{ HEADER "/dev/vda partition 4 0 -2\n/dev/vdb partition 4 0\n",
		    "/proc/swaps:3: bad swap area line" },
		{ HEADER "/dev/vda partition 4 0 -2 7\n",
		    "/proc/swaps:2: bad swap area line" },
		{ HEADER "/dev/vda partition x 0 -2\n",
		    "/proc/swaps:2: bad swap area line" },
		{ HEADER "/dev/vda\n", "/proc/swaps:2: bad swap area line" },
		{ HEADER "/dev/v\\04x partition 4 0 -2\n",
		    "/proc/swaps:2: bad path" },
		{ HEADER "/dev/v\\04 partition 4 0 -2\n",
		    "/proc/swaps:2: bad path" },
		{ HEADER "/dev/v\\000 partition 4 0 -2\n",
		    "/proc/swaps:2: bad path" },
		{ HEADER "/dev/v\\400 partition 4 0 -2\n",
		    "/proc/swaps:2: bad path" },
		{ HEADER "/dev/vda partition 18014398509481984 0 -2\n",
		    "/proc/swaps:2: size out of range" },
	};

	(void)state;
	th_expect_bad("proc/swaps", "swap", cases,
	    sizeof(cases) / sizeof(cases[0]));
}

/* The running kernel's file parses, with or without swap. */
static void
test_live(void **state)
{
	struct dk_snap *s = th_collect("/", "swap");
	size_t i;

	(void)state;
	assert_string_equal(th_warnings, "");
	for (i = 0; i < dk_snap_count(s); i++)
		assert_int_equal(dk_snap_kstat(s, i)->nstats, 4);
	dk_snap_free(s);
}

static void
test_missing(void **state)
{
	(void)state;
	th_expect_absent("swap");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_procfs_values),
		cmocka_unit_test(test_no_swap),
		cmocka_unit_test(test_escapes_and_priorities),
		cmocka_unit_test(test_long_path),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_live),
		cmocka_unit_test(test_missing),
	};

	return cmocka_run_group_tests_name("swap", tests, NULL, NULL);
}
