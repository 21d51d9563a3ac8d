/*
 * test_dump.c - the report formats over snapshots built by hand: -p, -L,
 * human blocks and JSON, byte for byte.
 */
#include "helpers.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../lib/dump.h"
#include "../lib/filter.h"

#define SNAP_NS 1000500000000u /* 1000.5 s */

static void
add_hrtime(struct dk_snap *s, const char *name, uint64_t ns)
{
	union dk_value v = { .u = ns };

	assert_int_equal(dk_snap_add(s, name, strlen(name), DK_T_HRTIME,
			     DK_K_TIMESTAMP, 0, "s", v),
	    0);
}

static void
add_typed(struct dk_snap *s, const char *name, enum dk_type t, union dk_value v)
{
	assert_int_equal(dk_snap_add(s, name, strlen(name), t, DK_K_GAUGE, 0,
			     "1", v),
	    0);
}

static void
add_str(struct dk_snap *s, const char *name, const char *val)
{
	assert_int_equal(dk_snap_string(s, name, val, strlen(val)), 0);
}

/* load:0:loadavg, as the load provider would emit it. */
static void
build_load(struct dk_snap *s)
{
	assert_int_equal(dk_snap_begins(s, "load", "0", "loadavg", "misc",
			     "/proc/loadavg"),
	    0);
	assert_int_equal(dk_snap_double(s, "avg1", 0.05, "1"), 0);
	assert_int_equal(dk_snap_double(s, "avg5", 0.1, "1"), 0);
	assert_int_equal(dk_snap_double(s, "avg15", 1.5, "1"), 0);
	assert_int_equal(dk_snap_gauge(s, "runnable", 2, "1"), 0);
	assert_int_equal(dk_snap_gauge(s, "entities", 300, "1"), 0);
	assert_int_equal(dk_snap_info_u64(s, "last_pid", 4242), 0);
}

/*
 * test:2:odd and test:10:odd: names that fall around the
 * pseudo-statistics class, crtime and snaptime.
 */
static void
build_names(struct dk_snap *s)
{
	const char *inst[] = { "10", "2" };
	size_t i;

	for (i = 0; i < 2; i++) {
		assert_int_equal(dk_snap_begins(s, "test", inst[i], "odd",
				     "misc", "src"),
		    0);
		assert_int_equal(dk_snap_counter(s, "zz", 1, 64, "1"), 0);
		assert_int_equal(dk_snap_counter(s, "snap", 2, 64, "1"), 0);
		assert_int_equal(dk_snap_counter(s, "ctx", 3, 64, "1"), 0);
		assert_int_equal(dk_snap_counter(s, "cpu", 4, 64, "1"), 0);
		assert_int_equal(dk_snap_counter(s, "boot", 5, 64, "1"), 0);
		assert_int_equal(dk_snap_gauge(s, "Cached", 6, "bytes"), 0);
	}
}

/* num:0:values: every numeric type at its edges. */
static void
build_numbers(struct dk_snap *s)
{
	assert_int_equal(dk_snap_begins(s, "num", "0", "values", "misc", "src"),
	    0);
	assert_int_equal(dk_snap_counter(s, "u64max", UINT64_MAX, 64, "1"), 0);
	assert_int_equal(dk_snap_gauge(s, "u63", (uint64_t)INT64_MAX + 1, "1"),
	    0);
	assert_int_equal(dk_snap_gauge(s, "i63", (uint64_t)INT64_MAX, "1"), 0);
	assert_int_equal(dk_snap_gauge_i64(s, "i64min", INT64_MIN, "1"), 0);
	add_typed(s, "i32", DK_T_INT32, (union dk_value) { .i = -5 });
	add_typed(s, "u32", DK_T_UINT32, (union dk_value) { .u = 4294967295u });
	add_hrtime(s, "hrmax", UINT64_MAX);
	add_hrtime(s, "hrzero", 0);
	add_hrtime(s, "hrone", 1);
	add_hrtime(s, "hr2p53", 9007199254740993u); /* 2^53 + 1 */
	assert_int_equal(dk_snap_double(s, "third", 1.0 / 3, "1"), 0);
	assert_int_equal(dk_snap_double(s, "huge", 1e300, "1"), 0);
	assert_int_equal(dk_snap_double(s, "neg", -0.5, "1"), 0);
	assert_int_equal(dk_snap_double(s, "whole", 100, "1"), 0);
}

