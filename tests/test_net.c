/*
 * test_net.c - the net provider on fixture trees.
 *
 * tests/fixtures/procfs/proc/net/dev has four interfaces (vethf345468, lo,
 * docker0, eth0); the odd cases (names that touch the numbers, an old alias
 * with a ':' in its name, short and bad lines) are written to temporary
 * roots.
 */
#include "helpers.h"

#include <stdio.h>
#include <string.h>

#define HEADER                                                               \
	"Inter-|   Receive                                                |" \
	"  Transmit\n"                                                       \
	" face |bytes    packets errs drop fifo frame compressed multicast|" \
	"bytes    packets errs drop fifo colls carrier compressed\n"

static const char *const names[] = { "rx_bytes", "rx_packets", "rx_errors",
	"rx_dropped", "rx_fifo_errors", "rx_frame_errors", "rx_compressed",
	"multicast", "tx_bytes", "tx_packets", "tx_errors", "tx_dropped",
	"tx_fifo_errors", "collisions", "tx_carrier_errors", "tx_compressed" };

#define NNAMES (sizeof(names) / sizeof(names[0]))

/* iface's stats kstat holds the 16 statistics, in order, with values v. */
static void
check_stats(struct dk_snap *s, const char *iface, const uint64_t *v)
{
	const struct dk_kstat *ks = dk_snap_find(s, "net", iface, "stats");
	size_t i;

	assert_non_null(ks);
	assert_int_equal(ks->nstats, NNAMES);
	for (i = 0; i < NNAMES; i++) {
		const struct dk_stat *st = dk_kstat_stat(ks, names[i]);

		if (st == NULL)
			fail_msg("%s:%s absent", iface, names[i]);
		if (dk_stat_u64(st) != v[i])
			fail_msg("%s:%s is %ju, want %ju", iface, names[i],
			    (uintmax_t)dk_stat_u64(st), (uintmax_t)v[i]);
	}
}

static void
test_procfs_values(void **state)
{
	struct dk_snap *s = th_collect("tests/fixtures/procfs", "net");
	/* eth0: 874354587 1036395 0 0 0 0 0 0 563352563 732147 0 0 0 0 0 0 */
	const uint64_t eth0[] = { 874354587, 1036395, 0, 0, 0, 0, 0, 0,
		563352563, 732147, 0, 0, 0, 0, 0, 0 };
	/* vethf345468:     648       8 ... 438       5 ... */
	const uint64_t veth[] = { 648, 8, 0, 0, 0, 0, 0, 0, 438, 5, 0, 0, 0, 0,
		0, 0 };
	const uint64_t lo[] = { 1664039048, 1566805, 0, 0, 0, 0, 0, 0,
		1664039048, 1566805, 0, 0, 0, 0, 0, 0 };
	const uint64_t docker0[] = { 2568, 38, 0, 0, 0, 0, 0, 0, 438, 5, 0, 0,
		0, 0, 0, 0 };

	(void)state;
	check_stats(s, "eth0", eth0);
	check_stats(s, "vethf345468", veth);
	check_stats(s, "lo", lo);
	check_stats(s, "docker0", docker0);
	assert_int_equal(dk_snap_count(s), 4);
	assert_string_equal(th_warnings, "");
	dk_snap_free(s);
}

static void
test_metadata(void **state)
{
	struct dk_snap *s = th_collect("tests/fixtures/procfs", "net");
	const struct dk_kstat *ks = dk_snap_find(s, "net", "eth0", "stats");
	size_t i;

	(void)state;
	assert_non_null(ks);
	assert_string_equal(ks->class, "net");
	assert_string_equal(ks->source, "/proc/net/dev");
	for (i = 0; i < NNAMES; i++) {
		const struct dk_stat *st = dk_kstat_stat(ks, names[i]);
		const char *unit = strstr(names[i], "bytes") ? "bytes" : "1";

		assert_non_null(st);
		assert_int_equal(st->kind, DK_K_COUNTER);
		assert_int_equal(st->type, DK_T_UINT64);
		assert_int_equal(st->width, 64);
		assert_string_equal(st->unit, unit);
	}
	dk_snap_free(s);
}

/* Names that touch the first number, an alias, 64-bit values, extras. */
static void
test_names(void **state)
{
	char *root = th_tmpdir();
	struct dk_snap *s;
	const uint64_t touch[] = { 1234, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13,
		14, 15, 16 };
	const uint64_t big[] = { UINT64_MAX, 1, 0, 0, 0, 0, 0, 0,
		18446744073709551614u, 1, 0, 0, 0, 0, 0, 0 };
	const uint64_t alias[] = { 7, 1, 0, 0, 0, 0, 0, 0, 9, 1, 0, 0, 0, 0, 0,
		99 };

	(void)state;
	th_write(root, "proc/net/dev",
	    HEADER "  eth0:1234 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16\n"
		   "wlp0s20f3:18446744073709551615 1 0 0 0 0 0 0 "
		   "18446744073709551614 1 0 0 0 0 0 0\n"
		   "eth0:1:\t7 1 0 0 0 0 0 0 9 1 0 0 0 0 0 99 100 101\n"
		   "\n");
	s = th_collect(root, "net");
	assert_string_equal(th_warnings, "");
	check_stats(s, "eth0", touch);
	check_stats(s, "wlp0s20f3", big);
	check_stats(s, "eth0:1", alias);
	assert_int_equal(dk_snap_count(s), 3);
	dk_snap_free(s);
	th_rmtree(root);
}

static void
expect_bad(const char *lines, const char *warning)
{
	char *root = th_tmpdir();
	char text[1024];
	struct dk_snap *s;

	(void)snprintf(text, sizeof(text), "%s%s%s", HEADER,
	    "    lo: 1 1 0 0 0 0 0 0 1 1 0 0 0 0 0 0\n", lines);
	th_write(root, "proc/net/dev", text);
	s = th_collect(root, "net");
	assert_int_equal(dk_snap_count(s), 0);
	assert_string_equal(th_warnings, warning);
	dk_snap_free(s);
	th_rmtree(root);
}

static void
test_malformed(void **state)
{
	(void)state;
	expect_bad("  eth0: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15\n",
	    "/proc/net/dev:4: net/dev line has fewer than 16 numbers");
	expect_bad("  eth0: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 -1\n",
	    "/proc/net/dev:4: bad number in net/dev line");
	expect_bad("  eth0: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16x\n",
	    "/proc/net/dev:4: bad number in net/dev line");
	expect_bad("  eth0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16\n",
	    "/proc/net/dev:4: missing ':' after interface name");
	expect_bad("  : 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16\n",
	    "/proc/net/dev:4: empty interface name");
}

static void
test_missing(void **state)
{
	char *root = th_tmpdir();
	struct dk_snap *s;

	(void)state;
	s = th_collect(root, "net");
	assert_int_equal(dk_snap_count(s), 0);
	assert_string_equal(th_warnings, "");
	dk_snap_free(s);
	/* Headers only: no interfaces, no error. */
	th_write(root, "proc/net/dev", HEADER);
	s = th_collect(root, "net");
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
		cmocka_unit_test(test_metadata),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_missing),
	};

	return cmocka_run_group_tests_name("net", tests, NULL, NULL);
}
