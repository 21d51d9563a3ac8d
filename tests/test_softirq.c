/* test_softirq.c - the softirq provider on fixture trees. */
#include "helpers.h"

#include <string.h>

/* A temporary root holding one /proc/softirqs, collected. */
static struct dk_snap *
collect_text(const char *text)
{
	char *root = th_tmpdir();
	struct dk_snap *s;

	th_write(root, "proc/softirqs", text);
	s = th_collect(root, "softirq");
	th_rmtree(root);
	return s;
}

static void
test_procfs_values(void **state)
{
	struct dk_snap *s = th_collect("tests/fixtures/procfs", "softirq");
	const struct dk_kstat *ks;

	(void)state;
	assert_int_equal(dk_snap_count(s), 2);
	/*          HI:          3          0 */
	assert_int_equal(th_u64(s, "softirq:0:softirqs:HI"), 3);
	assert_int_equal(th_u64(s, "softirq:1:softirqs:HI"), 0);
	assert_int_equal(th_u64(s, "softirq:0:softirqs:TIMER"), 2776180);
	assert_int_equal(th_u64(s, "softirq:1:softirqs:TIMER"), 247490);
	assert_int_equal(th_u64(s, "softirq:0:softirqs:NET_TX"), 2419);
	assert_int_equal(th_u64(s, "softirq:1:softirqs:NET_RX"), 28694);
	assert_int_equal(th_u64(s, "softirq:1:softirqs:BLOCK"), 262755);
	assert_int_equal(th_u64(s, "softirq:0:softirqs:IRQ_POLL"), 0);
	assert_int_equal(th_u64(s, "softirq:0:softirqs:TASKLET"), 209);
	assert_int_equal(th_u64(s, "softirq:1:softirqs:SCHED"), 815209);
	assert_int_equal(th_u64(s, "softirq:0:softirqs:HRTIMER"), 1281);
	assert_int_equal(th_u64(s, "softirq:0:softirqs:RCU"), 605871);
	assert_int_equal(th_u64(s, "softirq:1:softirqs:RCU"), 532783);
	ks = dk_snap_find(s, "softirq", "1", "softirqs");
	assert_non_null(ks);
	assert_int_equal(ks->nstats, 10);
	assert_string_equal(ks->class, "intr");
	assert_string_equal(ks->source, "/proc/softirqs");
	assert_string_equal(th_warnings, "");
	dk_snap_free(s);
}

static void
test_kinds(void **state)
{
	struct dk_snap *s = th_collect("tests/fixtures/procfs", "softirq");
	const struct dk_stat *st = th_stat(s, "softirq:1:softirqs:NET_RX");

	(void)state;
	assert_non_null(st);
	assert_int_equal(st->kind, DK_K_COUNTER);
	assert_int_equal(st->width, 32);
	assert_string_equal(st->unit, "1");
	dk_snap_free(s);
}

/* CPUs named by the header, gaps kept; blank lines and tabs tolerated. */
static void
test_gaps(void **state)
{
	struct dk_snap *s = collect_text("    CPU0  CPU3   CPU12 \n"
					 "  HI:  1  2  3\n"
					 "\n"
					 "  RCU:\t4\t5\t4294967295\n");

	(void)state;
	assert_int_equal(dk_snap_count(s), 3);
	assert_int_equal(th_u64(s, "softirq:0:softirqs:HI"), 1);
	assert_int_equal(th_u64(s, "softirq:3:softirqs:HI"), 2);
	assert_int_equal(th_u64(s, "softirq:12:softirqs:HI"), 3);
	assert_int_equal(th_u64(s, "softirq:0:softirqs:RCU"), 4);
	assert_int_equal(th_u64(s, "softirq:3:softirqs:RCU"), 5);
	assert_int_equal(th_u64(s, "softirq:12:softirqs:RCU"), 4294967295u);
	assert_false(th_has(s, "softirq:1:softirqs"));
	assert_string_equal(th_warnings, "");
	dk_snap_free(s);
}

static void
test_malformed(void **state)
{
	static const struct th_bad cases[] = {
		{ "CPU0 CPU1\nHI: 1 2\nTIMER: 3\n",
		    "/proc/softirqs:3: fewer counts than CPUs" },
		{ "CPU0 CPU1\nHI: 1 2\nTIMER: 3 4 5\n",
		    "/proc/softirqs:3: more counts than CPUs" },
		{ "CPU0 CPU1\nHI: 1 2x\n",
		    "/proc/softirqs:2: bad softirq count" },
		{ "CPU0 CPU1\nHI: 1 2\nTIMER 3 4\n",
		    "/proc/softirqs:3: bad softirq label" },
		{ "CPU0 CPU1\nHI: 1 2\n: 3 4\n",
		    "/proc/softirqs:3: bad softirq label" },
		{ "CPU0 CPU1\nclass: 1 2\n",
		    "/proc/softirqs:2: reserved statistic name" },
		{ "CPU1 CPU1\nHI: 1 2\n", "/proc/softirqs:1: bad CPU header" },
		{ "CPU0 CPU\nHI: 1 2\n", "/proc/softirqs:1: bad CPU header" },
	};

	(void)state;
	th_expect_bad("proc/softirqs", "softirq", cases,
	    sizeof(cases) / sizeof(cases[0]));
}

/* More rows than the kernel has types: still read, up to a limit. */
static void
test_many_rows(void **state)
{
	char text[4096] = "CPU0\n";
	struct dk_snap *s;
	const struct dk_kstat *ks;
	size_t i, len;

	(void)state;
	for (i = 0; i < 64; i++) {
		len = strlen(text);
		text[len] = 'A';
		text[len + 1] = (char)('A' + i / 26);
		text[len + 2] = (char)('a' + i % 26);
		memcpy(text + len + 3, ": 1\n", 5);
	}
	s = collect_text(text);
	ks = dk_snap_find(s, "softirq", "0", "softirqs");
	assert_non_null(ks);
	assert_int_equal(ks->nstats, 64);
	dk_snap_free(s);
	len = strlen(text);
	memcpy(text + len, "ZZ: 1\n", 7);
	s = collect_text(text);
	assert_int_equal(dk_snap_count(s), 0);
	assert_string_equal(th_warnings,
	    "/proc/softirqs:66: too many softirq rows");
	dk_snap_free(s);
}

static void
test_missing_and_empty(void **state)
{
	struct dk_snap *s;

	(void)state;
	th_expect_absent("softirq");
	s = collect_text("");
	assert_int_equal(dk_snap_count(s), 0);
	assert_string_equal(th_warnings, "");
	dk_snap_free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_procfs_values),
		cmocka_unit_test(test_kinds),
		cmocka_unit_test(test_gaps),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_many_rows),
		cmocka_unit_test(test_missing_and_empty),
	};

	return cmocka_run_group_tests_name("softirq", tests, NULL, NULL);
}
