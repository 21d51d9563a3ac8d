/* test_record.c - ordering, naming and counter deltas of records. */
#include "helpers.h"

#include <string.h>

#include "../lib/record.h"

static int
sign(int c)
{
	return c < 0 ? -1 : c > 0 ? 1 : 0;
}

/* cmp(a, b) has sign want, and cmp(b, a) the opposite. */
static void
inst_order(const char *a, const char *b, int want)
{
	int ab = sign(dk_instance_cmp(a, b)), ba = sign(dk_instance_cmp(b, a));

	if (ab != want || ba != -want)
		fail_msg("dk_instance_cmp(\"%s\", \"%s\") = %d, reverse %d, "
			 "want %d",
		    a, b, ab, ba, want);
}

static void
stat_order(const char *a, const char *b, int want)
{
	int ab = sign(dk_stat_name_cmp(a, b)),
	    ba = sign(dk_stat_name_cmp(b, a));

	if (ab != want || ba != -want)
		fail_msg("dk_stat_name_cmp(\"%s\", \"%s\") = %d, reverse %d, "
			 "want %d",
		    a, b, ab, ba, want);
}

static void
test_is_numeric(void **state)
{
	(void)state;
	assert_true(dk_is_numeric("0"));
	assert_true(dk_is_numeric("0042"));
	assert_true(dk_is_numeric("123456789012345678901234567890"));
	assert_false(dk_is_numeric(""));
	assert_false(dk_is_numeric("-1"));
	assert_false(dk_is_numeric("1a"));
	assert_false(dk_is_numeric(" 1"));
	assert_false(dk_is_numeric("total"));
}

static void
test_instance_cmp(void **state)
{
	(void)state;
	inst_order("0", "0", 0);
	inst_order("2", "10", -1);
	inst_order("9", "10", -1);
	inst_order("10", "11", -1);
	inst_order("100", "99", 1);
	/* Leading zeros do not make a number bigger. */
	inst_order("007", "10", -1);
	inst_order("0010", "9", 1);
	inst_order("000", "1", -1);
	/* Beyond 64 bits, still by value. */
	inst_order("123456789012345678901234567890", "2", 1);
	inst_order("123456789012345678901234567890",
	    "123456789012345678901234567891", -1);
	/* Numbers first, then text in byte order. */
	inst_order("99", "total", -1);
	inst_order("0", "-1", -1);
	inst_order("1", "1a", -1);
	inst_order("eth0", "lo", -1);
	inst_order("eth10", "eth2", -1); /* text: byte order */
	inst_order("Z", "a", -1);
	inst_order("", "0", 1);
	inst_order("", "a", -1);
}

/*
 * Different strings never compare equal, or sorting and dk_snap_find
 * would mix up "7" and "007": same value, then byte order.
 */
static void
test_instance_cmp_total(void **state)
{
	(void)state;
	inst_order("007", "7", -1);
	inst_order("0", "00", -1);
	inst_order("01", "1", -1);
	inst_order("010", "9", 1);
}

static void
test_stat_name_cmp(void **state)
{
	(void)state;
	stat_order("a", "a", 0);
	/* As kstat: plain byte order of the lower-cased names. */
	stat_order("avenrun_15min", "avenrun_1min", -1);
	stat_order("avenrun_1min", "avenrun_5min", -1);
	stat_order("MemFree", "memtotal", -1);
	stat_order("Cached", "class", -1);
	stat_order("class", "crtime", -1);
	stat_order("crtime", "ctx", -1);
	stat_order("snap", "snaptime", -1);
	stat_order("cpu10", "cpu2", -1);
	/* Same letters: upper case first (byte order breaks the tie). */
	stat_order("Abc", "abc", -1);
	stat_order("ABC", "aBc", -1);
	/* Compared lower-cased: '_' (0x5f) sorts before every letter. */
	stat_order("_x", "a", -1);
	stat_order("_x", "A", -1);
}

static void
test_kstat_cmp_find(void **state)
{
	struct dk_stat st[3] = {
		{ .name = "Active", .unit = "bytes", .type = DK_T_UINT64 },
		{ .name = "avenrun_15min", .unit = "1", .type = DK_T_UINT64 },
		{ .name = "avenrun_1min", .unit = "1", .type = DK_T_UINT64 },
	};
	struct dk_kstat a = { .module = "cpu",
		.instance = "2",
		.name = "times",
		.stats = st,
		.nstats = 3,
		.sorted = 1 };
	struct dk_kstat b = { .module = "cpu",
		.instance = "10",
		.name = "times" };
	struct dk_kstat c = { .module = "cpu",
		.instance = "10",
		.name = "util" };
	struct dk_kstat d = { .module = "cpux", .instance = "0", .name = "a" };

	(void)state;
	assert_true(dk_kstat_cmp(&a, &b) < 0);
	assert_true(dk_kstat_cmp(&b, &c) < 0);
	assert_true(dk_kstat_cmp(&c, &d) < 0);
	assert_true(dk_kstat_cmp(&d, &a) > 0);
	assert_int_equal(dk_kstat_cmp(&a, &a), 0);
	assert_ptr_equal(dk_kstat_stat(&a, "Active"), &st[0]);
	assert_ptr_equal(dk_kstat_stat(&a, "avenrun_15min"), &st[1]);
	assert_ptr_equal(dk_kstat_stat(&a, "avenrun_1min"), &st[2]);
	assert_null(dk_kstat_stat(&a, "active"));
	assert_null(dk_kstat_stat(&a, "avenrun_5min"));
	assert_null(dk_kstat_stat(&b, "Active"));
}

