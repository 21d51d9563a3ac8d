/* test_psi.c - the psi provider on fixture trees. */
#include "helpers.h"

/* An average: a double gauge in percent. */
static double
avg(const struct dk_snap *s, const char *key)
{
	const struct dk_stat *st = th_stat(s, key);

	if (st == NULL)
		fail_msg("no statistic %s", key);
	assert_int_equal(st->type, DK_T_DOUBLE);
	assert_int_equal(st->kind, DK_K_GAUGE);
	assert_string_equal(st->unit, "percent");
	return st->v.d;
}

/* A total: a 64-bit counter in nanoseconds. */
static uint64_t
total(const struct dk_snap *s, const char *key)
{
	const struct dk_stat *st = th_stat(s, key);

	if (st == NULL)
		fail_msg("no statistic %s", key);
	assert_int_equal(st->type, DK_T_UINT64);
	assert_int_equal(st->kind, DK_K_COUNTER);
	assert_int_equal(st->width, 64);
	assert_string_equal(st->unit, "ns");
	return st->v.u;
}

static void
test_procfs_values(void **state)
{
	struct dk_snap *s = th_collect("tests/fixtures/procfs", "psi");
	const struct dk_kstat *ks;

	(void)state;
	/* cpu: some only; io and memory: some and full; no irq. */
	assert_int_equal(dk_snap_count(s), 5);
	assert_false(th_has(s, "psi:cpu:full"));
	assert_false(th_has(s, "psi:irq:full"));
	/* some avg10=0.10 avg60=2.00 avg300=3.85 total=15 */
	assert_true(avg(s, "psi:cpu:some:avg10") == 0.10);
	assert_true(avg(s, "psi:cpu:some:avg60") == 2.00);
	assert_true(avg(s, "psi:cpu:some:avg300") == 3.85);
	assert_int_equal(total(s, "psi:cpu:some:total"), 15000);
	/* full avg10=0.20 avg60=3.00 avg300=4.95 total=25 */
	assert_true(avg(s, "psi:io:full:avg10") == 0.20);
	assert_true(avg(s, "psi:io:full:avg300") == 4.95);
	assert_int_equal(total(s, "psi:io:full:total"), 25000);
	assert_int_equal(total(s, "psi:memory:some:total"), 15000);
	assert_true(avg(s, "psi:memory:full:avg60") == 3.00);
	ks = dk_snap_find(s, "psi", "io", "full");
	assert_non_null(ks);
	assert_int_equal(ks->nstats, 4);
	assert_string_equal(ks->class, "misc");
	assert_string_equal(ks->source, "/proc/pressure/io");
	assert_string_equal(dk_snap_find(s, "psi", "memory", "some")->source,
	    "/proc/pressure/memory");
	assert_string_equal(dk_snap_find(s, "psi", "cpu", "some")->source,
	    "/proc/pressure/cpu");
	assert_string_equal(th_warnings, "");
	dk_snap_free(s);
}

static void
test_linux618_values(void **state)
{
	struct dk_snap *s = th_collect("tests/fixtures/linux-6.18", "psi");

	(void)state;
	/* cpu has a full line (zeros system-wide) since 5.13. */
	assert_int_equal(dk_snap_count(s), 6);
	assert_true(avg(s, "psi:cpu:some:avg10") == 0.19);
	assert_true(avg(s, "psi:cpu:some:avg300") == 0.24);
	assert_int_equal(total(s, "psi:cpu:some:total"), UINT64_C(2665707000));
	assert_int_equal(total(s, "psi:cpu:full:total"), 0);
	assert_int_equal(total(s, "psi:io:some:total"), UINT64_C(2689866000));
	assert_true(avg(s, "psi:io:full:avg60") == 0.16);
	assert_int_equal(total(s, "psi:io:full:total"), UINT64_C(2587439000));
	assert_string_equal(th_warnings, "");
	dk_snap_free(s);
}

static void
test_irq_full_only(void **state)
{
	char *root = th_tmpdir();
	struct dk_snap *s;

	(void)state;
	th_write(root, "proc/pressure/irq",
	    "full avg10=12.34 avg60=0.01 avg300=100.00 total=12345\n");
	s = th_collect(root, "psi");
	assert_int_equal(dk_snap_count(s), 1);
	assert_false(th_has(s, "psi:irq:some"));
	assert_true(avg(s, "psi:irq:full:avg10") == 12.34);
	assert_true(avg(s, "psi:irq:full:avg60") == 0.01);
	assert_true(avg(s, "psi:irq:full:avg300") == 100.0);
	assert_int_equal(total(s, "psi:irq:full:total"), 12345000);
	assert_string_equal(dk_snap_find(s, "psi", "irq", "full")->source,
	    "/proc/pressure/irq");
	dk_snap_free(s);
	th_rmtree(root);
}

