/* test_reader.c - the file reader on temporary roots. */
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../lib/reader.h"

struct fixture {
	char *root;
	struct dk_reader *r;
};

static int
setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof(*fx));
	struct dk_err err = { "" };

	if (fx == NULL)
		return -1;
	fx->root = th_tmpdir();
	fx->r = dk_reader_new(fx->root, &err);
	if (fx->r == NULL) {
		th_rmtree(fx->root);
		free(fx);
		return -1;
	}
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *fx = *state;

	dk_reader_free(fx->r);
	th_rmtree(fx->root);
	free(fx);
	return 0;
}

/* Read path; the return value must be rc. */
static void
read_rc(struct dk_reader *r, const char *path, unsigned flags, int rc,
    struct dk_text *t)
{
	struct dk_err err = { "" };
	int got = dk_reader_read(r, path, flags, t, &err);

	if (got != rc)
		fail_msg("read %s: %d, want %d (%s)", path, got, rc, err.msg);
}

static void
read_is(struct dk_reader *r, const char *path, const char *want)
{
	struct dk_text t = { NULL, 0, 0 };

	read_rc(r, path, 0, 0, &t);
	assert_string_equal(t.data, want);
	assert_int_equal(t.len, strlen(want));
}

static void
test_read_reread(void **state)
{
	struct fixture *fx = *state;

	th_write(fx->root, "proc/loadavg", "0.05 0.10 0.15 1/2 3\n");
	read_is(fx->r, "/proc/loadavg", "0.05 0.10 0.15 1/2 3\n");
	/* Relative and doubled slashes name the same file. */
	read_is(fx->r, "proc/loadavg", "0.05 0.10 0.15 1/2 3\n");
	read_is(fx->r, "//proc/loadavg", "0.05 0.10 0.15 1/2 3\n");
	/* Changed in place (same inode, kept open): the next sample sees it. */
	th_write(fx->root, "proc/loadavg", "9.99 0.10 0.15 1/2 4\n");
	dk_reader_next_gen(fx->r);
	read_is(fx->r, "/proc/loadavg", "9.99 0.10 0.15 1/2 4\n");
	/* Shorter content leaves nothing of the old behind. */
	th_write(fx->root, "proc/loadavg", "1\n");
	dk_reader_next_gen(fx->r);
	read_is(fx->r, "/proc/loadavg", "1\n");
	/* An empty file. */
	th_write(fx->root, "proc/loadavg", "");
	dk_reader_next_gen(fx->r);
	read_is(fx->r, "/proc/loadavg", "");
}

/* Within one generation a file is read once: later changes are not seen. */
static void
test_one_read_per_gen(void **state)
{
	struct fixture *fx = *state;
	struct dk_text a, b;

	th_write(fx->root, "proc/stat", "cpu 1\n");
	read_rc(fx->r, "/proc/stat", 0, 0, &a);
	th_write(fx->root, "proc/other", "x\n");
	read_is(fx->r, "/proc/other", "x\n");
	th_write(fx->root, "proc/stat", "cpu 2 and more\n");
	read_rc(fx->r, "/proc/stat", 0, 0, &b);
	assert_string_equal(b.data, "cpu 1\n");
	assert_ptr_equal(a.data, b.data);
	/* The same read time: it was one read. */
	assert_int_equal(a.snaptime_ns, b.snaptime_ns);
	dk_reader_next_gen(fx->r);
	read_rc(fx->r, "/proc/stat", 0, 0, &b);
	assert_string_equal(b.data, "cpu 2 and more\n");
	assert_true(b.snaptime_ns >= a.snaptime_ns);
}

static void
test_times(void **state)
{
	struct fixture *fx = *state;
	struct dk_text t;
	uint64_t before, after;

	th_write(fx->root, "f", "x");
	before = dk_now_ns();
	read_rc(fx->r, "/f", 0, 0, &t);
	after = dk_now_ns();
	assert_true(before > 0);
	assert_true(t.snaptime_ns >= before && t.snaptime_ns <= after);
	dk_reader_fix_time(fx->r, 1000500000000);
	dk_reader_next_gen(fx->r);
	read_rc(fx->r, "/f", 0, 0, &t);
	assert_int_equal(t.snaptime_ns, 1000500000000);
	dk_reader_fix_time(fx->r, 0);
	dk_reader_next_gen(fx->r);
	read_rc(fx->r, "/f", 0, 0, &t);
	assert_true(t.snaptime_ns >= after);
}