/* Look-ups in a kstat whose statistics are in the source's order. */
static void
test_stat_unsorted(void **state)
{
	struct dk_stat st[4] = {
		{ .name = "user", .unit = "ns", .type = DK_T_UINT64 },
		{ .name = "nice", .unit = "ns", .type = DK_T_UINT64 },
		{ .name = "system", .unit = "ns", .type = DK_T_UINT64 },
		{ .name = "idle", .unit = "ns", .type = DK_T_UINT64 },
	};
	struct dk_kstat ks = { .module = "cpu",
		.instance = "0",
		.name = "times",
		.stats = st,
		.nstats = 4,
		.sorted = 0 };
	size_t hint = 0;

	(void)state;
	assert_ptr_equal(dk_kstat_stat(&ks, "user"), &st[0]);
	assert_ptr_equal(dk_kstat_stat(&ks, "idle"), &st[3]);
	assert_null(dk_kstat_stat(&ks, "iowait"));
	assert_null(dk_kstat_stat(&ks, "User"));
	assert_ptr_equal(dk_kstat_stat_hint(&ks, "system", &hint), &st[2]);
	assert_int_equal(hint, 2);
	assert_ptr_equal(dk_kstat_stat_hint(&ks, "system", &hint), &st[2]);
	assert_int_equal(hint, 2);
	assert_ptr_equal(dk_kstat_stat_hint(&ks, "nice", &hint), &st[1]);
	assert_int_equal(hint, 1);
	assert_null(dk_kstat_stat_hint(&ks, "steal", &hint));
	assert_int_equal(hint, 1);
	hint = 99; /* out of range: searched from the start */
	assert_ptr_equal(dk_kstat_stat_hint(&ks, "idle", &hint), &st[3]);
	assert_int_equal(hint, 3);
}

static void
test_names(void **state)
{
	(void)state;
	assert_string_equal(dk_type_name(DK_T_INT32), "int32");
	assert_string_equal(dk_type_name(DK_T_UINT32), "uint32");
	assert_string_equal(dk_type_name(DK_T_INT64), "int64");
	assert_string_equal(dk_type_name(DK_T_UINT64), "uint64");
	assert_string_equal(dk_type_name(DK_T_DOUBLE), "double");
	assert_string_equal(dk_type_name(DK_T_STRING), "string");
	assert_string_equal(dk_type_name(DK_T_HRTIME), "hrtime");
	assert_string_equal(dk_type_name((enum dk_type)99), "?");
	assert_string_equal(dk_kind_name(DK_K_COUNTER), "counter");
	assert_string_equal(dk_kind_name(DK_K_GAUGE), "gauge");
	assert_string_equal(dk_kind_name(DK_K_TIMESTAMP), "timestamp");
	assert_string_equal(dk_kind_name(DK_K_INFO), "info");
	assert_string_equal(dk_kind_name((enum dk_kind)7), "?");
}

static void
test_reserved(void **state)
{
	(void)state;
	assert_true(dk_stat_name_reserved("class", 5));
	assert_true(dk_stat_name_reserved("crtime", 6));
	assert_true(dk_stat_name_reserved("snaptime", 8));
	assert_true(dk_stat_name_reserved("snaptime_ns", 8)); /* by length */
	assert_false(dk_stat_name_reserved("snaptime_ns", 11));
	assert_false(dk_stat_name_reserved("classes", 7));
	assert_false(dk_stat_name_reserved("crtim", 5));
	assert_false(dk_stat_name_reserved("Class", 5));
	assert_false(dk_stat_name_reserved("", 0));
}

static void
test_values(void **state)
{
	struct dk_stat neg = { .type = DK_T_INT64, .v.i = -5 };
	struct dk_stat i32 = { .type = DK_T_INT32, .v.i = 70000 };
	struct dk_stat u = { .type = DK_T_UINT64, .v.u = UINT64_MAX };
	struct dk_stat hr = { .type = DK_T_HRTIME, .v.u = 1500000000 };
	struct dk_stat d = { .type = DK_T_DOUBLE, .v.d = 2.9 };
	struct dk_stat dn = { .type = DK_T_DOUBLE, .v.d = -2.9 };
	struct dk_stat s = { .type = DK_T_STRING, .v.s = "123" };

	(void)state;
	assert_int_equal(dk_stat_u64(&neg), 0);
	assert_int_equal(dk_stat_u64(&i32), 70000);
	assert_true(dk_stat_u64(&u) == UINT64_MAX);
	assert_int_equal(dk_stat_u64(&hr), 1500000000);
	assert_int_equal(dk_stat_u64(&d), 2);
	assert_int_equal(dk_stat_u64(&dn), 0);
	assert_int_equal(dk_stat_u64(&s), 0);
	assert_true(dk_stat_double(&neg) == -5.0);
	assert_true(dk_stat_double(&d) == 2.9);
	assert_true(dk_stat_double(&hr) == 1500000000.0);
	assert_true(dk_stat_double(&s) == 0.0);
}

