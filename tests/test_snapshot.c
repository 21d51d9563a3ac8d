/* test_snapshot.c - building, sorting and reusing a snapshot by hand. */
#include "helpers.h"

#include <stdio.h>
#include <string.h>

#include "../lib/snapshot.h"

/* The statistic names of a kstat, joined with ','. */
static void
names_are(const struct dk_kstat *ks, const char *want)
{
	char got[512] = "";
	size_t i;

	for (i = 0; i < ks->nstats; i++) {
		size_t used = strlen(got);

		(void)snprintf(got + used, sizeof(got) - used, "%s%s",
		    i != 0 ? "," : "", ks->stats[i].name);
	}
	assert_string_equal(got, want);
}

/* The keys of every kstat, joined with ' '. */
static void
keys_are(const struct dk_snap *s, const char *want)
{
	char got[1024] = "";
	size_t i;

	for (i = 0; i < dk_snap_count(s); i++) {
		const struct dk_kstat *ks = dk_snap_kstat(s, i);
		size_t used = strlen(got);

		(void)snprintf(got + used, sizeof(got) - used, "%s%s:%s:%s",
		    i != 0 ? " " : "", ks->module, ks->instance, ks->name);
	}
	assert_string_equal(got, want);
}

static void
test_build_sort(void **state)
{
	struct dk_snap *s = dk_snap_new();
	const struct dk_kstat *ks;

	(void)state;
	assert_non_null(s);
	dk_snap_set_time(s, 5000);
	assert_int_equal(dk_snap_begins(s, "cpu", "10", "times", "cpu",
			     "/proc/stat"),
	    0);
	assert_int_equal(dk_snap_counter(s, "user", 11, 64, "ns"), 0);
	assert_int_equal(dk_snap_counter(s, "idle", 12, 64, "ns"), 0);
	dk_snap_set_time(s, 6000);
	assert_int_equal(dk_snap_begins(s, "cpu", "2", "times", "cpu",
			     "/proc/stat"),
	    0);
	assert_int_equal(dk_snap_counter(s, "user", 21, 64, "ns"), 0);
	assert_int_equal(dk_snap_begins(s, "cpu", "total", "times", "cpu",
			     "/proc/stat"),
	    0);
	assert_int_equal(dk_snap_begins(s, "load", "0", "loadavg", "misc",
			     "/proc/loadavg"),
	    0);
	assert_int_equal(dk_snap_double(s, "avg1", 0.05, "1"), 0);
	assert_int_equal(dk_snap_gauge_i64(s, "prio", -2, "1"), 0);
	assert_int_equal(dk_snap_gauge(s, "big", UINT64_MAX, "bytes"), 0);
	assert_int_equal(dk_snap_info_u64(s, "last_pid", 4242), 0);
	assert_int_equal(dk_snap_string(s, "type", "partition", 4), 0);
	assert_int_equal(dk_snap_counter_scaled(s, "avenrun_1min", 7, 32,
			     1000000, "ns"),
	    0);
	assert_int_equal(dk_snap_counter(s, "avenrun_15min", 8, 32, "1"), 0);
	assert_int_equal(dk_snap_begins(s, "cpu", "0", "times", "cpu",
			     "/proc/stat"),
	    0);
	/* Set after the begin: applies to kstats begun later only. */
	dk_snap_set_time(s, 7000);
	dk_snap_finish(s);
	assert_int_equal(dk_snap_failed(s), 0);

	assert_int_equal(dk_snap_count(s), 5);
	keys_are(s,
	    "cpu:0:times cpu:2:times cpu:10:times cpu:total:times "
	    "load:0:loadavg");
	ks = dk_snap_kstat(s, 2);
	assert_string_equal(ks->class, "cpu");
	assert_string_equal(ks->source, "/proc/stat");
	assert_int_equal(ks->snaptime_ns, 5000);
	assert_int_equal(ks->crtime_ns, 0);
	/* finish leaves statistics in the source's order... */
	names_are(ks, "user,idle");
	assert_false(ks->sorted);
	assert_int_equal(dk_kstat_stat(ks, "idle")->v.u, 12);
	names_are(dk_snap_find(s, "load", "0", "loadavg"),
	    "avg1,prio,big,last_pid,type,avenrun_1min,avenrun_15min");
	/* ...sort_stats sorts them, by name case-insensitively. */
	dk_snap_sort_stats(s);
	assert_true(ks->sorted);
	names_are(ks, "idle,user");
	assert_int_equal(ks->stats[0].v.u, 12);
	assert_int_equal(dk_kstat_stat(ks, "idle")->v.u, 12);
	assert_int_equal(dk_kstat_stat(ks, "user")->v.u, 11);
	assert_null(dk_kstat_stat(ks, "nice"));
	assert_int_equal(dk_snap_kstat(s, 0)->snaptime_ns, 6000);
	assert_int_equal(dk_snap_kstat(s, 0)->nstats, 0);
	assert_null(dk_snap_kstat(s, 0)->stats);
	assert_int_equal(dk_snap_kstat(s, 1)->snaptime_ns, 6000);
	assert_null(dk_snap_kstat(s, 5));

	ks = dk_snap_find(s, "load", "0", "loadavg");
	assert_non_null(ks);
	names_are(ks, "avenrun_15min,avenrun_1min,avg1,big,last_pid,prio,type");
	assert_true(dk_kstat_stat(ks, "avg1")->v.d == 0.05);
	assert_int_equal(dk_kstat_stat(ks, "avg1")->type, DK_T_DOUBLE);
	assert_int_equal(dk_kstat_stat(ks, "avg1")->kind, DK_K_GAUGE);
	assert_true(dk_kstat_stat(ks, "prio")->v.i == -2);
	assert_int_equal(dk_kstat_stat(ks, "prio")->type, DK_T_INT64);
	assert_true(dk_kstat_stat(ks, "big")->v.u == UINT64_MAX);
	assert_string_equal(dk_kstat_stat(ks, "big")->unit, "bytes");
	assert_int_equal(dk_kstat_stat(ks, "big")->width, 0);
	assert_int_equal(dk_kstat_stat(ks, "last_pid")->kind, DK_K_INFO);
	assert_string_equal(dk_kstat_stat(ks, "last_pid")->unit, "1");
	assert_string_equal(dk_kstat_stat(ks, "type")->v.s, "part");
	assert_int_equal(dk_kstat_stat(ks, "type")->type, DK_T_STRING);
	assert_int_equal(dk_kstat_stat(ks, "type")->kind, DK_K_INFO);
	assert_string_equal(dk_kstat_stat(ks, "type")->unit, "");
	assert_int_equal(dk_kstat_stat(ks, "avenrun_1min")->scale, 1000000);
	assert_int_equal(dk_kstat_stat(ks, "avenrun_1min")->width, 32);
	assert_int_equal(dk_kstat_stat(ks, "avenrun_1min")->kind, DK_K_COUNTER);
	assert_int_equal(dk_kstat_stat(ks, "avenrun_15min")->scale, 1);
	dk_snap_free(s);
}