static void
test_absent(void **state)
{
	struct fixture *fx = *state;
	struct dk_text t = { "unchanged", 0, 0 };

	read_rc(fx->r, "/proc/pressure/cpu", 0, 1, &t);
	assert_string_equal(t.data, "unchanged");
	/* A path through a regular file (ENOTDIR) is absent too. */
	th_write(fx->root, "proc/meminfo", "MemTotal: 1 kB\n");
	read_rc(fx->r, "/proc/meminfo/x", 0, 1, &t);
	/* It appears: the next sample reads it. */
	read_rc(fx->r, "/proc/pressure/cpu", 0, 1, &t);
	th_write(fx->root, "proc/pressure/cpu", "some avg10=0.00\n");
	dk_reader_next_gen(fx->r);
	read_is(fx->r, "/proc/pressure/cpu", "some avg10=0.00\n");
}

/* A directory is not absent: an error that names it. */
static void
test_read_error(void **state)
{
	struct fixture *fx = *state;
	struct dk_err err = { "" };
	struct dk_text t;

	th_write(fx->root, "proc/net/dev", "x\n");
	assert_int_equal(dk_reader_read(fx->r, "/proc/net", 0, &t, &err), -1);
	assert_string_equal(err.msg, "cannot read /proc/net: Is a directory");
	/* No err given: still -1, nothing written anywhere. */
	assert_int_equal(dk_reader_read(fx->r, "/proc/net", 0, &t, NULL), -1);
}

/* A file of n bytes, line after line of a pattern that tells places apart. */
static char *
make_text(size_t n)
{
	char *s = malloc(n + 1);
	size_t i;

	assert_non_null(s);
	for (i = 0; i < n; i++)
		s[i] = i % 61 == 60 ? '\n' : (char)('A' + (i / 61 + i) % 26);
	s[n] = '\0';
	return s;
}

static void
big_is(struct fixture *fx, size_t n, unsigned flags)
{
	char *want = make_text(n);
	struct dk_text t;

	th_write(fx->root, "proc/big", want);
	dk_reader_next_gen(fx->r);
	read_rc(fx->r, "/proc/big", flags, 0, &t);
	if (t.len != n)
		fail_msg("size %zu (flags %u): read %zu bytes", n, flags,
		    t.len);
	assert_memory_equal(t.data, want, n);
	assert_int_equal(t.data[n], '\0');
	free(want);
}

static void
test_big_files(void **state)
{
	struct fixture *fx = *state;
	const size_t sizes[] = { 4094, 4095, 4096, 4097, 5000, 65535, 65536,
		65537, 300000, 100 };
	size_t i;

	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		big_is(fx, sizes[i], 0);
		big_is(fx, sizes[i], DK_READ_SMALL);
	}
}

/*
 * Many files: the reader's table grows, and text handed out earlier stays
 * valid until the next generation.
 */
static void
test_many_files(void **state)
{
	struct fixture *fx = *state;
	struct dk_text first, t;
	char path[64], want[64];
	int i;

	th_write(fx->root, "sys/f0", "file 0\n");
	read_rc(fx->r, "/sys/f0", 0, 0, &first);
	for (i = 1; i < 100; i++) {
		(void)snprintf(path, sizeof(path), "sys/f%d", i);
		(void)snprintf(want, sizeof(want), "file %d\n", i);
		th_write(fx->root, path, want);
		read_is(fx->r, path, want);
	}
	assert_string_equal(first.data, "file 0\n");
	/* Again, in another order. */
	dk_reader_next_gen(fx->r);
	for (i = 99; i >= 0; i--) {
		(void)snprintf(path, sizeof(path), "/sys/f%d", i);
		(void)snprintf(want, sizeof(want), "file %d\n", i);
		read_rc(fx->r, path, 0, 0, &t);
		assert_string_equal(t.data, want);
	}
}

struct names {
	char got[256];
	int calls;
	int stop_after;
};

static int
collect_name(void *arg, const char *name)
{
	struct names *n = arg;
	size_t used = strlen(n->got);

	(void)snprintf(n->got + used, sizeof(n->got) - used, "%s;", name);
	n->calls++;
	return n->calls == n->stop_after ? 1 : 0;
}

