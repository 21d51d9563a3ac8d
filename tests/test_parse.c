/* test_parse.c - the scanners of kernel text. */
#include "helpers.h"

#include <stdio.h>
#include <string.h>

#include "../lib/parse.h"

/* Scan s with dk_scan_u64; check the value and what is left. */
static void
u64_ok(const char *s, uint64_t want, const char *rest)
{
	const char *p = s;
	uint64_t v = 12345;

	if (dk_scan_u64(&p, &v) != 0)
		fail_msg("dk_scan_u64(\"%s\") failed", s);
	if (v != want)
		fail_msg("dk_scan_u64(\"%s\") = %ju, want %ju", s, (uintmax_t)v,
		    (uintmax_t)want);
	assert_string_equal(p, rest);
}

/* dk_scan_u64 must fail and leave the pointer and the value alone. */
static void
u64_bad(const char *s)
{
	const char *p = s;
	uint64_t v = 12345;

	if (dk_scan_u64(&p, &v) != -1)
		fail_msg("dk_scan_u64(\"%s\") succeeded with %ju", s,
		    (uintmax_t)v);
	assert_ptr_equal(p, s);
	assert_int_equal(v, 12345);
}

static void
i64_ok(const char *s, int64_t want, const char *rest)
{
	const char *p = s;
	int64_t v = 12345;

	if (dk_scan_i64(&p, &v) != 0)
		fail_msg("dk_scan_i64(\"%s\") failed", s);
	if (v != want)
		fail_msg("dk_scan_i64(\"%s\") = %jd, want %jd", s, (intmax_t)v,
		    (intmax_t)want);
	assert_string_equal(p, rest);
}

static void
i64_bad(const char *s)
{
	const char *p = s;
	int64_t v = 12345;

	if (dk_scan_i64(&p, &v) != -1)
		fail_msg("dk_scan_i64(\"%s\") succeeded with %jd", s,
		    (intmax_t)v);
	assert_ptr_equal(p, s);
	assert_int_equal(v, 12345);
}

static void
hex_ok(const char *s, uint64_t want, const char *rest)
{
	const char *p = s;
	uint64_t v = 12345;

	if (dk_scan_hex(&p, &v) != 0)
		fail_msg("dk_scan_hex(\"%s\") failed", s);
	if (v != want)
		fail_msg("dk_scan_hex(\"%s\") = %jx, want %jx", s, (uintmax_t)v,
		    (uintmax_t)want);
	assert_string_equal(p, rest);
}

static void
hex_bad(const char *s)
{
	const char *p = s;
	uint64_t v = 12345;

	if (dk_scan_hex(&p, &v) != -1)
		fail_msg("dk_scan_hex(\"%s\") succeeded", s);
	assert_ptr_equal(p, s);
	assert_int_equal(v, 12345);
}

static void
fixed_ok(const char *s, unsigned places, uint64_t want, const char *rest)
{
	const char *p = s;
	uint64_t v = 12345;

	if (dk_scan_fixed(&p, places, &v) != 0)
		fail_msg("dk_scan_fixed(\"%s\", %u) failed", s, places);
	if (v != want)
		fail_msg("dk_scan_fixed(\"%s\", %u) = %ju, want %ju", s, places,
		    (uintmax_t)v, (uintmax_t)want);
	assert_string_equal(p, rest);
}

static void
fixed_bad(const char *s, unsigned places)
{
	const char *p = s;
	uint64_t v = 12345;

	if (dk_scan_fixed(&p, places, &v) != -1)
		fail_msg("dk_scan_fixed(\"%s\", %u) succeeded with %ju", s,
		    places, (uintmax_t)v);
	assert_ptr_equal(p, s);
	assert_int_equal(v, 12345);
}

