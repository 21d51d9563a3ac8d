/* test_sys.c - the sys provider on fixture trees. */
#include "helpers.h"

#include <string.h>

static void
test_procfs_values(void **state)
{
	struct dk_snap *s = th_collect("tests/fixtures/procfs", "sys");
	const struct dk_kstat *ks = dk_snap_find(s, "sys", "0", "stat");

	(void)state;
	assert_non_null(ks);
	assert_string_equal(ks->class, "misc");
	assert_string_equal(ks->source, "/proc/stat");
	assert_int_equal(ks->nstats, 7);
	assert_int_equal(dk_snap_count(s), 1);
	assert_int_equal(th_u64(s, "sys:0:stat:ctxt"), 38014093);
	/* intr 73777505 41 9 ...; softirq 5057579 250191 ... */
	assert_int_equal(th_u64(s, "sys:0:stat:intr"), 73777505);
	assert_int_equal(th_u64(s, "sys:0:stat:softirq"), 5057579);
	assert_int_equal(th_u64(s, "sys:0:stat:processes"), 26442);
	assert_int_equal(th_u64(s, "sys:0:stat:procs_running"), 2);
	assert_int_equal(th_u64(s, "sys:0:stat:procs_blocked"), 1);
	assert_int_equal(th_u64(s, "sys:0:stat:btime"),
	    UINT64_C(1418183276000000000));
	assert_string_equal(th_warnings, "");
	dk_snap_free(s);
}

static void
test_kinds(void **state)
{
	struct dk_snap *s = th_collect("tests/fixtures/procfs", "sys");
	const char *counters[] = { "sys:0:stat:ctxt", "sys:0:stat:intr",
		"sys:0:stat:softirq", "sys:0:stat:processes" };
	const char *gauges[] = { "sys:0:stat:procs_running",
		"sys:0:stat:procs_blocked" };
	const struct dk_stat *st;
	size_t i;

	(void)state;
	for (i = 0; i < 4; i++) {
		st = th_stat(s, counters[i]);
		assert_non_null(st);
		assert_int_equal(st->kind, DK_K_COUNTER);
		assert_int_equal(st->type, DK_T_UINT64);
		assert_int_equal(st->width, 64);
		assert_string_equal(st->unit, "1");
	}
	for (i = 0; i < 2; i++) {
		st = th_stat(s, gauges[i]);
		assert_non_null(st);
		assert_int_equal(st->kind, DK_K_GAUGE);
		assert_int_equal(st->width, 0);
		assert_string_equal(st->unit, "1");
	}
	st = th_stat(s, "sys:0:stat:btime");
	assert_non_null(st);
	assert_int_equal(st->kind, DK_K_TIMESTAMP);
	assert_int_equal(st->type, DK_T_UINT64);
	assert_string_equal(st->unit, "ns");
	dk_snap_free(s);
}

/* An old kernel: no procs_* lines, no softirq line; a cpu line to skip. */
static void
test_old_kernel(void **state)
{
	char *root = th_tmpdir();
	struct dk_snap *s;
	const struct dk_kstat *ks;

	(void)state;
	th_write(root, "proc/stat",
	    "cpu  1 2 3 4\ncpu0 1 2 3 4\npage 5 6\nintr 7 1 2\n"
	    "ctxt 8\nbtime 9\nprocesses 10\n");
	s = th_collect(root, "sys");
	ks = dk_snap_find(s, "sys", "0", "stat");
	assert_non_null(ks);
	assert_int_equal(ks->nstats, 4);
	assert_int_equal(th_u64(s, "sys:0:stat:intr"), 7);
	assert_int_equal(th_u64(s, "sys:0:stat:ctxt"), 8);
	assert_int_equal(th_u64(s, "sys:0:stat:btime"), UINT64_C(9000000000));
	assert_int_equal(th_u64(s, "sys:0:stat:processes"), 10);
	assert_null(th_stat(s, "sys:0:stat:procs_running"));
	assert_null(th_stat(s, "sys:0:stat:softirq"));
	assert_string_equal(th_warnings, "");
	dk_snap_free(s);
	th_rmtree(root);
}

/* cpu and sys read the same file in one sample: both get their lines. */
static void
test_shared_read(void **state)
{
	struct dk_snap *s = th_collect("tests/fixtures/procfs", "cpu,sys");

	(void)state;
	assert_true(th_has(s, "cpu:total:times"));
	assert_int_equal(th_u64(s, "sys:0:stat:ctxt"), 38014093);
	assert_string_equal(th_warnings, "");
	dk_snap_free(s);
}

/* A file with none of the lines gives no kstat, not an empty one. */
static void
test_no_lines(void **state)
{
	char *root = th_tmpdir();
	struct dk_snap *s;

	(void)state;
	th_write(root, "proc/stat", "cpu  1 2 3 4\n");
	s = th_collect(root, "sys");
	assert_int_equal(dk_snap_count(s), 0);
	assert_string_equal(th_warnings, "");
	dk_snap_free(s);
	th_rmtree(root);
}

/* The largest btime whose nanoseconds fit in 64 bits. */
static void
test_btime_limit(void **state)
{
	char *root = th_tmpdir();
	struct dk_snap *s;

	(void)state;
	th_write(root, "proc/stat", "btime 18446744073\n");
	s = th_collect(root, "sys");
	assert_int_equal(th_u64(s, "sys:0:stat:btime"),
	    UINT64_C(18446744073000000000));
	dk_snap_free(s);
	th_rmtree(root);
}

static void
test_malformed(void **state)
{
	static const struct th_bad cases[] = {
		{ "ctxt 5\nctxt 12x\n",
		    "/proc/stat:2: bad number in ctxt line" },
		{ "ctxt 5\nctxt\n", "/proc/stat:2: bad number in ctxt line" },
		{ "ctxt 5 6\n", "/proc/stat:1: bad number in ctxt line" },
		{ "ctxt 1\nintr x 1\n",
		    "/proc/stat:2: bad total in intr line" },
		{ "intr 1x 1\n", "/proc/stat:1: bad total in intr line" },
		{ "softirq\n", "/proc/stat:1: bad total in softirq line" },
		{ "procs_running -1\n",
		    "/proc/stat:1: bad number in procs_running line" },
		{ "processes 18446744073709551616\n",
		    "/proc/stat:1: bad number in processes line" },
		{ "ctxt 1\nbtime 18446744074\n",
		    "/proc/stat:2: btime out of range" },
	};

	(void)state;
	th_expect_bad("proc/stat", "sys", cases,
	    sizeof(cases) / sizeof(cases[0]));
}

static void
test_missing(void **state)
{
	(void)state;
	th_expect_absent("sys");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_procfs_values),
		cmocka_unit_test(test_kinds),
		cmocka_unit_test(test_old_kernel),
		cmocka_unit_test(test_shared_read),
		cmocka_unit_test(test_no_lines),
		cmocka_unit_test(test_btime_limit),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_missing),
	};

	return cmocka_run_group_tests_name("sys", tests, NULL, NULL);
}