/* A uint64 counter of the given width and scale. */
static struct dk_stat
counter(uint64_t v, unsigned width, uint32_t scale)
{
	struct dk_stat st = { .name = "c",
		.unit = "1",
		.type = DK_T_UINT64,
		.kind = DK_K_COUNTER,
		.width = (uint8_t)width,
		.scale = scale };

	st.v.u = v;
	return st;
}

/* Delta of old -> cur; rc is the wanted return value. */
static void
delta_is(uint64_t old, uint64_t cur, unsigned width, uint32_t scale, int rc,
    uint64_t want)
{
	struct dk_stat a = counter(old, width, scale);
	struct dk_stat b = counter(cur, width, scale);
	uint64_t d = 777;
	int got = dk_counter_delta(&a, &b, &d);

	if (got != rc)
		fail_msg("delta %ju -> %ju (width %u, scale %u) returned %d, "
			 "want %d",
		    (uintmax_t)old, (uintmax_t)cur, width, scale, got, rc);
	if (rc == 0 && d != want)
		fail_msg(
		    "delta %ju -> %ju (width %u, scale %u) = %ju, want %ju",
		    (uintmax_t)old, (uintmax_t)cur, width, scale, (uintmax_t)d,
		    (uintmax_t)want);
}

static void
test_delta_plain(void **state)
{
	(void)state;
	delta_is(100, 250, 64, 1, 0, 150);
	delta_is(250, 250, 64, 1, 0, 0);
	delta_is(0, UINT64_MAX, 64, 1, 0, UINT64_MAX);
	delta_is(100, 250, 64, 0, 0, 150); /* scale 0 means 1 */
	delta_is(100, 250, 32, 1, 0, 150);
}

static void
test_delta_wrap32(void **state)
{
	(void)state;
	/* 4294967290 + 11 = 2^32 + 5. */
	delta_is(4294967290u, 5, 32, 1, 0, 11);
	delta_is(4294967295u, 0, 32, 1, 0, 1);
	/* The largest wrap believed: half the range. */
	delta_is(2147483649u, 0, 32, 1, 0, 2147483647u);
	delta_is(2147483648u, 0, 32, 1, -1, 0);
	/* A 16-bit counter. */
	delta_is(65530, 4, 16, 1, 0, 10);
}

static void
test_delta_reset(void **state)
{
	(void)state;
	/* Back to almost zero from a small value: a restart, not a wrap. */
	delta_is(1000000, 10, 32, 1, -1, 0);
	delta_is(500, 499, 32, 1, -1, 0);
	/* A 64-bit counter that goes backwards never wrapped. */
	delta_is(UINT64_MAX, 5, 64, 1, -1, 0);
	delta_is(10, 5, 0, 1, -1, 0); /* width 0: no wrap known */
	/* The old value did not fit the width: not a wrap either. */
	delta_is(4294967296u, 5, 32, 1, -1, 0);
}

/*
 * diskstats' millisecond fields: the kernel keeps ms in 32 bits, dstatk
 * shows ns (scale 1000000), so the ns value wraps at 2^32 ms.
 */
static void
test_delta_scaled(void **state)
{
	const uint64_t ms = 1000000;

	(void)state;
	delta_is(1000 * ms, 1500 * ms, 32, 1000000, 0, 500 * ms);
	/* 4294967295 ms, then 4 ms: 5 ms went by. */
	delta_is(4294967295u * ms, 4 * ms, 32, 1000000, 0, 5 * ms);
	delta_is(4294967290u * ms, 0, 32, 1000000, 0, 6 * ms);
	/* Backwards far: a reset. */
	delta_is(3000000 * ms, 10 * ms, 32, 1000000, -1, 0);
	/* One ms backwards is a reset, not a wrap of almost 2^32 ms. */
	delta_is(4294967295u * ms, 4294967294u * ms, 32, 1000000, -1, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_is_numeric),
		cmocka_unit_test(test_instance_cmp),
		cmocka_unit_test(test_instance_cmp_total),
		cmocka_unit_test(test_stat_name_cmp),
		cmocka_unit_test(test_kstat_cmp_find),
		cmocka_unit_test(test_stat_unsorted),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_reserved),
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_delta_plain),
		cmocka_unit_test(test_delta_wrap32),
		cmocka_unit_test(test_delta_reset),
		cmocka_unit_test(test_delta_scaled),
	};

	return cmocka_run_group_tests_name("record", tests, NULL, NULL);
}
