/* test_intr.c - the intr provider on fixture trees. */
#include "helpers.h"

#include <string.h>

/* The string value of a statistic; fails the test if absent. */
static const char *
str(const struct dk_snap *s, const char *key)
{
	const struct dk_stat *st = th_stat(s, key);

	if (st == NULL)
		fail_msg("no statistic %s", key);
	assert_int_equal(st->type, DK_T_STRING);
	return st->v.s;
}

static size_t
nstats(const struct dk_snap *s, const char *irq)
{
	const struct dk_kstat *ks = dk_snap_find(s, "intr", irq, "irq");

	if (ks == NULL)
		fail_msg("no kstat intr:%s:irq", irq);
	return ks->nstats;
}

/* A temporary root holding one /proc/interrupts, collected. */
static struct dk_snap *
collect_text(const char *text)
{
	char *root = th_tmpdir();
	struct dk_snap *s;

	th_write(root, "proc/interrupts", text);
	s = th_collect(root, "intr");
	th_rmtree(root);
	return s;
}

static void
test_procfs_values(void **state)
{
	struct dk_snap *s = th_collect("tests/fixtures/procfs", "intr");

	(void)state;
	/* 47 rows, one empty line after MIS skipped. */
	assert_int_equal(dk_snap_count(s), 47);
	/* 0:         49          0          0          0   IO-APIC ... */
	assert_int_equal(th_u64(s, "intr:0:irq:cpu0"), 49);
	assert_int_equal(th_u64(s, "intr:0:irq:cpu3"), 0);
	assert_string_equal(str(s, "intr:0:irq:description"),
	    "IO-APIC 2-edge timer");
	assert_int_equal(nstats(s, "0"), 5);
	assert_int_equal(th_u64(s, "intr:1:irq:cpu3"), 9);
	assert_int_equal(th_u64(s, "intr:29:irq:cpu0"), 1362);
	assert_int_equal(th_u64(s, "intr:29:irq:cpu3"), 934);
	assert_string_equal(str(s, "intr:29:irq:description"),
	    "PCI-MSI 512000-edge ahci[0000:00:1f.2]");
	assert_int_equal(th_u64(s, "intr:36:irq:cpu1"), 335);
	assert_int_equal(th_u64(s, "intr:36:irq:cpu2"), 37);
	/* LOC:      10196       7429       8542       8229   Local timer ... */
	assert_int_equal(th_u64(s, "intr:LOC:irq:cpu0"), 10196);
	assert_int_equal(th_u64(s, "intr:LOC:irq:cpu1"), 7429);
	assert_int_equal(th_u64(s, "intr:LOC:irq:cpu2"), 8542);
	assert_int_equal(th_u64(s, "intr:LOC:irq:cpu3"), 8229);
	assert_string_equal(str(s, "intr:LOC:irq:description"),
	    "Local timer interrupts");
	assert_int_equal(th_u64(s, "intr:RES:irq:cpu3"), 12675);
	assert_int_equal(th_u64(s, "intr:MCP:irq:cpu2"), 1);
	/* ERR:          0 is one global count, no description. */
	assert_int_equal(th_u64(s, "intr:ERR:irq:count"), 0);
	assert_int_equal(nstats(s, "ERR"), 1);
	assert_int_equal(nstats(s, "MIS"), 1);
	assert_string_equal(str(s, "intr:PIW:irq:description"),
	    "Posted-interrupt wakeup event");
	assert_string_equal(th_warnings, "");
	dk_snap_free(s);
}

static void
test_kinds(void **state)
{
	struct dk_snap *s = th_collect("tests/fixtures/procfs", "intr");
	const struct dk_kstat *ks = dk_snap_find(s, "intr", "LOC", "irq");
	const struct dk_stat *st;

	(void)state;
	assert_non_null(ks);
	assert_string_equal(ks->class, "intr");
	assert_string_equal(ks->source, "/proc/interrupts");
	st = th_stat(s, "intr:LOC:irq:cpu1");
	assert_non_null(st);
	assert_int_equal(st->kind, DK_K_COUNTER);
	assert_int_equal(st->width, 32);
	assert_string_equal(st->unit, "1");
	st = th_stat(s, "intr:MIS:irq:count");
	assert_non_null(st);
	assert_int_equal(st->kind, DK_K_COUNTER);
	assert_int_equal(st->width, 32);
	st = th_stat(s, "intr:LOC:irq:description");
	assert_non_null(st);
	assert_int_equal(st->kind, DK_K_INFO);
	dk_snap_free(s);
}

/*
 * Offline CPUs leave gaps in the header; a row may have fewer counts than
 * CPUs; a chip name that starts with digits is not a count; the live
 * kernel's one-blank gap before a long chip name.
 */
