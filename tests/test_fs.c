/* test_fs.c - the fs provider on fixture trees. */
#include "helpers.h"

#include <string.h>

static void
assert_gauge(const struct dk_snap *s, const char *key, uint64_t v)
{
	const struct dk_stat *st = th_stat(s, key);

	if (st == NULL)
		fail_msg("no statistic %s", key);
	assert_int_equal(st->type, DK_T_UINT64);
	assert_int_equal(st->kind, DK_K_GAUGE);
	assert_string_equal(st->unit, "1");
	assert_int_equal(st->v.u, v);
}

static void
test_linux618_values(void **state)
{
	struct dk_snap *s = th_collect("tests/fixtures/linux-6.18", "fs");
	const struct dk_kstat *ks;

	(void)state;
	assert_int_equal(dk_snap_count(s), 2);
	/* file-nr: 415	0	2466165 */
	assert_gauge(s, "fs:0:file-nr:allocated", 415);
	assert_gauge(s, "fs:0:file-nr:unused", 0);
	assert_gauge(s, "fs:0:file-nr:max", 2466165);
	/* inode-nr: 39404	0 */
	assert_gauge(s, "fs:0:inode-nr:nr_inodes", 39404);
	assert_gauge(s, "fs:0:inode-nr:nr_free_inodes", 0);
	ks = dk_snap_find(s, "fs", "0", "file-nr");
	assert_int_equal(ks->nstats, 3);
	assert_string_equal(ks->class, "fs");
	assert_string_equal(ks->source, "/proc/sys/fs/file-nr");
	ks = dk_snap_find(s, "fs", "0", "inode-nr");
	assert_int_equal(ks->nstats, 2);
	assert_string_equal(ks->class, "fs");
	assert_string_equal(ks->source, "/proc/sys/fs/inode-nr");
	assert_string_equal(th_warnings, "");
	dk_snap_free(s);
}

static void
test_large_values(void **state)
{
	char *root = th_tmpdir();
	struct dk_snap *s;

	(void)state;
	/* file-max can be LONG_MAX; sysctl reads come in 1 KiB pieces. */
	th_write(root, "proc/sys/fs/file-nr", "1088\t0\t9223372036854775807\n");
	th_write(root, "proc/sys/fs/inode-nr", "123456789\t4242\n");
	s = th_collect(root, "fs");
	assert_gauge(s, "fs:0:file-nr:allocated", 1088);
	assert_gauge(s, "fs:0:file-nr:max", UINT64_C(9223372036854775807));
	assert_gauge(s, "fs:0:inode-nr:nr_inodes", 123456789);
	assert_gauge(s, "fs:0:inode-nr:nr_free_inodes", 4242);
	dk_snap_free(s);
	th_rmtree(root);
}

static void
test_long_file(void **state)
{
	char *root = th_tmpdir();
	char text[3000];
	struct dk_snap *s;

	(void)state;
	/* Blanks past the first 1 KiB piece: the whole file is read. */
	memset(text, ' ', 2500);
	(void)strcpy(text + 2500, "7 0 9\n");
	th_write(root, "proc/sys/fs/file-nr", text);
	s = th_collect(root, "fs");
	assert_gauge(s, "fs:0:file-nr:allocated", 7);
	assert_gauge(s, "fs:0:file-nr:max", 9);
	dk_snap_free(s);
	th_rmtree(root);
}

/* A malformed file is skipped alone: the other still counts. */
static void
test_malformed(void **state)
{
	static const struct {
		const char *file_nr, *inode_nr, *warning, *kept;
	} cases[] = {
		{ "415\tx\t2466165\n", "39404\t0\n",
		    "/proc/sys/fs/file-nr:1: bad number", "fs:0:inode-nr" },
		{ "415\t0\n", "39404\t0\n",
		    "/proc/sys/fs/file-nr:1: bad number", "fs:0:inode-nr" },
		{ "", "39404\t0\n", "/proc/sys/fs/file-nr:1: bad number",
		    "fs:0:inode-nr" },
		{ "415\t0\t2466165\n", "39404\t0\t0\n",
		    "/proc/sys/fs/inode-nr:1: trailing text", "fs:0:file-nr" },
		{ "415\t0\t2466165\n", "-1\t0\n",
		    "/proc/sys/fs/inode-nr:1: bad number", "fs:0:file-nr" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *root = th_tmpdir();
		struct dk_snap *s;

		th_write(root, "proc/sys/fs/file-nr", cases[i].file_nr);
		th_write(root, "proc/sys/fs/inode-nr", cases[i].inode_nr);
		s = th_collect(root, "fs");
		assert_string_equal(th_warnings, cases[i].warning);
		assert_int_equal(dk_snap_count(s), 1);
		assert_true(th_has(s, cases[i].kept));
		dk_snap_free(s);
		th_rmtree(root);
	}
}

/* The running kernel's sysctl files parse. */
static void
test_live(void **state)
{
	struct dk_snap *s = th_collect("/", "fs");

	(void)state;
	assert_string_equal(th_warnings, "");
	assert_true(th_u64(s, "fs:0:file-nr:allocated") > 0);
	assert_true(th_u64(s, "fs:0:file-nr:max") > 0);
	assert_true(th_has(s, "fs:0:inode-nr"));
	dk_snap_free(s);
}

static void
test_missing(void **state)
{
	char *root = th_tmpdir();
	struct dk_snap *s = th_collect(root, "fs");

	(void)state;
	assert_int_equal(dk_snap_count(s), 0);
	assert_string_equal(th_warnings, "");
	dk_snap_free(s);
	/* One of the two present. */
	th_write(root, "proc/sys/fs/inode-nr", "5\t1\n");
	s = th_collect(root, "fs");
	assert_int_equal(dk_snap_count(s), 1);
	assert_gauge(s, "fs:0:inode-nr:nr_inodes", 5);
	assert_gauge(s, "fs:0:inode-nr:nr_free_inodes", 1);
	assert_string_equal(th_warnings, "");
	dk_snap_free(s);
	th_rmtree(root);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_linux618_values),
		cmocka_unit_test(test_large_values),
		cmocka_unit_test(test_long_file),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_live),
		cmocka_unit_test(test_missing),
	};

	return cmocka_run_group_tests_name("fs", tests, NULL, NULL);
}
