/* test_load.c - the load provider on fixture trees. */
#include "helpers.h"

/* A load average: a double gauge in unit "1". */
static double
avg(const struct dk_snap *s, const char *key)
{
	const struct dk_stat *st = th_stat(s, key);

	if (st == NULL)
		fail_msg("no statistic %s", key);
	assert_int_equal(st->type, DK_T_DOUBLE);
	assert_int_equal(st->kind, DK_K_GAUGE);
	assert_string_equal(st->unit, "1");
	return st->v.d;
}

static void
test_procfs_values(void **state)
{
	struct dk_snap *s = th_collect("tests/fixtures/procfs", "load");
	const struct dk_kstat *ks = dk_snap_find(s, "load", "0", "loadavg");
	const struct dk_stat *st;

	(void)state;
	assert_non_null(ks);
	assert_int_equal(ks->nstats, 6);
	assert_string_equal(ks->class, "misc");
	assert_string_equal(ks->source, "/proc/loadavg");
	/* 0.02 0.04 0.05 1/497 11947: the doubles nearest the decimals. */
	assert_true(avg(s, "load:0:loadavg:avg1") == 0.02);
	assert_true(avg(s, "load:0:loadavg:avg5") == 0.04);
	assert_true(avg(s, "load:0:loadavg:avg15") == 0.05);
	assert_int_equal(th_u64(s, "load:0:loadavg:runnable"), 1);
	assert_int_equal(th_u64(s, "load:0:loadavg:entities"), 497);
	assert_int_equal(th_u64(s, "load:0:loadavg:last_pid"), 11947);
	st = th_stat(s, "load:0:loadavg:runnable");
	assert_int_equal(st->kind, DK_K_GAUGE);
	assert_string_equal(st->unit, "1");
	assert_int_equal(th_stat(s, "load:0:loadavg:entities")->kind,
	    DK_K_GAUGE);
	assert_int_equal(th_stat(s, "load:0:loadavg:last_pid")->kind,
	    DK_K_INFO);
	assert_string_equal(th_warnings, "");
	dk_snap_free(s);
}

static void
test_linux618_values(void **state)
{
	struct dk_snap *s = th_collect("tests/fixtures/linux-6.18", "load");

	(void)state;
	/* 0.02 0.06 0.02 1/85 5051 */
	assert_true(avg(s, "load:0:loadavg:avg5") == 0.06);
	assert_int_equal(th_u64(s, "load:0:loadavg:entities"), 85);
	assert_int_equal(th_u64(s, "load:0:loadavg:last_pid"), 5051);
	dk_snap_free(s);
}

static void
test_large(void **state)
{
	char *root = th_tmpdir();
	struct dk_snap *s;

	(void)state;
	th_write(root, "proc/loadavg",
	    "1234.56 99.99 12.30 4294967295/2147483647 4194304\n");
	s = th_collect(root, "load");
	assert_true(avg(s, "load:0:loadavg:avg1") == 1234.56);
	assert_true(avg(s, "load:0:loadavg:avg5") == 99.99);
	assert_true(avg(s, "load:0:loadavg:avg15") == 12.3);
	assert_int_equal(th_u64(s, "load:0:loadavg:runnable"), 4294967295u);
	assert_int_equal(th_u64(s, "load:0:loadavg:entities"), 2147483647);
	assert_int_equal(th_u64(s, "load:0:loadavg:last_pid"), 4194304);
	dk_snap_free(s);
	th_rmtree(root);
}

static void
test_malformed(void **state)
{
	static const struct th_bad cases[] = {
		{ "0.02 x 0.05 1/497 11947\n",
		    "/proc/loadavg:1: bad load average" },
		{ "\n", "/proc/loadavg:1: bad load average" },
		{ "0.02 0.04 0.05 1 497 11947\n",
		    "/proc/loadavg:1: bad runnable/entities" },
		{ "0.02 0.04 0.05 1/ 11947\n",
		    "/proc/loadavg:1: bad runnable/entities" },
		{ "0.02 0.04 0.05 1/497\n", "/proc/loadavg:1: bad last pid" },
		{ "0.02 0.04 0.05 1/497 11947 7\n",
		    "/proc/loadavg:1: bad last pid" },
	};

	(void)state;
	th_expect_bad("proc/loadavg", "load", cases,
	    sizeof(cases) / sizeof(cases[0]));
}

/* The running kernel's file parses. */
static void
test_live(void **state)
{
	struct dk_snap *s = th_collect("/", "load");

	(void)state;
	assert_string_equal(th_warnings, "");
	assert_true(th_u64(s, "load:0:loadavg:entities") >= 1);
	assert_true(avg(s, "load:0:loadavg:avg1") >= 0.0);
	dk_snap_free(s);
}

static void
test_missing(void **state)
{
	(void)state;
	th_expect_absent("load");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_procfs_values),
		cmocka_unit_test(test_linux618_values),
		cmocka_unit_test(test_large),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_live),
		cmocka_unit_test(test_missing),
	};

	return cmocka_run_group_tests_name("load", tests, NULL, NULL);
}