static void
test_find(void **state)
{
	struct dk_snap *s = dk_snap_new();
	const char *inst[] = { "total", "3", "10", "0", "eth0", "2", "1" };
	size_t i;

	(void)state;
	/* Nothing yet: finish of an empty snapshot, find on it. */
	dk_snap_finish(s);
	assert_int_equal(dk_snap_count(s), 0);
	assert_null(dk_snap_find(s, "cpu", "0", "times"));
	for (i = 0; i < sizeof(inst) / sizeof(inst[0]); i++) {
		assert_int_equal(dk_snap_begins(s, "m", inst[i], "n", "misc",
				     "src"),
		    0);
		assert_int_equal(dk_snap_counter(s, "v", i, 64, "1"), 0);
	}
	dk_snap_finish(s);
	keys_are(s, "m:0:n m:1:n m:2:n m:3:n m:10:n m:eth0:n m:total:n");
	for (i = 0; i < sizeof(inst) / sizeof(inst[0]); i++) {
		const struct dk_kstat *ks = dk_snap_find(s, "m", inst[i], "n");

		assert_non_null(ks);
		assert_string_equal(ks->instance, inst[i]);
		assert_int_equal(ks->stats[0].v.u, i);
	}
	assert_null(dk_snap_find(s, "m", "4", "n"));
	assert_null(dk_snap_find(s, "m", "010", "n"));
	assert_null(dk_snap_find(s, "m", "0", "x"));
	assert_null(dk_snap_find(s, "a", "0", "n"));
	assert_null(dk_snap_find(s, "z", "0", "n"));
	dk_snap_free(s);
}

