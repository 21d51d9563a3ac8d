/* test_cell.c - the cell formatter against dstat's own outputs. */
#include "helpers.h"

#include <stdio.h>
#include <string.h>

#include "../lib/cell.h"
#include "cell_vectors.h"

static const struct dk_cellfmt cols[] = {
	{ 'b', 5, 1024 },
	{ 'd', 5, 1000 },
	{ 'd', 5, 1024 },
	{ 'f', 5, 1024 },
	{ 'f', 5, 1000 },
	{ 'f', 4, 0.5 },
	{ 'f', 3, 10 },
	{ 'p', 3, 34 },
};

static const char *
plain(const struct dk_cellfmt *f, double v, unsigned flags)
{
	static char buf[DK_CELL_MAX + 1];
	struct dk_cell c;

	dk_cell_number(&c, f, v, flags);
	(void)dk_cell_plain(&c, buf);
	return buf;
}

static void
test_dstat_tables(void **state)
{
	size_t i, bad = 0;

	(void)state;
	for (i = 0; i < sizeof(vectors) / sizeof(vectors[0]); i++) {
		const struct vector *t = &vectors[i];
		const char *got = plain(&cols[t->col], t->v, t->flags);

		if (strcmp(got, t->want) != 0) {
			print_error("value %.17g flags %u col %d: got '%s' "
				    "want '%s'\n",
			    t->v, t->flags, t->col, got, t->want);
			bad++;
		}
	}
	assert_int_equal(bad, 0);
	assert_int_equal(i, 896);
}

/* dstat crashed on these; dstatk shows a dash, never text wider. */
static void
test_not_finite(void **state)
{
	const double inf = 1e308 * 10;

	(void)state;
	assert_string_equal(plain(&cols[0], inf, 0), "   - ");
	assert_string_equal(plain(&cols[7], inf, 0), "  -");
	assert_string_equal(plain(&cols[5], -inf, 0), "   -");
	assert_string_equal(plain(&cols[3], inf - inf, 0), "   - ");
}

static void
test_width_never_exceeded(void **state)
{
	static const unsigned flags[] = { 0, DK_CELL_BITS, DK_CELL_FLOAT,
		DK_CELL_INTEGER };
	static const struct dk_cellfmt more[] = { { 'f', 10, 0 },
		{ 'f', 13, 0 }, { 'd', 6, 1000 }, { 'd', 4, 1000 },
		{ 'p', 3, 34 }, { 'f', 3, 10 }, { 'f', 1, 10 },
		{ 'd', 2, 1024 } };
	size_t i, j, k;
	double v;

	(void)state;
	for (v = 0.0001; v < 1e22; v *= 1.37) {
		for (k = 0; k < 4; k++) {
			for (i = 0; i < 8; i++)
				assert_int_equal(strlen(plain(&cols[i], v,
						     flags[k])),
				    cols[i].width);
			for (j = 0; j < 8; j++)
				assert_int_equal(strlen(plain(&more[j], v,
						     flags[k])),
				    more[j].width);
		}
	}
	/* The boundary dstat overflowed, with and without --float. */
	assert_string_equal(plain(&cols[6], 999.999, 0), "1.0");
	assert_string_equal(plain(&cols[7], 999.6, DK_CELL_FLOAT), "1.0");
	assert_string_equal(plain(&cols[5], 9999.6, 0), "10.0");
}

/* Epoch and time: no unit slot, decimals with --debug's wider column. */
static void
test_epoch_and_text(void **state)
{
	static const struct dk_cellfmt epoch = { 'f', 10, 0 };
	static const struct dk_cellfmt epoch_dbg = { 'f', 13, 0 };
	static const struct dk_cellfmt tm = { 's', 14, 0 };
	struct dk_cell c;

	(void)state;
	assert_string_equal(plain(&epoch, 1795311032.4, 0), "1795311032");
	assert_string_equal(plain(&epoch, 1795311032.6, 0), "1795311033");
	assert_string_equal(plain(&epoch_dbg, 1795311032.456, 0),
	    "1795311032.46");
	dk_cell_string(&c, &tm, "22-11 01:29:39");
	assert_string_equal(c.text, "22-11 01:29:39");
	assert_int_equal(c.unit, '\0');
	assert_int_equal(c.color, DK_CC_TEXT);
	dk_cell_string(&c, &tm, "short");
	assert_string_equal(c.text, "short         ");
	dk_cell_string(&c, &tm, "a string far too long for it");
	assert_string_equal(c.text, "a string far t");
}