static void
test_gaps_and_short_rows(void **state)
{
	struct dk_snap *s =
	    collect_text("      CPU0   CPU2   CPU5\n"
			 "  7:  1   2   3   chip   7-edge   foo\n"
			 "  8:  4   5\n"
			 "  9:  6 12-edge x\n"
			 " 28:  0   0   4294967295 "
			 "PCI-MSIX-0000:00:01.0   0-edge  v0\n"
			 "ERR:  42\n"
			 "MIS:  43\n");

	(void)state;
	assert_int_equal(dk_snap_count(s), 6);
	assert_int_equal(th_u64(s, "intr:7:irq:cpu0"), 1);
	assert_int_equal(th_u64(s, "intr:7:irq:cpu2"), 2);
	assert_int_equal(th_u64(s, "intr:7:irq:cpu5"), 3);
	assert_null(th_stat(s, "intr:7:irq:cpu1"));
	assert_string_equal(str(s, "intr:7:irq:description"),
	    "chip 7-edge foo");
	assert_int_equal(th_u64(s, "intr:8:irq:cpu0"), 4);
	assert_int_equal(th_u64(s, "intr:8:irq:cpu2"), 5);
	assert_int_equal(nstats(s, "8"), 2);
	assert_int_equal(th_u64(s, "intr:9:irq:cpu0"), 6);
	assert_int_equal(nstats(s, "9"), 2);
	assert_string_equal(str(s, "intr:9:irq:description"), "12-edge x");
	assert_int_equal(th_u64(s, "intr:28:irq:cpu5"), 4294967295u);
	assert_string_equal(str(s, "intr:28:irq:description"),
	    "PCI-MSIX-0000:00:01.0 0-edge v0");
	assert_int_equal(th_u64(s, "intr:ERR:irq:count"), 42);
	assert_int_equal(th_u64(s, "intr:MIS:irq:count"), 43);
	assert_string_equal(th_warnings, "");
	dk_snap_free(s);
}

/* With one CPU, ERR still gives count (and 32-bit ARM's Err too). */
static void
test_one_cpu(void **state)
{
	struct dk_snap *s = collect_text("           CPU0\n"
					 "  1:          9   GIC  1 Level  t\n"
					 "Err:          7\n"
					 "ERR:          8\n");

	(void)state;
	assert_int_equal(dk_snap_count(s), 3);
	assert_int_equal(th_u64(s, "intr:1:irq:cpu0"), 9);
	assert_int_equal(th_u64(s, "intr:Err:irq:count"), 7);
	assert_int_equal(th_u64(s, "intr:ERR:irq:count"), 8);
	assert_null(th_stat(s, "intr:ERR:irq:cpu0"));
	dk_snap_free(s);
}

static void
test_malformed(void **state)
{
	static const struct th_bad cases[] = {
		{ "CPU0 CPU1\n  0: 1 2\n  5: x\n",
		    "/proc/interrupts:3: no interrupt counts" },
		{ "CPU0 CPU1\n  0: 1 2\n  5:\n",
		    "/proc/interrupts:3: no interrupt counts" },
		{ "CPU0 CPU1\n  0: 1 2\nERR: 1x\n",
		    "/proc/interrupts:3: no interrupt counts" },
		{ "CPU0 CPU1\n  0: 1 2\n  5 1 2\n",
		    "/proc/interrupts:3: bad interrupt label" },
		{ "CPU0 CPU1\n  0: 1 2\n  : 1 2\n",
		    "/proc/interrupts:3: bad interrupt label" },
		{ "CPU0 CPUx\n  0: 1 2\n",
		    "/proc/interrupts:1: bad CPU header" },
		{ "CPU2 CPU0\n  0: 1 2\n",
		    "/proc/interrupts:1: bad CPU header" },
		{ "CPU0 CPU0\n  0: 1 2\n",
		    "/proc/interrupts:1: bad CPU header" },
		{ "\n  0: 1 2\n", "/proc/interrupts:1: bad CPU header" },
		{ "CPU0 cpu1\n  0: 1 2\n",
		    "/proc/interrupts:1: bad CPU header" },
	};

	(void)state;
	th_expect_bad("proc/interrupts", "intr", cases,
	    sizeof(cases) / sizeof(cases[0]));
}

static void
test_missing_and_empty(void **state)
{
	struct dk_snap *s;

	(void)state;
	th_expect_absent("intr");
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
		cmocka_unit_test(test_gaps_and_short_rows),
		cmocka_unit_test(test_one_cpu),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_missing_and_empty),
	};

	return cmocka_run_group_tests_name("intr", tests, NULL, NULL);
}
