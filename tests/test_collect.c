/* test_collect.c - the collector: wanted statistics, crtimes, sources. */
#include "helpers.h"

#include <string.h>

#include "../lib/reader.h"

static const char vmstat[] = "nr_free_pages 10\npgalloc_dma 1\n"
			     "pgalloc_normal 2\npgfault 30\npswpin 4\n";

static struct dk_collector *
collector(const char *root)
{
	struct dk_err err = { "" };
	struct dk_collector *c = dk_collector_new(root, &err);

	if (c == NULL)
		fail_msg("%s", err.msg);
	return c;
}

static void
sample(struct dk_collector *c, struct dk_snap *s)
{
	struct dk_err err = { "" };

	if (dk_collect(c, s, NULL, NULL, NULL, NULL, &err) != 0)
		fail_msg("%s", err.msg);
}

static void
test_want(void **state)
{
	char *root = th_tmpdir();
	struct dk_collector *c;
	struct dk_snap *s = dk_snap_new();
	struct dk_want *w = dk_want_new();
	const struct dk_kstat *ks;

	(void)state;
	th_write(root, "proc/vmstat", vmstat);
	th_write(root, "proc/meminfo", "MemTotal: 1 kB\nMemFree: 2 kB\n");
	c = collector(root);
	assert_int_equal(dk_want_add(w, "vm", "pgalloc_", 8, 1), 0);
	assert_int_equal(dk_want_add(w, "vm", "pswpin", 6, 0), 0);
	/* The same entry twice is kept once; a shorter name is no prefix. */
	assert_int_equal(dk_want_add(w, "vm", "pswpin", 6, 0), 0);
	assert_int_equal(dk_want_add(w, "vm", "pswp", 4, 0), 0);
	dk_collector_set_want(c, w);
	sample(c, s);
	ks = dk_snap_find(s, "vm", "0", "vmstat");
	assert_non_null(ks);
	assert_int_equal(ks->nstats, 3);
	assert_non_null(dk_kstat_stat(ks, "pgalloc_dma"));
	assert_non_null(dk_kstat_stat(ks, "pgalloc_normal"));
	assert_non_null(dk_kstat_stat(ks, "pswpin"));
	assert_null(dk_kstat_stat(ks, "pgfault"));
	/* A module the set does not name stays whole. */
	ks = dk_snap_find(s, "mem", "0", "meminfo");
	assert_non_null(ks);
	assert_int_equal(ks->nstats, 2);
	/* Without a set, everything again. */
	dk_collector_set_want(c, NULL);
	sample(c, s);
	assert_int_equal(dk_snap_find(s, "vm", "0", "vmstat")->nstats, 5);
	dk_want_free(w);
	dk_snap_free(s);
	dk_collector_free(c);
	th_rmtree(root);
}

static void
test_crtime(void **state)
{
	char *root = th_tmpdir();
	struct dk_collector *c;
	struct dk_snap *s = dk_snap_new();

	(void)state;
	th_write(root, "proc/loadavg", "0.00 0.00 0.00 1/2 3\n");
	c = collector(root);
	dk_collector_fix_time(c, 1000);
	sample(c, s);
	assert_int_equal(dk_snap_kstat(s, 0)->crtime_ns, 1000);
	/* Seen again: crtime stays, snaptime moves. */
	dk_collector_fix_time(c, 2000);
	sample(c, s);
	assert_int_equal(dk_snap_kstat(s, 0)->crtime_ns, 1000);
	assert_int_equal(dk_snap_kstat(s, 0)->snaptime_ns, 2000);
	/* Gone for a sample, then back: created anew. */
	th_write(root, "proc/loadavg", "");
	dk_collector_fix_time(c, 3000);
	sample(c, s);
	th_write(root, "proc/loadavg", "0.00 0.00 0.00 1/2 3\n");
	dk_collector_fix_time(c, 4000);
	sample(c, s);
	assert_true(dk_snap_count(s) > 0);
	assert_int_equal(dk_snap_kstat(s, 0)->crtime_ns, 4000);
	dk_snap_free(s);
	dk_collector_free(c);
	th_rmtree(root);
}

static void
test_provider_find(void **state)
{
	(void)state;
	assert_non_null(dk_provider_find("cpu"));
	assert_string_equal(dk_provider_find("disk")->module, "disk");
	assert_null(dk_provider_find("nosuch"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_want),
		cmocka_unit_test(test_crtime),
		cmocka_unit_test(test_provider_find),
	};

	return cmocka_run_group_tests_name("collect", tests, NULL, NULL);
}