static void
test_add_without_begin(void **state)
{
	struct dk_snap *s = dk_snap_new();

	(void)state;
	assert_int_equal(dk_snap_counter(s, "x", 1, 64, "1"), -1);
	assert_int_equal(dk_snap_string(s, "x", "y", 1), -1);
	assert_int_equal(dk_snap_failed(s), 0);
	dk_snap_finish(s);
	assert_int_equal(dk_snap_count(s), 0);
	dk_snap_free(s);
	dk_snap_free(NULL);
}

static void
test_rollback(void **state)
{
	struct dk_snap *s = dk_snap_new();
	size_t mark;

	(void)state;
	assert_int_equal(dk_snap_begins(s, "a", "0", "n", "misc", "src"), 0);
	assert_int_equal(dk_snap_counter(s, "a1", 1, 64, "1"), 0);
	mark = dk_snap_mark(s);
	/* Statistics added to the open kstat after the mark stay. */
	assert_int_equal(dk_snap_counter(s, "a2", 2, 64, "1"), 0);
	assert_int_equal(dk_snap_begins(s, "b", "0", "n", "misc", "src"), 0);
	assert_int_equal(dk_snap_counter(s, "b1", 3, 64, "1"), 0);
	assert_int_equal(dk_snap_begins(s, "c", "0", "n", "misc", "src"), 0);
	assert_int_equal(dk_snap_counter(s, "c1", 4, 64, "1"), 0);
	dk_snap_rollback(s, mark);
	/* Nothing is open after a rollback. */
	assert_int_equal(dk_snap_counter(s, "lost", 5, 64, "1"), -1);
	assert_int_equal(dk_snap_begins(s, "d", "0", "n", "misc", "src"), 0);
	assert_int_equal(dk_snap_counter(s, "d1", 6, 64, "1"), 0);
	assert_int_equal(dk_snap_counter(s, "d2", 7, 64, "1"), 0);
	/* A mark with nothing begun after it drops nothing. */
	dk_snap_rollback(s, dk_snap_mark(s));
	assert_int_equal(dk_snap_counter(s, "d3", 8, 64, "1"), 0);
	dk_snap_finish(s);
	dk_snap_sort_stats(s);
	keys_are(s, "a:0:n d:0:n");
	names_are(dk_snap_kstat(s, 0), "a1,a2");
	names_are(dk_snap_kstat(s, 1), "d1,d2,d3");
	assert_int_equal(dk_snap_kstat(s, 1)->stats[0].v.u, 6);
	assert_int_equal(dk_snap_kstat(s, 1)->stats[2].v.u, 8);
	/* Roll back everything. */
	dk_snap_reset(s);
	assert_int_equal(dk_snap_begins(s, "x", "0", "n", "misc", "src"), 0);
	dk_snap_rollback(s, 0);
	dk_snap_finish(s);
	assert_int_equal(dk_snap_count(s), 0);
	dk_snap_free(s);
}

/*
 * Strings given to the snapshot are copied: the caller's buffers can be
 * overwritten at once. Enough of them to fill several arena chunks, and
 * one bigger than a chunk.
 */