/* str:a b:50%: keys and values with bytes that need escaping. */
static void
build_strings(struct dk_snap *s)
{
	assert_int_equal(dk_snap_begins(s, "str", "a b", "50%", "misc", "src"),
	    0);
	add_str(s, "ctl",
	    "a\tb\nc\x01"
	    "d\x7f");
	add_str(s, "utf8", "caf\xc3\xa9");
	add_str(s, "bad", "x\xffy\xc3");
	add_str(s, "q", "a?b\"c\\d");
	add_str(s, "fake", "\\u0000N123");
	add_str(s, "colon", "a: b%c");
	add_str(s, "empty", "");
	add_str(s, "x:y z", "v");
}

/* Finish, sort for printing, and stamp crtimes (the collector would). */
static void
finish(struct dk_snap *s, uint64_t crtime)
{
	size_t i;

	dk_snap_finish(s);
	dk_snap_sort_stats(s);
	for (i = 0; i < dk_snap_count(s); i++)
		dk_snap_kstat(s, i)->crtime_ns = crtime;
}

static struct dk_snap *
snap_of(void (*build)(struct dk_snap *), uint64_t crtime)
{
	struct dk_snap *s = dk_snap_new();

	assert_non_null(s);
	dk_snap_set_time(s, SNAP_NS);
	build(s);
	finish(s, crtime);
	assert_int_equal(dk_snap_failed(s), 0);
	return s;
}

static struct dk_filter *
filter_of(const char *op, ...)
{
	struct dk_filter *f = dk_filter_new();
	struct dk_err err = { "" };
	va_list ap;

	assert_non_null(f);
	va_start(ap, op);
	for (; op != NULL; op = va_arg(ap, const char *))
		if (dk_filter_add_operand(f, op, &err) != 0)
			fail_msg("operand '%s': %s", op, err.msg);
	va_end(ap);
	return f;
}

typedef size_t (
    *render_fn)(struct dk_sb *, struct dk_snap *, const struct dk_filter *);

/* Render into a buffer that already holds text (renderers append). */
static void
render_is(render_fn fn, struct dk_snap *s, const struct dk_filter *f,
    const char *want, size_t nwant)
{
	struct dk_sb sb;
	size_t n;

	dk_sb_init(&sb);
	dk_sb_puts(&sb, "PREFIX");
	n = fn(&sb, s, f);
	assert_int_equal(dk_sb_failed(&sb), 0);
	assert_int_equal(strncmp(sb.buf, "PREFIX", 6), 0);
	if (strcmp(sb.buf + 6, want) != 0) {
		print_error("got:\n%s\nwant:\n%s\n", sb.buf + 6, want);
		fail();
	}
	assert_int_equal(sb.len, strlen(want) + 6);
	assert_int_equal(n, nwant);
	dk_sb_release(&sb);
}

/* The text of a render, for searching; free it. */
static char *
render(render_fn fn, struct dk_snap *s, const struct dk_filter *f)
{
	struct dk_sb sb;

	dk_sb_init(&sb);
	(void)fn(&sb, s, f);
	assert_int_equal(dk_sb_failed(&sb), 0);
	return sb.buf;
}

static void
has(const char *text, const char *want)
{
	if (strstr(text, want) == NULL) {
		print_error("not found: %s\nin:\n%s\n", want, text);
		fail();
	}
}

