/*
 * test_render.c - the table as text and as CSV, from the table-basic
 * fixture's since-boot line: cutting to 40 and 80 columns, colour codes of
 * final and intermediate lines, the CSV header block (new file and
 * append) and rows.
 */
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/csv.h"
#include "../lib/render.h"
#include "../lib/table.h"

#define ROOT "tests/fixtures/table-basic"
#define MODULES "cpu,sys,disk,net,vm,load,uptime,mem,swap"

struct fix {
	struct dk_snap *snap;
	struct dk_table *t;
	struct dk_val vals[128];
	struct dk_sb sb;
};

static void
setup(struct fix *f, const char *views)
{
	static char buf[256];
	const char *req[16];
	size_t n = 0;
	char *save = NULL, *r;
	struct dk_table_opts o = { .pagesize = 4096 };
	struct dk_err err = { "" };

	(void)snprintf(buf, sizeof(buf), "%s", views);
	for (r = strtok_r(buf, " ", &save); r != NULL;
	     r = strtok_r(NULL, " ", &save))
		req[n++] = r;
	f->snap = th_collect(ROOT, MODULES);
	f->t = dk_table_new(req, n, &o, f->snap, NULL, NULL, &err);
	if (f->t == NULL)
		fail_msg("table: %s", err.msg);
	assert_true(dk_table_nvalues(f->t) <= 128);
	dk_table_compute(f->t, NULL, f->snap, 0, f->vals);
	dk_sb_init(&f->sb);
}

static void
teardown(struct fix *f)
{
	dk_sb_release(&f->sb);
	dk_table_free(f->t);
	dk_snap_free(f->snap);
}

/* Header and one final row for the groups that fit in cols. */
static const char *
render(struct fix *f, size_t cols, const struct dk_render *r)
{
	size_t nvis = dk_render_fit(f->t, cols, 0);

	dk_sb_reset(&f->sb);
	dk_render_header(&f->sb, f->t, nvis, r);
	dk_render_row(&f->sb, f->t, f->vals, nvis, 1, r);
	assert_false(dk_sb_failed(&f->sb));
	return f->sb.buf;
}

static void
test_plain_and_cut(void **state)
{
	struct fix f;
	struct dk_render plain = { 0, 0, 0 };

	(void)state;
	setup(&f, "cpu disk net page sys load");
	/* Everything: no cut, no '>'. */
	assert_string_equal(render(&f, 0, &plain),
	    "--total-cpu-usage-- -dsk/total- -net/total- ---paging-- "
	    "---system-- ---load-avg---\n"
	    "usr sys idl wai stl| read  writ| recv  send|  in   out | int "
	    "  csw | 1m   5m  15m \n"
	    " 12   3  84   1   0|3072k 1536k|7000B 1500B|  10k 2048B| 500  "
	    "1000 |0.50 1.25 2.00");
	/* 80 columns: load (15 more) does not fit after 68. */
	assert_int_equal(dk_render_fit(f.t, 80, 0), 5);
	assert_string_equal(render(&f, 80, &plain),
	    "--total-cpu-usage-- -dsk/total- -net/total- ---paging-- "
	    "---system-->\n"
	    "usr sys idl wai stl| read  writ| recv  send|  in   out | int "
	    "  csw >\n"
	    " 12   3  84   1   0|3072k 1536k|7000B 1500B|  10k 2048B| 500  "
	    "1000 >");
	/* 40 columns: cpu and disk (32); net would end at 44. */
	assert_int_equal(dk_render_fit(f.t, 40, 0), 2);
	assert_string_equal(render(&f, 40, &plain),
	    "--total-cpu-usage-- -dsk/total->\n"
	    "usr sys idl wai stl| read  writ>\n"
	    " 12   3  84   1   0|3072k 1536k>");
	/* --debug keeps 8 columns for its timing: 44 leaves cpu alone. */
	assert_int_equal(dk_render_fit(f.t, 44, 8), 2);
	assert_int_equal(dk_render_fit(f.t, 39, 8), 1);
	/* Too narrow for anything: only the mark. */
	assert_string_equal(render(&f, 10, &plain), ">\n>\n>");
	teardown(&f);
}