static void
test_strings_survive(void **state)
{
	struct dk_snap *s = dk_snap_new();
	static char big[100000];
	char inst[32], name[32], val[200];
	int i;

	(void)state;
	memset(big, 'b', sizeof(big) - 1);
	for (i = 0; i < 3000; i++) {
		(void)snprintf(inst, sizeof(inst), "dev%d", i);
		(void)snprintf(name, sizeof(name), "stat%d", i);
		(void)snprintf(val, sizeof(val), "%0150d", i);
		assert_int_equal(dk_snap_begin(s, "m", inst,
				     4 + (i > 9) + (i > 99) + (i > 999), "n",
				     "misc", "src"),
		    0);
		assert_int_equal(dk_snap_string(s, name, val, strlen(val)), 0);
		memset(inst, 'X', sizeof(inst));
		memset(name, 'X', sizeof(name) - 1);
		memset(val, 'X', sizeof(val) - 1);
		if (i == 1500)
			assert_int_equal(dk_snap_string(s, "big", big,
					     sizeof(big) - 1),
			    0);
	}
	memset(big, 'Z', sizeof(big) - 1);
	dk_snap_finish(s);
	assert_int_equal(dk_snap_failed(s), 0);
	assert_int_equal(dk_snap_count(s), 3000);
	for (i = 0; i < 3000; i++) {
		const struct dk_kstat *ks;

		(void)snprintf(inst, sizeof(inst), "dev%d", i);
		(void)snprintf(name, sizeof(name), "stat%d", i);
		(void)snprintf(val, sizeof(val), "%0150d", i);
		ks = dk_snap_find(s, "m", inst, "n");
		assert_non_null(ks);
		assert_string_equal(ks->instance, inst);
		assert_string_equal(dk_kstat_stat(ks, name)->v.s, val);
		if (i == 1500) {
			const struct dk_stat *b = dk_kstat_stat(ks, "big");

			assert_non_null(b);
			assert_int_equal(strlen(b->v.s), sizeof(big) - 1);
			assert_int_equal(b->v.s[0], 'b');
			assert_int_equal(b->v.s[sizeof(big) - 2], 'b');
		}
	}
	/* The instance is copied with its length, not up to a NUL. */
	dk_snap_reset(s);
	assert_int_equal(dk_snap_begin(s, "m", "eth0:rest", 4, "n", "misc",
			     "src"),
	    0);
	assert_int_equal(dk_snap_add(s, "rx_bytesXXX", 8, DK_T_UINT64,
			     DK_K_GAUGE, 64, "bytes",
			     (union dk_value) { .u = 9 }),
	    0);
	dk_snap_finish(s);
	assert_string_equal(dk_snap_kstat(s, 0)->instance, "eth0");
	assert_string_equal(dk_snap_kstat(s, 0)->stats[0].name, "rx_bytes");
	/* A gauge has no wrap width whatever the caller passed. */
	assert_int_equal(dk_snap_kstat(s, 0)->stats[0].width, 0);
	assert_string_equal(dk_snap_strdup(s, "abcdef", 3), "abc");
	dk_snap_free(s);
}

/* A reset snapshot is empty and takes a new reading in the same memory. */
static void
test_reset_reuse(void **state)
{
	struct dk_snap *s = dk_snap_new();
	int round, i;
	char inst[16];

	(void)state;
	for (round = 0; round < 3; round++) {
		dk_snap_reset(s);
		assert_int_equal(dk_snap_count(s), 0);
		assert_int_equal(dk_snap_failed(s), 0);
		dk_snap_set_time(s, (uint64_t)round + 1);
		/* Fewer kstats each round: nothing of the last one remains. */
		for (i = 0; i < 2000 - round * 500; i++) {
			(void)snprintf(inst, sizeof(inst), "%d", i);
			assert_int_equal(dk_snap_begins(s, "r", inst, "n",
					     "misc", "src"),
			    0);
			assert_int_equal(dk_snap_string(s, "s", inst,
					     strlen(inst)),
			    0);
			assert_int_equal(dk_snap_counter(s, "round",
					     (uint64_t)round, 64, "1"),
			    0);
		}
		dk_snap_finish(s);
		/* Sorted in round 1 only: no stale order is kept. */
		if (round == 1)
			dk_snap_sort_stats(s);
		assert_int_equal(dk_snap_count(s),
		    (size_t)(2000 - round * 500));
		for (i = 0; i < 2000 - round * 500; i++) {
			const struct dk_kstat *ks = dk_snap_kstat(s, (size_t)i);
			size_t r = round == 1 ? 0 : 1;

			(void)snprintf(inst, sizeof(inst), "%d", i);
			assert_string_equal(ks->instance, inst);
			assert_int_equal(ks->nstats, 2);
			assert_int_equal(ks->sorted, round == 1);
			assert_string_equal(ks->stats[r].name, "round");
			assert_int_equal(ks->stats[r].v.u, round);
			assert_string_equal(ks->stats[1 - r].v.s, inst);
			assert_int_equal(ks->snaptime_ns, round + 1);
		}
	}
	dk_snap_free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_build_sort),
		cmocka_unit_test(test_find),
		cmocka_unit_test(test_add_without_begin),
		cmocka_unit_test(test_rollback),
		cmocka_unit_test(test_strings_survive),
		cmocka_unit_test(test_reset_reuse),
	};

	return cmocka_run_group_tests_name("snapshot", tests, NULL, NULL);
}