static int
strcmp_p(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names collected, sorted (readdir has no order). */
static void
sorted_names_are(struct names *n, const char *want)
{
	char *v[16], buf[256], *p;
	size_t k = 0, i;

	(void)snprintf(buf, sizeof(buf), "%s", n->got);
	for (p = strtok(buf, ";"); p != NULL && k < 16; p = strtok(NULL, ";"))
		v[k++] = p;
	qsort(v, k, sizeof(v[0]), strcmp_p);
	n->got[0] = '\0';
	for (i = 0; i < k; i++) {
		size_t used = strlen(n->got);

		(void)snprintf(n->got + used, sizeof(n->got) - used, "%s;",
		    v[i]);
	}
	assert_string_equal(n->got, want);
}

static void
test_list(void **state)
{
	struct fixture *fx = *state;
	struct dk_err err = { "" };
	struct names n = { "", 0, 0 };

	th_write(fx->root, "sys/block/sda/stat", "1\n");
	th_write(fx->root, "sys/block/sdb/stat", "1\n");
	th_write(fx->root, "sys/block/loop0", "link\n");
	assert_int_equal(dk_reader_list(fx->r, "/sys/block", collect_name, &n,
			     &err),
	    0);
	sorted_names_are(&n, "loop0;sda;sdb;");
	assert_int_equal(n.calls, 3);
	/* A callback that stops early: 1 ends the walk with 0. */
	memset(&n, 0, sizeof(n));
	n.stop_after = 1;
	assert_int_equal(dk_reader_list(fx->r, "sys/block", collect_name, &n,
			     &err),
	    0);
	assert_int_equal(n.calls, 1);
	/* Absent directory, or a file where a directory is wanted. */
	memset(&n, 0, sizeof(n));
	assert_int_equal(dk_reader_list(fx->r, "/sys/class/net", collect_name,
			     &n, &err),
	    1);
	assert_int_equal(dk_reader_list(fx->r, "/sys/block/loop0", collect_name,
			     &n, &err),
	    1);
	assert_int_equal(n.calls, 0);
	/* An empty directory. */
	th_write(fx->root, "sys/empty/.keep", "");
	assert_int_equal(dk_reader_list(fx->r, "/sys/empty", collect_name, &n,
			     &err),
	    0);
	sorted_names_are(&n, ".keep;");
}

static int
fail_first(void *arg, const char *name)
{
	(void)arg;
	(void)name;
	return -1;
}

static void
test_list_callback_error(void **state)
{
	struct fixture *fx = *state;
	struct dk_err err = { "" };

	th_write(fx->root, "d/a", "");
	assert_int_equal(dk_reader_list(fx->r, "/d", fail_first, NULL, &err),
	    -1);
}

/*
 * exists() remembers its answer while the path is asked every sample, and
 * asks again after a sample that did not ask.
 */
static void
test_exists(void **state)
{
	struct fixture *fx = *state;

	th_write(fx->root, "sys/block/sda/stat", "1\n");
	assert_true(dk_reader_exists(fx->r, "/sys/block/sda"));
	assert_true(dk_reader_exists(fx->r, "/sys/block/sda/stat"));
	assert_false(dk_reader_exists(fx->r, "/sys/block/sdb"));
	assert_true(dk_reader_exists(fx->r, "/"));
	th_write(fx->root, "sys/block/sdb/stat", "1\n");
	/* Same generation, and the next: the remembered answer. */
	assert_false(dk_reader_exists(fx->r, "/sys/block/sdb"));
	dk_reader_next_gen(fx->r);
	assert_false(dk_reader_exists(fx->r, "/sys/block/sdb"));
	/* A generation without the question: asked afresh. */
	dk_reader_next_gen(fx->r);
	dk_reader_next_gen(fx->r);
	assert_true(dk_reader_exists(fx->r, "/sys/block/sdb"));
}

static void
test_bad_root(void **state)
{
	struct dk_err err = { "" };
	char *root = th_tmpdir();
	char path[4200];

	(void)state;
	assert_null(dk_reader_new("/nonexistent/dstatk-root", &err));
	assert_string_equal(err.msg,
	    "cannot open root /nonexistent/dstatk-root: "
	    "No such file or directory");
	th_write(root, "file", "x");
	(void)snprintf(path, sizeof(path), "%s/file", root);
	assert_null(dk_reader_new(path, &err));
	assert_true(strstr(err.msg, ": Not a directory") != NULL);
	assert_true(strncmp(err.msg, "cannot open root /tmp/", 22) == 0);
	assert_null(dk_reader_new("/nonexistent", NULL));
	dk_reader_free(NULL);
	th_rmtree(root);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_read_reread, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_one_read_per_gen, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_times, setup, teardown),
		cmocka_unit_test_setup_teardown(test_absent, setup, teardown),
		cmocka_unit_test_setup_teardown(test_read_error, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_big_files, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_many_files, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_list, setup, teardown),
		cmocka_unit_test_setup_teardown(test_list_callback_error, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_exists, setup, teardown),
		cmocka_unit_test(test_bad_root),
	};

	return cmocka_run_group_tests_name("reader", tests, NULL, NULL);
}