static void
test_hrtime(void **state)
{
	const struct {
		uint64_t ns;
		const char *want;
	} cases[] = {
		{ 0, "0" },
		{ 1, "0.000000001" },
		{ 999999999, "0.999999999" },
		{ 1000000000, "1.000000000" },
		{ 1000500000000u, "1000.500000000" },
		/* 105 days + 0.123456789 s: a double gets ...787 (kstat Q7) */
		{ 9072000123456789u, "9072000.123456789" },
		{ UINT64_MAX, "18446744073.709551615" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct dk_sb sb;

		dk_sb_init(&sb);
		dk_dump_hrtime(&sb, cases[i].ns);
		assert_string_equal(sb.buf, cases[i].want);
		dk_sb_release(&sb);
	}
}

static void
test_double(void **state)
{
	const struct {
		double d;
		const char *want;
	} cases[] = {
		{ 0.05, "0.05" },
		{ 0.1, "0.1" },
		{ 0.1 + 0.2, "0.30000000000000004" },
		{ 1.0 / 3, "0.3333333333333333" },
		{ 1.5, "1.5" },
		{ 100, "100" },
		{ 0, "0" },
		{ -0.5, "-0.5" },
		{ 123456789012.0, "123456789012" },
		{ 10, "10" }, /* not "1e+01" */
		{ 20, "20" },
		{ 1.5e10, "15000000000" },
		{ 1e16, "10000000000000000" },
		{ 1e17, "1e+17" },
		{ 1e300, "1e+300" },
		{ 0.0001, "0.0001" },
		{ 1e-5, "1e-05" },
		{ 5e-324, "5e-324" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct dk_sb sb;

		dk_sb_init(&sb);
		dk_dump_double(&sb, cases[i].d);
		assert_string_equal(sb.buf, cases[i].want);
		/* Shortest, and reads back as the same double. */
		assert_true(strtod(sb.buf, NULL) == cases[i].d);
		dk_sb_release(&sb);
	}
}

static const char load_p[] = "load:0:loadavg:avg1\t0.05\n"
			     "load:0:loadavg:avg15\t1.5\n"
			     "load:0:loadavg:avg5\t0.1\n"
			     "load:0:loadavg:class\tmisc\n"
			     "load:0:loadavg:crtime\t1.000000000\n"
			     "load:0:loadavg:entities\t300\n"
			     "load:0:loadavg:last_pid\t4242\n"
			     "load:0:loadavg:runnable\t2\n"
			     "load:0:loadavg:snaptime\t1000.500000000\n";

static void
test_parseable(void **state)
{
	struct dk_snap *s = snap_of(build_load, 1000000000);
	struct dk_filter *f;

	(void)state;
	render_is(dk_dump_parseable, s, NULL, load_p, 9);
	/* A statistic matched by two operands is printed once. */
	f = filter_of("load", "load:0:loadavg:avg1", ":::avg*", NULL);
	render_is(dk_dump_parseable, s, f, load_p, 9);
	dk_filter_free(f);
	/* Pseudo-statistics are selected like any statistic. */
	f = filter_of(":::/time/", NULL);
	render_is(dk_dump_parseable, s, f,
	    "load:0:loadavg:crtime\t1.000000000\n"
	    "load:0:loadavg:snaptime\t1000.500000000\n",
	    2);
	dk_filter_free(f);
	f = filter_of("::loadavg:class", NULL);
	render_is(dk_dump_parseable, s, f, "load:0:loadavg:class\tmisc\n", 1);
	dk_filter_free(f);
	/* Nothing selected: nothing written. */
	f = filter_of("nosuch", NULL);
	render_is(dk_dump_parseable, s, f, "", 0);
	dk_filter_free(f);
	dk_snap_free(s);
}

static void
test_pseudo_order(void **state)
{
	struct dk_snap *s = snap_of(build_names, 0);
	struct dk_filter *f = filter_of(":2", NULL);

	(void)state;
	/* Numeric instances in numeric order: 2 before 10. */
	render_is(dk_dump_keys, s, NULL,
	    "test:2:odd:boot\n"
	    "test:2:odd:Cached\n"
	    "test:2:odd:class\n"
	    "test:2:odd:cpu\n"
	    "test:2:odd:crtime\n"
	    "test:2:odd:ctx\n"
	    "test:2:odd:snap\n"
	    "test:2:odd:snaptime\n"
	    "test:2:odd:zz\n"
	    "test:10:odd:boot\n"
	    "test:10:odd:Cached\n"
	    "test:10:odd:class\n"
	    "test:10:odd:cpu\n"
	    "test:10:odd:crtime\n"
	    "test:10:odd:ctx\n"
	    "test:10:odd:snap\n"
	    "test:10:odd:snaptime\n"
	    "test:10:odd:zz\n",
	    18);
	/* crtime 0 prints as kstat prints it: "0". */
	render_is(dk_dump_parseable, s, f,
	    "test:2:odd:boot\t5\n"
	    "test:2:odd:Cached\t6\n"
	    "test:2:odd:class\tmisc\n"
	    "test:2:odd:cpu\t4\n"
	    "test:2:odd:crtime\t0\n"
	    "test:2:odd:ctx\t3\n"
	    "test:2:odd:snap\t2\n"
	    "test:2:odd:snaptime\t1000.500000000\n"
	    "test:2:odd:zz\t1\n",
	    9);
	assert_int_equal(dk_dump_count(s, f), 9);
	assert_int_equal(dk_dump_count(s, NULL), 18);
	dk_filter_free(f);
	dk_snap_free(s);
}

static void
test_parseable_numbers(void **state)
{
	struct dk_snap *s = snap_of(build_numbers, 0);
	struct dk_filter *f = filter_of(":::/^[^cs]/", NULL);

	(void)state;
	render_is(dk_dump_parseable, s, f,
	    "num:0:values:hr2p53\t9007199.254740993\n"
	    "num:0:values:hrmax\t18446744073.709551615\n"
	    "num:0:values:hrone\t0.000000001\n"
	    "num:0:values:hrzero\t0\n"
	    "num:0:values:huge\t1e+300\n"
	    "num:0:values:i32\t-5\n"
	    "num:0:values:i63\t9223372036854775807\n"
	    "num:0:values:i64min\t-9223372036854775808\n"
	    "num:0:values:neg\t-0.5\n"
	    "num:0:values:third\t0.3333333333333333\n"
	    "num:0:values:u32\t4294967295\n"
	    "num:0:values:u63\t9223372036854775808\n"
	    "num:0:values:u64max\t18446744073709551615\n"
	    "num:0:values:whole\t100\n",
	    14);
	dk_filter_free(f);
	dk_snap_free(s);
}

/* Keys escape '%' ':' ' ' and control bytes; values '%' and controls. */
static void
test_parseable_escapes(void **state)
{
	struct dk_snap *s = snap_of(build_strings, 0);
	struct dk_filter *f = filter_of(":::/^[^cs]/", ":::ctl", NULL);

	(void)state;
	render_is(dk_dump_parseable, s, f,
	    "str:a%20b:50%25:bad\tx\xffy\xc3\n"
	    "str:a%20b:50%25:ctl\ta%09b%0Ac%01d%7F\n"
	    "str:a%20b:50%25:empty\t\n"
	    "str:a%20b:50%25:fake\t\\u0000N123\n"
	    "str:a%20b:50%25:q\ta?b\"c\\d\n"
	    "str:a%20b:50%25:utf8\tcaf\xc3\xa9\n"
	    "str:a%20b:50%25:x%3Ay%20z\tv\n",
	    7);
	render_is(dk_dump_keys, s, f,
	    "str:a%20b:50%25:bad\n"
	    "str:a%20b:50%25:ctl\n"
	    "str:a%20b:50%25:empty\n"
	    "str:a%20b:50%25:fake\n"
	    "str:a%20b:50%25:q\n"
	    "str:a%20b:50%25:utf8\n"
	    "str:a%20b:50%25:x%3Ay%20z\n",
	    7);
	dk_filter_free(f);
	/* The printed key, pasted back as an operand, selects that line. */
	f = filter_of("str:a%20b:50%25:x%3Ay%20z", NULL);
	render_is(dk_dump_parseable, s, f, "str:a%20b:50%25:x%3Ay%20z\tv\n", 1);
	dk_filter_free(f);
	f = filter_of("str:a%20b:50%25:colon", NULL);
	render_is(dk_dump_parseable, s, f, "str:a%20b:50%25:colon\ta: b%25c\n",
	    1);
	dk_filter_free(f);
	dk_snap_free(s);
}

static void
test_human(void **state)
{
	struct dk_snap *s = snap_of(build_load, 1000000000);
	struct dk_filter *f;

	(void)state;
	render_is(dk_dump_human, s, NULL,
	    "module: load                            instance: 0     \n"
	    "name:   loadavg                         class:    misc\n"
	    "\tavg1                            0.05\n"
	    "\tavg15                           1.5\n"
	    "\tavg5                            0.1\n"
	    "\tcrtime                          1.000000000\n"
	    "\tentities                        300\n"
	    "\tlast_pid                        4242\n"
	    "\trunnable                        2\n"
	    "\tsnaptime                        1000.500000000\n"
	    "\n",
	    8);
	/* A kstat with no selected statistic prints no header at all. */
	f = filter_of(":::class", NULL);
	render_is(dk_dump_human, s, f, "", 0);
	dk_filter_free(f);
	dk_snap_free(s);
}

/* Two kstats; odd bytes shown visibly; long names not cut. */
static void
build_human_odd(struct dk_snap *s)
{
	assert_int_equal(dk_snap_begins(s,
			     "a_module_name_longer_than_thirty_chars",
			     "instance7", "n", "misc", "src"),
	    0);
	assert_int_equal(dk_snap_counter(s,
			     "a_statistic_name_longer_than_thirty", 1, 64, "1"),
	    0);
	assert_int_equal(dk_snap_begins(s, "str", "a\tb", "x y", "c\x01",
			     "src"),
	    0);
	add_str(s, "s", "tab\there\\ 50% \x1b[0m \xc3\xa9");
}

static void
test_human_odd(void **state)
{
	struct dk_snap *s = snap_of(build_human_odd, 0);
	struct dk_filter *f = filter_of(":::/^[as]$|^a_/", NULL);

	(void)state;
	render_is(dk_dump_human, s, f,
	    "module: a_module_name_longer_than_thirty_chars  instance: "
	    "instance7\n"
	    "name:   n                               class:    misc\n"
	    "\ta_statistic_name_longer_than_thirty  1\n"
	    "\n"
	    "module: str                             instance: a\\tb  \n"
	    "name:   x y                             class:    c\\x01\n"
	    "\ts                               tab\\there\\\\ 50% \\x1B[0m "
	    "\xc3\xa9\n"
	    "\n",
	    2);
	dk_filter_free(f);
	dk_snap_free(s);
}

/* The whole JSON text of one kstat, byte for byte. */
static void
test_json_exact(void **state)
{
	struct dk_snap *s = snap_of(build_load, 1000000000);
	struct dk_filter *f;

	(void)state;
	render_is(dk_dump_json, s, NULL,
	    "[\n"
	    "{\"module\":\"load\",\"instance\":\"0\",\"name\":\"loadavg\","
	    "\"class\":\"misc\",\"type\":1,\"snaptime\":1000.500000000,"
	    "\"data\":{\"avg1\":0.05,\"avg15\":1.5,\"avg5\":0.1,"
	    "\"crtime\":1.000000000,\"entities\":300,\"last_pid\":4242,"
	    "\"runnable\":2,\"snaptime\":1000.500000000},"
	    "\"snaptime_ns\":1000500000000,\"crtime_ns\":1000000000,"
	    "\"source\":\"/proc/loadavg\",\"meta\":{"
	    "\"avg1\":{\"type\":\"double\",\"kind\":\"gauge\",\"unit\":\"1\"},"
	    "\"avg15\":{\"type\":\"double\",\"kind\":\"gauge\",\"unit\":\"1\"},"
	    "\"avg5\":{\"type\":\"double\",\"kind\":\"gauge\",\"unit\":\"1\"},"
	    "\"crtime\":{\"type\":\"hrtime\",\"kind\":\"timestamp\","
	    "\"clock\":\"boottime\",\"unit\":\"s\"},"
	    "\"entities\":{\"type\":\"uint64\",\"kind\":\"gauge\","
	    "\"unit\":\"1\"},"
	    "\"last_pid\":{\"type\":\"uint64\",\"kind\":\"info\","
	    "\"unit\":\"1\"},"
	    "\"runnable\":{\"type\":\"uint64\",\"kind\":\"gauge\","
	    "\"unit\":\"1\"},"
	    "\"snaptime\":{\"type\":\"hrtime\",\"kind\":\"timestamp\","
	    "\"clock\":\"boottime\",\"unit\":\"s\"}}}\n"
	    "]\n",
	    8);
	/* Only snaptime selected: data holds it alone. */
	f = filter_of(":::snaptime", NULL);
	render_is(dk_dump_json, s, f,
	    "[\n"
	    "{\"module\":\"load\",\"instance\":\"0\",\"name\":\"loadavg\","
	    "\"class\":\"misc\",\"type\":1,\"snaptime\":1000.500000000,"
	    "\"data\":{\"snaptime\":1000.500000000},"
	    "\"snaptime_ns\":1000500000000,\"crtime_ns\":1000000000,"
	    "\"source\":\"/proc/loadavg\",\"meta\":{"
	    "\"snaptime\":{\"type\":\"hrtime\",\"kind\":\"timestamp\","
	    "\"clock\":\"boottime\",\"unit\":\"s\"}}}\n"
	    "]\n",
	    1);
	dk_filter_free(f);
	/* Nothing selected: an empty array, still one JSON text. */
	f = filter_of("nosuch", NULL);
	render_is(dk_dump_json, s, f, "[]\n", 0);
	dk_filter_free(f);
	dk_snap_free(s);
}

static void
test_json_empty_snapshot(void **state)
{
	struct dk_snap *s = dk_snap_new();

	(void)state;
	dk_snap_finish(s);
	render_is(dk_dump_json, s, NULL, "[]\n", 0);
	render_is(dk_dump_parseable, s, NULL, "", 0);
	render_is(dk_dump_human, s, NULL, "", 0);
	dk_snap_free(s);
}

/* Numbers exact to the last digit, found by string search. */
static void
test_json_numbers(void **state)
{
	struct dk_snap *s = snap_of(build_numbers, 0);
	char *out = render(dk_dump_json, s, NULL);
	json_error_t jerr;
	json_t *doc, *data;

	(void)state;
	has(out, "\"u64max\":18446744073709551615,");
	has(out, "\"u63\":9223372036854775808,");
	has(out, "\"i63\":9223372036854775807,");
	has(out, "\"i64min\":-9223372036854775808,");
	has(out, "\"i32\":-5,");
	has(out, "\"u32\":4294967295,");
	has(out, "\"hrmax\":18446744073.709551615,");
	has(out, "\"hrzero\":0,");
	has(out, "\"hrone\":0.000000001,");
	has(out, "\"hr2p53\":9007199.254740993,");
	has(out, "\"third\":0.3333333333333333,");
	has(out, "\"huge\":1e+300,");
	has(out, "\"neg\":-0.5,");
	has(out, "\"whole\":100}");
	has(out, "\"crtime\":0,");
	has(out, "\"crtime_ns\":0,");
	has(out,
	    "\"u64max\":{\"type\":\"uint64\",\"kind\":\"counter\","
	    "\"width\":64,\"unit\":\"1\"}");
	has(out, "\"i32\":{\"type\":\"int32\",\"kind\":\"gauge\"");
	has(out,
	    "\"hrmax\":{\"type\":\"hrtime\",\"kind\":\"timestamp\","
	    "\"clock\":\"realtime\",\"unit\":\"s\"}");
	/* No placeholder is left over. */
	assert_null(strstr(out, "\\u0000"));
	/* Valid JSON (big integers read as reals: checked above exactly). */
	doc = json_loads(out, JSON_DECODE_INT_AS_REAL, &jerr);
	if (doc == NULL)
		fail_msg("invalid JSON: %s at %d: %s", jerr.text, jerr.position,
		    out);
	assert_int_equal(json_array_size(doc), 1);
	data = json_object_get(json_array_get(doc, 0), "data");
	assert_true(json_real_value(json_object_get(data, "third")) == 1.0 / 3);
	assert_true(json_real_value(json_object_get(data, "neg")) == -0.5);
	assert_true(json_real_value(json_object_get(data, "i32")) == -5.0);
	assert_int_equal(json_object_size(data), 16);
	json_decref(doc);
	free(out);
	dk_snap_free(s);
}

/* Strings: valid JSON whatever the bytes, and exactly what was given. */
static void
test_json_strings(void **state)
{
	struct dk_snap *s = snap_of(build_strings, 0);
	char *out = render(dk_dump_json, s, NULL);
	json_error_t jerr;
	json_t *doc, *o, *data;

	(void)state;
	/* Invalid UTF-8 bytes become U+00XX, valid UTF-8 passes. */
	has(out, "\"bad\":\"x\xc3\xbfy\xc3\x83\"");
	has(out, "\"utf8\":\"caf\xc3\xa9\"");
	/* Control bytes escaped; '?' is not (kstat's \? is not JSON). */
	has(out, "\"ctl\":\"a\\tb\\nc\\u0001d\x7f\"");
	has(out, "\"q\":\"a?b\\\"c\\\\d\"");
	/* A string holding the text of a placeholder is left alone. */
	has(out, "\"fake\":\"\\\\u0000N123\"");
	has(out, "\"colon\":\"a: b%c\"");
	has(out, "\"x:y z\":\"v\"");
	has(out, "\"ctl\":{\"type\":\"string\",\"kind\":\"info\"}");
	doc = json_loads(out, 0, &jerr);
	if (doc == NULL)
		fail_msg("invalid JSON: %s at %d: %s", jerr.text, jerr.position,
		    out);
	o = json_array_get(doc, 0);
	assert_string_equal(json_string_value(json_object_get(o, "instance")),
	    "a b");
	assert_string_equal(json_string_value(json_object_get(o, "name")),
	    "50%");
	data = json_object_get(o, "data");
	assert_string_equal(json_string_value(json_object_get(data, "ctl")),
	    "a\tb\nc\x01"
	    "d\x7f");
	assert_string_equal(json_string_value(json_object_get(data, "fake")),
	    "\\u0000N123");
	assert_string_equal(json_string_value(json_object_get(data, "q")),
	    "a?b\"c\\d");
	assert_string_equal(json_string_value(json_object_get(data, "bad")),
	    "x\xc3\xbfy\xc3\x83");
	assert_string_equal(json_string_value(json_object_get(data, "empty")),
	    "");
	/* 8 strings + crtime + snaptime. */
	assert_int_equal(json_object_size(data), 10);
	json_decref(doc);
	free(out);
	dk_snap_free(s);
}

/* Names with invalid UTF-8 are mapped like values, not dropped. */
static void
build_bad_names(struct dk_snap *s)
{
	assert_int_equal(dk_snap_begins(s, "m\xff", "i\xfe", "n\xfd", "c\xfc",
			     "/proc/\xfb"),
	    0);
	assert_int_equal(dk_snap_counter(s, "s\xff", 7, 64, "1"), 0);
	assert_int_equal(dk_snap_counter(s, "ok", 8, 64, "\xb5s"), 0);
}

static void
test_json_bad_names(void **state)
{
	struct dk_snap *s = snap_of(build_bad_names, 0);
	char *out = render(dk_dump_json, s, NULL);
	json_error_t jerr;
	json_t *doc;

	(void)state;
	has(out,
	    "\"module\":\"m\xc3\xbf\",\"instance\":\"i\xc3\xbe\","
	    "\"name\":\"n\xc3\xbd\",\"class\":\"c\xc3\xbc\"");
	has(out, "\"source\":\"/proc/\xc3\xbb\"");
	has(out, "\"unit\":\"\xc2\xb5s\"");
	has(out,
	    "\"data\":{\"crtime\":0,\"ok\":8,"
	    "\"snaptime\":1000.500000000,\"s\xc3\xbf\":7}");
	has(out, "\"s\xc3\xbf\":{\"type\":\"uint64\"");
	doc = json_loads(out, 0, &jerr);
	if (doc == NULL)
		fail_msg("invalid JSON: %s at %d: %s", jerr.text, jerr.position,
		    out);
	json_decref(doc);
	free(out);
	dk_snap_free(s);
}

/* Several kstats, some filtered out: commas and lines stay right. */
static void
build_three(struct dk_snap *s)
{
	const char *mods[] = { "a", "b", "c" };
	size_t i;

	for (i = 0; i < 3; i++) {
		assert_int_equal(dk_snap_begins(s, mods[i], "0", "n", "misc",
				     "src"),
		    0);
		assert_int_equal(dk_snap_gauge(s, "v", i, "1"), 0);
	}
}

/* One object of build_three: module %s, value %d. */
#define OBJ_FMT                                                         \
	"{\"module\":\"%s\",\"instance\":\"0\",\"name\":\"n\","         \
	"\"class\":\"misc\",\"type\":1,\"snaptime\":1000.500000000,"    \
	"\"data\":{\"crtime\":0,\"snaptime\":1000.500000000,\"v\":%d}," \
	"\"snaptime_ns\":1000500000000,\"crtime_ns\":0,"                \
	"\"source\":\"src\",\"meta\":{"                                 \
	"\"crtime\":{\"type\":\"hrtime\",\"kind\":\"timestamp\","       \
	"\"clock\":\"boottime\",\"unit\":\"s\"},"                       \
	"\"snaptime\":{\"type\":\"hrtime\",\"kind\":\"timestamp\","     \
	"\"clock\":\"boottime\",\"unit\":\"s\"},"                       \
	"\"v\":{\"type\":\"uint64\",\"kind\":\"gauge\",\"unit\":\"1\"}}}"

static void
test_json_several(void **state)
{
	struct dk_snap *s = snap_of(build_three, 0);
	struct dk_filter *f = filter_of("a", "c", NULL);
	char *out = render(dk_dump_json, s, f);
	char want[2100];
	json_t *doc;

	(void)state;
	(void)snprintf(want, sizeof(want), "[\n" OBJ_FMT ",\n" OBJ_FMT "\n]\n",
	    "a", 0, "c", 2);
	assert_string_equal(out, want);

	doc = json_loads(out, 0, NULL);
	assert_non_null(doc);
	assert_int_equal(json_array_size(doc), 2);
	json_decref(doc);
	free(out);
	dk_filter_free(f);
	dk_snap_free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hrtime),
		cmocka_unit_test(test_double),
		cmocka_unit_test(test_parseable),
		cmocka_unit_test(test_pseudo_order),
		cmocka_unit_test(test_parseable_numbers),
		cmocka_unit_test(test_parseable_escapes),
		cmocka_unit_test(test_human),
		cmocka_unit_test(test_human_odd),
		cmocka_unit_test(test_json_exact),
		cmocka_unit_test(test_json_empty_snapshot),
		cmocka_unit_test(test_json_numbers),
		cmocka_unit_test(test_json_strings),
		cmocka_unit_test(test_json_bad_names),
		cmocka_unit_test(test_json_several),
	};

	return cmocka_run_group_tests_name("dump", tests, NULL, NULL);
}