static void
test_u64(void **state)
{
	(void)state;
	u64_ok("0", 0, "");
	u64_ok("007", 7, "");
	u64_ok("42 rest", 42, " rest");
	u64_ok(" \t 42\n", 42, "\n");
	u64_ok("12abc", 12, "abc");
	u64_ok("18446744073709551615", UINT64_MAX, "");
	u64_ok("18446744073709551615 1", UINT64_MAX, " 1");
	u64_ok("00000000000000000000000018446744073709551615", UINT64_MAX, "");
	u64_bad("18446744073709551616"); /* 2^64 */
	u64_bad("18446744073709551620");
	u64_bad("99999999999999999999");
	u64_bad("184467440737095516150");
	u64_bad("-1");
	u64_bad("+1");
	u64_bad("");
	u64_bad("   ");
	u64_bad("\n5"); /* a newline is not a blank */
	u64_bad("abc");
}

static void
test_i64(void **state)
{
	(void)state;
	i64_ok("0", 0, "");
	i64_ok("-0", 0, "");
	i64_ok("  -17 x", -17, " x");
	i64_ok("9223372036854775807", INT64_MAX, "");
	i64_ok("-9223372036854775808", INT64_MIN, "");
	i64_ok("-1\n", -1, "\n");
	i64_bad("9223372036854775808");
	i64_bad("-9223372036854775809");
	i64_bad("18446744073709551616");
	i64_bad("-");
	i64_bad("--5");
	i64_bad("+5");
	i64_bad("- 5"); /* the sign belongs to the number */
	i64_bad("-\t5");
	i64_bad("");
	i64_bad("x");
}

static void
test_hex(void **state)
{
	(void)state;
	hex_ok("0", 0, "");
	hex_ok("ff", 255, "");
	hex_ok("DeadBeef ", 0xdeadbeef, " ");
	hex_ok("  0a1B\n", 0xa1b, "\n");
	hex_ok("ffffffffffffffff", UINT64_MAX, "");
	hex_ok("0000ffffffffffffffff", UINT64_MAX, "");
	hex_ok("0x10", 0, "x10"); /* no prefix is understood */
	hex_ok("12g", 0x12, "g");
	hex_bad("10000000000000000"); /* 2^64 */
	hex_bad("g");
	hex_bad("-1");
	hex_bad("");
}

static void
test_fixed(void **state)
{
	(void)state;
	fixed_ok("0.05", 2, 5, "");
	fixed_ok("12", 2, 1200, "");
	fixed_ok("12.", 2, 1200, "");
	fixed_ok("1.2", 3, 1200, "");
	fixed_ok("1.239", 2, 123, ""); /* truncated, not rounded */
	fixed_ok("1.999999", 2, 199, "");
	fixed_ok("0.5", 0, 0, "");
	fixed_ok("7.9", 0, 7, "");
	fixed_ok(" 0.05 0.10", 2, 5, " 0.10");
	fixed_ok("3.14\n", 2, 314, "\n");
	fixed_ok("184467440737095516.15", 2, UINT64_MAX, "");
	fixed_ok("18446744073709551615", 0, UINT64_MAX, "");
	fixed_bad("184467440737095516.16", 2);
	fixed_bad("184467440737095517", 2);
	fixed_bad("18446744073709551616", 0);
	fixed_bad(".5", 2);
	fixed_bad("-1.5", 2);
	fixed_bad("", 2);
}

static void
test_word(void **state)
{
	const char *p = "  foo\tbar  baz\nnext";
	const char *w;

	(void)state;
	assert_int_equal(dk_scan_word(&p, &w), 3);
	assert_memory_equal(w, "foo", 3);
	assert_int_equal(dk_scan_word(&p, &w), 3);
	assert_memory_equal(w, "bar", 3);
	assert_int_equal(dk_scan_word(&p, &w), 3);
	assert_memory_equal(w, "baz", 3);
	/* A word never crosses the end of the line. */
	assert_int_equal(dk_scan_word(&p, &w), 0);
	assert_string_equal(p, "\nnext");
	assert_int_equal(dk_scan_word(&p, &w), 0);
	p = "";
	assert_int_equal(dk_scan_word(&p, &w), 0);
	p = "a:b%c";
	assert_int_equal(dk_scan_word(&p, &w), 5);
	assert_string_equal(p, "");
}

