/* test_vm.c - the vm provider on fixture trees. */
#include "helpers.h"

#include <string.h>

static void
assert_kind(const struct dk_snap *s, const char *key, enum dk_kind kind,
    unsigned width, const char *unit)
{
	const struct dk_stat *st = th_stat(s, key);

	if (st == NULL)
		fail_msg("no statistic %s", key);
	assert_int_equal(st->kind, kind);
	assert_int_equal(st->width, width);
	assert_string_equal(st->unit, unit);
}

static void
test_linux618_values(void **state)
{
	struct dk_snap *s = th_collect("tests/fixtures/linux-6.18", "vm");
	const struct dk_kstat *ks = dk_snap_find(s, "vm", "0", "vmstat");
	size_t i, gauges = 0;

	(void)state;
	assert_non_null(ks);
	assert_string_equal(ks->class, "vm");
	assert_string_equal(ks->source, "/proc/vmstat");
	/* 192 lines, 52 of them nr_ (the trailing nr_unstable included). */
	assert_int_equal(ks->nstats, 192);
	for (i = 0; i < ks->nstats; i++) {
		const struct dk_stat *st = &ks->stats[i];

		assert_int_equal(st->type, DK_T_UINT64);
		if (strncmp(st->name, "nr_", 3) == 0) {
			assert_int_equal(st->kind, DK_K_GAUGE);
			gauges++;
		} else {
			assert_int_equal(st->kind, DK_K_COUNTER);
			assert_int_equal(st->width, 64);
		}
	}
	assert_int_equal(gauges, 52);
	assert_int_equal(th_u64(s, "vm:0:vmstat:nr_free_pages"), 1047469);
	assert_kind(s, "vm:0:vmstat:nr_free_pages", DK_K_GAUGE, 0, "pages");
	assert_int_equal(th_u64(s, "vm:0:vmstat:nr_dirty_threshold"), 1220047);
	assert_kind(s, "vm:0:vmstat:nr_dirty_threshold", DK_K_GAUGE, 0,
	    "pages");
	assert_int_equal(th_u64(s, "vm:0:vmstat:nr_zone_write_pending"), 297);
	/* nr_kernel_stack is NR_KERNEL_STACK_KB: KiB, as KernelStack. */
	assert_int_equal(th_u64(s, "vm:0:vmstat:nr_kernel_stack"), 1380);
	assert_kind(s, "vm:0:vmstat:nr_kernel_stack", DK_K_GAUGE, 0, "KiB");
	assert_int_equal(th_u64(s, "vm:0:vmstat:pgpgin"), 1289237);
	assert_kind(s, "vm:0:vmstat:pgpgin", DK_K_COUNTER, 64, "KiB");
	assert_int_equal(th_u64(s, "vm:0:vmstat:pgpgout"), 242816);
	assert_kind(s, "vm:0:vmstat:pgpgout", DK_K_COUNTER, 64, "KiB");
	assert_int_equal(th_u64(s, "vm:0:vmstat:pswpin"), 0);
	assert_kind(s, "vm:0:vmstat:pswpin", DK_K_COUNTER, 64, "pages");
	assert_kind(s, "vm:0:vmstat:pswpout", DK_K_COUNTER, 64, "pages");
	assert_int_equal(th_u64(s, "vm:0:vmstat:pgfault"), 1317357);
	assert_kind(s, "vm:0:vmstat:pgfault", DK_K_COUNTER, 64, "1");
	assert_int_equal(th_u64(s, "vm:0:vmstat:numa_hit"), 1234186);
	assert_int_equal(th_u64(s, "vm:0:vmstat:workingset_refault_file"),
	    64867);
	assert_kind(s, "vm:0:vmstat:nr_unstable", DK_K_GAUGE, 0, "pages");
	assert_string_equal(th_warnings, "");
	dk_snap_free(s);
}

static void
test_negative_state(void **state)
{
	char *root = th_tmpdir();
	struct dk_snap *s;
	const struct dk_stat *st;

	(void)state;
	th_write(root, "proc/vmstat",
	    "nr_zone_write_pending -3\nnr_shadow_call_stack 16\n"
	    "pgfault 18446744073709551615\n");
	s = th_collect(root, "vm");
	st = th_stat(s, "vm:0:vmstat:nr_zone_write_pending");
	assert_non_null(st);
	assert_int_equal(st->type, DK_T_INT64);
	assert_int_equal(st->kind, DK_K_GAUGE);
	assert_int_equal(st->v.i, -3);
	assert_string_equal(st->unit, "pages");
	assert_int_equal(th_u64(s, "vm:0:vmstat:nr_shadow_call_stack"), 16);
	assert_kind(s, "vm:0:vmstat:nr_shadow_call_stack", DK_K_GAUGE, 0,
	    "KiB");
	assert_int_equal(th_u64(s, "vm:0:vmstat:pgfault"), UINT64_MAX);
	assert_string_equal(th_warnings, "");
	dk_snap_free(s);
	th_rmtree(root);
}

static void
test_malformed(void **state)
{
	static const struct th_bad cases[] = {
		{ "nr_free_pages 5\npgfault -1\n",
		    "/proc/vmstat:2: negative event count" },
		{ "nr_free_pages 5\npgfault 12x\n",
		    "/proc/vmstat:2: bad number" },
		{ "pgfault\n", "/proc/vmstat:1: bad number" },
		{ "pgfault 1 2\n", "/proc/vmstat:1: bad number" },
		{ "nr_free_pages -x\n", "/proc/vmstat:1: bad number" },
		{ "pgfault 18446744073709551616\n",
		    "/proc/vmstat:1: bad number" },
		{ "pgfault 1\nsnaptime 1\n", "/proc/vmstat:2: bad name" },
	};

	(void)state;
	th_expect_bad("proc/vmstat", "vm", cases,
	    sizeof(cases) / sizeof(cases[0]));
}

/* The running kernel's file parses, whatever its item set. */
static void
test_live(void **state)
{
	struct dk_snap *s = th_collect("/", "vm");

	(void)state;
	assert_string_equal(th_warnings, "");
	assert_true(th_u64(s, "vm:0:vmstat:pgfault") > 0);
	assert_kind(s, "vm:0:vmstat:nr_free_pages", DK_K_GAUGE, 0, "pages");
	dk_snap_free(s);
}

static void
test_missing(void **state)
{
	(void)state;
	th_expect_absent("vm");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_linux618_values),
		cmocka_unit_test(test_negative_state),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_live),
		cmocka_unit_test(test_missing),
	};

	return cmocka_run_group_tests_name("vm", tests, NULL, NULL);
}