static void
test_dash_and_blank(void **state)
{
	struct dk_cell c;
	char buf[DK_CELL_MAX + 1];

	(void)state;
	dk_cell_dash(&c, &cols[0]);
	assert_int_equal(dk_cell_plain(&c, buf), 5);
	assert_string_equal(buf, "   - ");
	assert_int_equal(c.color, DK_CC_ERROR);
	dk_cell_dash(&c, &cols[7]);
	assert_string_equal(c.text, "  -");
	dk_cell_blank(&c, &cols[0]);
	assert_int_equal(dk_cell_plain(&c, buf), 5);
	assert_string_equal(buf, "     ");
	assert_int_equal(c.color, DK_CC_BLANK);
	dk_cell_number(&c, &cols[1], -3, 0);
	assert_int_equal(c.color, DK_CC_ERROR);
}

struct color_case {
	int col;
	double v;
	unsigned flags;
	int color;
	int step;
};

/* dstat's thresholds (reference section 10.3). */
static void
test_colors(void **state)
{
	static const struct color_case cases[] = {
		/* cpu %: every 34 points, 100 is done, 0 is dim */
		{ 7, 0, 0, DK_CC_ZERO, 0 },
		{ 7, 0.4, 0, DK_CC_ZERO, 0 },
		{ 7, 1, 0, DK_CC_STEP, 0 },
		{ 7, 33, 0, DK_CC_STEP, 0 },
		{ 7, 34, 0, DK_CC_STEP, 1 },
		{ 7, 67.9, 0, DK_CC_STEP, 1 },
		{ 7, 68, 0, DK_CC_STEP, 2 },
		{ 7, 99.4, 0, DK_CC_STEP, 2 },
		{ 7, 99.5, 0, DK_CC_DONE, 0 },
		{ 7, 100, 0, DK_CC_DONE, 0 },
		/* bytes: the unit step, B k M G T */
		{ 0, 5, 0, DK_CC_STEP, 0 },
		{ 0, 9999, 0, DK_CC_STEP, 0 },
		{ 0, 10000, 0, DK_CC_STEP, 1 },
		{ 0, 12345678, 0, DK_CC_STEP, 2 },
		{ 0, 5e12, 0, DK_CC_STEP, 3 },
		{ 0, 5e15, 0, DK_CC_STEP, 4 },
		{ 0, 1250, DK_CELL_BITS, DK_CC_STEP, 1 },
		/* counts: base 1000 */
		{ 1, 999, 0, DK_CC_STEP, 0 },
		{ 1, 123456, 0, DK_CC_STEP, 1 },
		/* memory: "0.40" is not "0" */
		{ 3, 0.4, 0, DK_CC_STEP, 0 },
		/* load: every 0.5, wrapping after 8 steps */
		{ 5, 0.49, 0, DK_CC_STEP, 0 },
		{ 5, 0.5, 0, DK_CC_STEP, 1 },
		{ 5, 1.0, 0, DK_CC_STEP, 2 },
		{ 5, 1.99, 0, DK_CC_STEP, 3 },
		{ 5, 2.0, 0, DK_CC_STEP, 4 },
		{ 5, 2.5, 0, DK_CC_STEP, 5 },
		{ 5, 3.0, 0, DK_CC_STEP, 6 },
		{ 5, 3.5, 0, DK_CC_STEP, 7 },
		{ 5, 4.0, 0, DK_CC_STEP, 0 },
		/* procs: every 10 */
		{ 6, 9, 0, DK_CC_STEP, 0 },
		{ 6, 10, 0, DK_CC_STEP, 1 },
		{ 6, 25, 0, DK_CC_STEP, 2 },
		{ 6, 55, 0, DK_CC_STEP, 5 },
	};
	size_t i;
	struct dk_cell c;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		dk_cell_number(&c, &cols[cases[i].col], cases[i].v,
		    cases[i].flags);
		if (c.color != cases[i].color || c.step != cases[i].step)
			fail_msg("case %zu (%g): color %d step %d, want %d %d",
			    i, cases[i].v, c.color, c.step, cases[i].color,
			    cases[i].step);
	}
}

static void
test_has_unit(void **state)
{
	static const struct dk_cellfmt narrow = { 'd', 3, 1000 };

	(void)state;
	assert_true(dk_cell_has_unit(&cols[0]));
	assert_true(dk_cell_has_unit(&cols[4]));
	assert_false(dk_cell_has_unit(&cols[5]));
	assert_false(dk_cell_has_unit(&cols[7]));
	assert_false(dk_cell_has_unit(&narrow));
	/* Without a slot, a narrow base-1000 column still divides. */
	assert_string_equal(plain(&narrow, 1500, 0), "  2");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dstat_tables),
		cmocka_unit_test(test_not_finite),
		cmocka_unit_test(test_width_never_exceeded),
		cmocka_unit_test(test_epoch_and_text),
		cmocka_unit_test(test_dash_and_blank),
		cmocka_unit_test(test_colors),
		cmocka_unit_test(test_has_unit),
	};

	return cmocka_run_group_tests_name("cell", tests, NULL, NULL);
}