#define SOME "some avg10=0.10 avg60=2.00 avg300=3.85 total=15\n"
#define FULL "full avg10=0.20 avg60=3.00 avg300=4.95 total=25\n"

/* A malformed file is skipped alone: the others still count. */
static void
test_malformed_one_file(void **state)
{
	static const struct {
		const char *io, *warning;
	} cases[] = {
		{ SOME "full avg10=0.20 avg60=x avg300=4.95 total=25\n",
		    "/proc/pressure/io:2: bad average" },
		{ SOME "full avg10=0.20 avg60=3.00 total=25\n",
		    "/proc/pressure/io:2: bad average" },
		{ SOME "full avg10=0.20 avg60=3.00 avg300=4.95 total=\n",
		    "/proc/pressure/io:2: bad total" },
		{ SOME "full avg10=0.20 avg60=3.00 avg300=4.95 total=25 x\n",
		    "/proc/pressure/io:2: bad total" },
		{ "some avg10=0.10 avg60=2.00 avg300=3.85 "
		  "total=18446744073709552\n",
		    "/proc/pressure/io:1: bad total" },
		{ SOME "half avg10=0.20 avg60=3.00 avg300=4.95 total=25\n",
		    "/proc/pressure/io:2: line is neither some nor full" },
		{ SOME SOME, "/proc/pressure/io:2: repeated line kind" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *root = th_tmpdir();
		struct dk_snap *s;

		th_write(root, "proc/pressure/cpu", SOME);
		th_write(root, "proc/pressure/io", cases[i].io);
		th_write(root, "proc/pressure/memory", SOME FULL);
		s = th_collect(root, "psi");
		assert_string_equal(th_warnings, cases[i].warning);
		assert_false(th_has(s, "psi:io:some"));
		assert_false(th_has(s, "psi:io:full"));
		assert_int_equal(dk_snap_count(s), 3);
		assert_int_equal(total(s, "psi:cpu:some:total"), 15000);
		assert_int_equal(total(s, "psi:memory:some:total"), 15000);
		assert_int_equal(total(s, "psi:memory:full:total"), 25000);
		dk_snap_free(s);
		th_rmtree(root);
	}
}

static void
test_malformed_two_files(void **state)
{
	char *root = th_tmpdir();
	struct dk_snap *s;

	(void)state;
	th_write(root, "proc/pressure/cpu", "some avg10=1\n");
	th_write(root, "proc/pressure/io", SOME FULL);
	th_write(root, "proc/pressure/memory", SOME "full\n");
	s = th_collect(root, "psi");
	assert_string_equal(th_warnings,
	    "/proc/pressure/cpu:1: bad average\n"
	    "/proc/pressure/memory:2: bad average");
	assert_int_equal(dk_snap_count(s), 2);
	assert_true(th_has(s, "psi:io:some"));
	assert_true(th_has(s, "psi:io:full"));
	dk_snap_free(s);
	th_rmtree(root);
}

/* The running kernel's files parse, or are absent (psi=0, old kernel). */
static void
test_live(void **state)
{
	struct dk_snap *s = th_collect("/", "psi");
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
	char *root = th_tmpdir();
	struct dk_snap *s;

	(void)state;
	/* No /proc/pressure at all (PSI not built in). */
	s = th_collect(root, "psi");
	assert_int_equal(dk_snap_count(s), 0);
	assert_string_equal(th_warnings, "");
	dk_snap_free(s);
	/* /proc/pressure not a directory. */
	th_write(root, "proc/pressure", "");
	s = th_collect(root, "psi");
	assert_int_equal(dk_snap_count(s), 0);
	assert_string_equal(th_warnings, "");
	dk_snap_free(s);
	th_rmtree(root);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_procfs_values),
		cmocka_unit_test(test_linux618_values),
		cmocka_unit_test(test_irq_full_only),
		cmocka_unit_test(test_malformed_one_file),
		cmocka_unit_test(test_malformed_two_files),
		cmocka_unit_test(test_live),
		cmocka_unit_test(test_missing),
	};

	return cmocka_run_group_tests_name("psi", tests, NULL, NULL);
}