static void
test_color_final(void **state)
{
	struct fix f;
	struct dk_render color = { 1, 0, 0 };

	(void)state;
	setup(&f, "cpu load");
	/* Titles dark blue, nicks blue underlined; values by magnitude. */
	assert_string_equal(render(&f, 0, &color),
	    "\033[0;34m--total-cpu-usage--\033[0;34m \033[0;34m---load-avg---"
	    "\033[0;0m\n"
	    "\033[1;34m\033[4musr\033[0;0m \033[1;34m\033[4msys\033[0;0m "
	    "\033[1;34m\033[4midl\033[0;0m \033[1;34m\033[4mwai\033[0;0m "
	    "\033[1;34m\033[4mstl\033[0;0m\033[0;34m|\033[1;34m\033[4m 1m "
	    "\033[0;0m \033[1;34m\033[4m 5m \033[0;0m \033[1;34m\033[4m15m "
	    "\033[0;0m\n"
	    "\033[1;31m 12 \033[1;31m  3 \033[1;32m 84 \033[1;31m  1 "
	    "\033[1;30m  0\033[0;34m|\033[1;33m0.50 \033[1;32m1.25 "
	    "\033[1;36m2.00");
	teardown(&f);
}

static void
test_color_units_and_updates(void **state)
{
	struct fix f;
	struct dk_render color = { 1, 0, 0 };
	struct dk_render bw = { 1, 1, DK_CELL_BITS };

	(void)state;
	setup(&f, "disk sys");
	/* A unit letter in the unit colour; base 1000's blank too. */
	dk_render_row(&f.sb, f.t, f.vals, 2, 1, &color);
	assert_string_equal(f.sb.buf,
	    "\033[1;33m3072\033[1;30mk \033[1;33m1536\033[1;30mk\033[0;34m|"
	    "\033[1;31m 500\033[1;30m  \033[1;31m1000\033[1;30m ");
	/* An intermediate update: the dim palette. */
	dk_sb_reset(&f.sb);
	dk_render_row(&f.sb, f.t, f.vals, 2, 0, &color);
	assert_string_equal(f.sb.buf,
	    "\033[0;33m3072\033[1;30mk \033[0;33m1536\033[1;30mk\033[0;34m|"
	    "\033[0;31m 500\033[1;30m  \033[0;31m1000\033[1;30m ");
	/* --bw --bits: 25M is the third step, dark green on white. */
	dk_sb_reset(&f.sb);
	dk_render_row(&f.sb, f.t, f.vals, 1, 1, &bw);
	assert_string_equal(f.sb.buf,
	    "\033[0;32m  25\033[0;30mM \033[0;32m  13\033[0;30mM"
	    "\033[0;34m>");
	/* A reset counter: white on red, then back to normal. */
	f.vals[0].state = DK_V_RESET;
	f.vals[1].state = DK_V_NONE;
	dk_sb_reset(&f.sb);
	dk_render_row(&f.sb, f.t, f.vals, 1, 1, &color);
	assert_string_equal(f.sb.buf,
	    "\033[1;37m\033[41m   - \033[0;0m      \033[0;34m>");
	dk_sb_reset(&f.sb);
	dk_render_debug(&f.sb, 0.314, &color);
	dk_render_missed(&f.sb, 3, &color);
	dk_render_reset(&f.sb, &color);
	assert_string_equal(f.sb.buf,
	    "\033[0;34m  0.31ms\033[1;30m \033[1;37m\033[41mmissed 3 ticks"
	    "\033[0;0m\033[0;0m");
	teardown(&f);
}

static void
test_per_instance_titles(void **state)
{
	struct fix f;
	struct dk_render plain = { 0, 0, 0 };
	struct dk_render color = { 1, 0, 0 };
	struct dk_table_opts o = { .disks = "sda,total" };
	const char *req[] = { "disk" };
	struct dk_err err = { "" };

	(void)state;
	f.snap = th_collect(ROOT, MODULES);
	f.t = dk_table_new(req, 1, &o, f.snap, NULL, NULL, &err);
	assert_non_null(f.t);
	dk_table_compute(f.t, NULL, f.snap, 0, f.vals);
	dk_sb_init(&f.sb);
	assert_string_equal(render(&f, 0, &plain),
	    "--dsk/sda-- -dsk/total-\n"
	    " read  writ: read  writ\n"
	    "1024k  512k:3072k 1536k");
	/* With colour the instances' titles are joined by a blue '-'. */
	dk_sb_reset(&f.sb);
	dk_render_header(&f.sb, f.t, 1, &color);
	assert_memory_equal(f.sb.buf,
	    "\033[0;34m--dsk/sda--\033[0;34m-\033[0;34m-dsk/total-\n", 45);
	teardown(&f);
}

