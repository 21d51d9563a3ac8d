/* test_cpu.c - the cpu provider on fixture trees. */
#include "helpers.h"

#include <unistd.h>

/* USER_HZ on the machine running the test converts ticks to ns. */
static uint64_t
ns(uint64_t ticks)
{
	return ticks * (1000000000u / (uint64_t)sysconf(_SC_CLK_TCK));
}

static void
test_procfs_values(void **state)
{
	struct dk_snap *s = th_collect("tests/fixtures/procfs", "cpu");

	(void)state;
	/* cpu  301854 612 111922 8979004 3552 2 3944 0 0 0 */
	assert_int_equal(th_u64(s, "cpu:total:times:user"), ns(301854));
	assert_int_equal(th_u64(s, "cpu:total:times:idle"), ns(8979004));
	assert_int_equal(th_u64(s, "cpu:total:times:softirq"), ns(3944));
	/* cpu0 44490 19 21045 1087069 220 1 3410 0 0 0 */
	assert_int_equal(th_u64(s, "cpu:0:times:system"), ns(21045));
	assert_int_equal(th_u64(s, "cpu:0:times:iowait"), ns(220));
	assert_int_equal(th_stat(s, "cpu:0:times:user")->kind, DK_K_COUNTER);
	assert_int_equal(th_stat(s, "cpu:0:times:user")->width, 64);
	assert_string_equal(th_stat(s, "cpu:0:times:user")->unit, "ns");
	assert_string_equal(th_warnings, "");
	dk_snap_free(s);
}

static void
test_numeric_order(void **state)
{
	char *root = th_tmpdir();
	struct dk_snap *s;
	size_t i;
	const char *want[] = { "2", "10", "total" };

	(void)state;
	th_write(root, "proc/stat",
	    "cpu  1 2 3 4\ncpu10 1 1 1 1\ncpu2 1 1 1 1\nintr 5\n");
	s = th_collect(root, "cpu");
	assert_int_equal(dk_snap_count(s), 3);
	for (i = 0; i < 3; i++)
		assert_string_equal(dk_snap_kstat(s, i)->instance, want[i]);
	/* An old kernel's 4-field line has no iowait. */
	assert_null(th_stat(s, "cpu:total:times:iowait"));
	dk_snap_free(s);
	th_rmtree(root);
}

static void
test_truncated_line(void **state)
{
	char *root = th_tmpdir();
	struct dk_snap *s;

	(void)state;
	th_write(root, "proc/stat", "cpu  1 2 3 4\ncpu0 1 x\n");
	s = th_collect(root, "cpu");
	assert_int_equal(dk_snap_count(s), 0);
	assert_string_equal(th_warnings,
	    "/proc/stat:2: bad number in cpu line");
	dk_snap_free(s);
	th_rmtree(root);
}

static void
test_missing(void **state)
{
	(void)state;
	th_expect_absent("cpu");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_procfs_values),
		cmocka_unit_test(test_numeric_order),
		cmocka_unit_test(test_truncated_line),
		cmocka_unit_test(test_missing),
	};

	return cmocka_run_group_tests_name("cpu", tests, NULL, NULL);
}
