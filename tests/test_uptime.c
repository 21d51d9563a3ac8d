/* test_uptime.c - the uptime provider on fixture trees. */
#include "helpers.h"

static void
assert_ns_counter(const struct dk_snap *s, const char *key)
{
	const struct dk_stat *st = th_stat(s, key);

	if (st == NULL)
		fail_msg("no statistic %s", key);
	assert_int_equal(st->type, DK_T_UINT64);
	assert_int_equal(st->kind, DK_K_COUNTER);
	assert_int_equal(st->width, 64);
	assert_string_equal(st->unit, "ns");
}

static void
test_linux618_values(void **state)
{
	struct dk_snap *s = th_collect("tests/fixtures/linux-6.18", "uptime");
	const struct dk_kstat *ks = dk_snap_find(s, "uptime", "0", "uptime");

	(void)state;
	assert_non_null(ks);
	assert_int_equal(ks->nstats, 2);
	assert_string_equal(ks->class, "misc");
	assert_string_equal(ks->source, "/proc/uptime");
	/* 390.87 750.27 */
	assert_int_equal(th_u64(s, "uptime:0:uptime:uptime"),
	    UINT64_C(390870000000));
	assert_int_equal(th_u64(s, "uptime:0:uptime:idle"),
	    UINT64_C(750270000000));
	assert_ns_counter(s, "uptime:0:uptime:uptime");
	assert_ns_counter(s, "uptime:0:uptime:idle");
	assert_string_equal(th_warnings, "");
	dk_snap_free(s);
}

static void
test_values(void **state)
{
	char *root = th_tmpdir();
	struct dk_snap *s;

	(void)state;
	th_write(root, "proc/uptime", "350735.47 234388.90\n");
	s = th_collect(root, "uptime");
	assert_int_equal(th_u64(s, "uptime:0:uptime:uptime"),
	    UINT64_C(350735470000000));
	assert_int_equal(th_u64(s, "uptime:0:uptime:idle"),
	    UINT64_C(234388900000000));
	dk_snap_free(s);
	th_rmtree(root);
}

static void
test_idle_wraps(void **state)
{
	char *root = th_tmpdir();
	struct dk_snap *s;

	(void)state;
	/*
	 * Idle past 2^64 ns (the kernel's own sum wraps there too):
	 * 184467440737100 cs * 10^7 mod 2^64 = 44838400.
	 */
	th_write(root, "proc/uptime", "0.05 1844674407371.00\n");
	s = th_collect(root, "uptime");
	assert_int_equal(th_u64(s, "uptime:0:uptime:uptime"), 50000000);
	assert_int_equal(th_u64(s, "uptime:0:uptime:idle"), 44838400);
	dk_snap_free(s);
	th_rmtree(root);
}

static void
test_malformed(void **state)
{
	static const char *const texts[] = { "350735.47\n", "x 1.00\n",
		"1.00 2.00 3.00\n", "" };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		char *root = th_tmpdir();
		struct dk_snap *s;

		th_write(root, "proc/uptime", texts[i]);
		s = th_collect(root, "uptime");
		assert_int_equal(dk_snap_count(s), 0);
		assert_string_equal(th_warnings,
		    "/proc/uptime:1: bad uptime line");
		dk_snap_free(s);
		th_rmtree(root);
	}
}

/* The running kernel's file parses. */
static void
test_live(void **state)
{
	struct dk_snap *s = th_collect("/", "uptime");

	(void)state;
	assert_string_equal(th_warnings, "");
	assert_true(th_u64(s, "uptime:0:uptime:uptime") > 0);
	assert_ns_counter(s, "uptime:0:uptime:idle");
	dk_snap_free(s);
}

static void
test_missing(void **state)
{
	(void)state;
	th_expect_absent("uptime");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_linux618_values),
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_idle_wraps),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_live),
		cmocka_unit_test(test_missing),
	};

	return cmocka_run_group_tests_name("uptime", tests, NULL, NULL);
}