static void
test_csv_header_and_rows(void **state)
{
	struct fix f;
	struct dk_csv_meta m = { "dstatk 9.9", "host", "user",
		"dstatk -c \"x\" --output f.csv", "22 Nov 2026 01:30:16 UTC",
		0 };
	struct dk_table_opts o = { .disks = "sda,total", .pagesize = 4096 };
	const char *req[] = { "cpu", "disk", "load" };
	struct dk_err err = { "" };

	(void)state;
	f.snap = th_collect(ROOT, MODULES);
	f.t = dk_table_new(req, 3, &o, f.snap, NULL, NULL, &err);
	assert_non_null(f.t);
	dk_table_compute(f.t, NULL, f.snap, 0, f.vals);
	dk_sb_init(&f.sb);
	dk_csv_header(&f.sb, f.t, &m);
	assert_string_equal(f.sb.buf,
	    "\"dstatk 9.9 CSV output\"\n"
	    "\"Author:\",\"the dstatk authors\",,,,\"URL:\",\"man:dstatk(1)\"\n"
	    "\"Host:\",\"host\",,,,\"User:\",\"user\"\n"
	    "\"Cmdline:\",\"dstatk -c \"\"x\"\" --output f.csv\",,,,\"Date:\","
	    "\"22 Nov 2026 01:30:16 UTC\"\n"
	    "\"total cpu usage\",,,,,\"dsk/sda\",,\"dsk/total\",,"
	    "\"load avg\",,\n"
	    "\"usr\",\"sys\",\"idl\",\"wai\",\"stl\",\"dsk/sda:read\","
	    "\"dsk/sda:writ\",\"dsk/total:read\",\"dsk/total:writ\",\"1m\","
	    "\"5m\",\"15m\"\n");
	dk_sb_reset(&f.sb);
	m.append = 1;
	dk_csv_header(&f.sb, f.t, &m);
	assert_memory_equal(f.sb.buf, "\n\n\"Host:\",\"host\"", 16);
	/* Rows: raw bytes, every digit; no value is an empty field. */
	dk_sb_reset(&f.sb);
	f.vals[6].state = DK_V_RESET;
	f.vals[7].state = DK_V_NONE;
	dk_csv_row(&f.sb, f.t, f.vals);
	assert_string_equal(f.sb.buf,
	    "11.566771819137749,3.1545741324921135,84.12197686645636,"
	    "1.0515247108307044,0.10515247108307045,1048576,,,1572864,0.5,"
	    "1.25,2\n");
	teardown(&f);
}

static void
test_csv_numbers(void **state)
{
	struct dk_sb sb;
	static const struct {
		double v;
		const char *want;
	} cases[] = {
		{ 0, "0" },
		{ 1, "1" },
		{ -3, "-3" },
		{ 0.5, "0.5" },
		{ 0.1, "0.1" },
		{ 0.0004, "0.0004" },
		{ 1795311032.123, "1795311032.123" },
		{ 12345678901234567890.0, "12345678901234567168" },
		{ 1e-20, "9.9999999999999995e-21" },
	};
	size_t i;

	(void)state;
	dk_sb_init(&sb);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		dk_sb_reset(&sb);
		dk_csv_number(&sb, cases[i].v);
		assert_string_equal(sb.buf != NULL ? sb.buf : "",
		    cases[i].want);
	}
	dk_sb_release(&sb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_and_cut),
		cmocka_unit_test(test_color_final),
		cmocka_unit_test(test_color_units_and_updates),
		cmocka_unit_test(test_per_instance_titles),
		cmocka_unit_test(test_csv_header_and_rows),
		cmocka_unit_test(test_csv_numbers),
	};

	return cmocka_run_group_tests_name("render", tests, NULL, NULL);
}