static void
test_eol_blanks(void **state)
{
	(void)state;
	assert_true(dk_at_eol(""));
	assert_true(dk_at_eol("\n"));
	assert_true(dk_at_eol(" \t \nx"));
	assert_false(dk_at_eol(" x"));
	assert_false(dk_at_eol("\r\n"));
	assert_string_equal(dk_skip_blanks(" \t x "), "x ");
	assert_string_equal(dk_skip_blanks("\nx"), "\nx");
}

static void
test_parse_line(void **state)
{
	uint64_t u = 9;
	int64_t i = 9;

	(void)state;
	assert_int_equal(dk_parse_u64_line("123\n", &u), 0);
	assert_int_equal(u, 123);
	assert_int_equal(dk_parse_u64_line("124", &u), 0);
	assert_int_equal(u, 124);
	assert_int_equal(dk_parse_u64_line(" 125 \t\n", &u), 0);
	assert_int_equal(u, 125);
	assert_int_equal(dk_parse_u64_line("18446744073709551615\n", &u), 0);
	assert_int_equal(u, UINT64_MAX);
	assert_int_equal(dk_parse_u64_line("18446744073709551616\n", &u), -1);
	assert_int_equal(dk_parse_u64_line("12x\n", &u), -1);
	assert_int_equal(dk_parse_u64_line("1 2\n", &u), -1);
	assert_int_equal(dk_parse_u64_line("\n", &u), -1);
	assert_int_equal(dk_parse_u64_line("", &u), -1);
	assert_int_equal(dk_parse_u64_line("-1\n", &u), -1);
	assert_int_equal(dk_parse_i64_line("-5\n", &i), 0);
	assert_int_equal(i, -5);
	assert_int_equal(dk_parse_i64_line("-9223372036854775808", &i), 0);
	assert_true(i == INT64_MIN);
	assert_int_equal(dk_parse_i64_line("9223372036854775808\n", &i), -1);
	assert_int_equal(dk_parse_i64_line("-5 x\n", &i), -1);
}

/* Walk buf and join the lines as "[line]" with their numbers. */
static void
lines_are(const char *buf, const char *want, unsigned nlines)
{
	struct dk_lines it;
	const char *line;
	size_t len;
	char got[256] = "";
	unsigned n = 0;

	dk_lines_init(&it, buf);
	while (dk_lines_next(&it, &line, &len) == 0) {
		size_t used = strlen(got);

		n++;
		assert_int_equal(it.lineno, n);
		(void)snprintf(got + used, sizeof(got) - used, "[%.*s]",
		    (int)len, line);
		/* The line ends at a newline or at the end of the buffer. */
		assert_true(line[len] == '\n' || line[len] == '\0');
	}
	assert_string_equal(got, want);
	assert_int_equal(n, nlines);
	/* Stays at the end. */
	assert_int_equal(dk_lines_next(&it, &line, &len), -1);
	assert_int_equal(it.lineno, nlines);
}

static void
test_lines(void **state)
{
	struct dk_lines it;
	const char *line;
	size_t len;

	(void)state;
	lines_are("a\nbb\n", "[a][bb]", 2);
	lines_are("a\nbb", "[a][bb]", 2); /* no final newline */
	lines_are("", "", 0);
	lines_are("\n", "[]", 1);
	lines_are("\n\nx\n\n", "[][][x][]", 4);
	lines_are(" a b \t\nc", "[ a b \t][c]", 2);
	dk_lines_init(&it, NULL);
	assert_int_equal(dk_lines_next(&it, &line, &len), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_u64),
		cmocka_unit_test(test_i64),
		cmocka_unit_test(test_hex),
		cmocka_unit_test(test_fixed),
		cmocka_unit_test(test_word),
		cmocka_unit_test(test_eol_blanks),
		cmocka_unit_test(test_parse_line),
		cmocka_unit_test(test_lines),
	};

	return cmocka_run_group_tests_name("parse", tests, NULL, NULL);
}
