/* test_strbuf.c - the growable byte buffer. */
#include "helpers.h"

#include <stdint.h>
#include <string.h>

#include "../lib/strbuf.h"

/*
 * Under AddressSanitizer a huge allocation aborts the program instead of
 * returning NULL; the out-of-memory tests need the NULL.
 */
const char *__asan_default_options(void);

const char *
__asan_default_options(void)
{
	return "allocator_may_return_null=1";
}

static void
test_init_empty(void **state)
{
	struct dk_sb sb;

	(void)state;
	dk_sb_init(&sb);
	assert_null(sb.buf);
	assert_int_equal(sb.len, 0);
	assert_int_equal(sb.cap, 0);
	assert_int_equal(dk_sb_failed(&sb), 0);
	/* Appending nothing still gives a NUL-terminated buffer. */
	dk_sb_add(&sb, "", 0);
	assert_non_null(sb.buf);
	assert_string_equal(sb.buf, "");
	dk_sb_release(&sb);
	assert_null(sb.buf);
	assert_int_equal(sb.cap, 0);
}

static void
test_appends(void **state)
{
	struct dk_sb sb;

	(void)state;
	dk_sb_init(&sb);
	dk_sb_puts(&sb, "cpu");
	dk_sb_putc(&sb, ':');
	dk_sb_add(&sb, "0:xyz", 2);
	dk_sb_printf(&sb, "%s=%d|%05.1f", "n", -42, 3.25);
	dk_sb_pad(&sb, '.', 3);
	dk_sb_pad(&sb, '.', 0);
	assert_string_equal(sb.buf, "cpu:0:n=-42|003.2...");
	assert_int_equal(sb.len, strlen("cpu:0:n=-42|003.2..."));
	dk_sb_release(&sb);
}

/* Bytes after a NUL are kept: the buffer is binary-safe. */
static void
test_binary(void **state)
{
	struct dk_sb sb;

	(void)state;
	dk_sb_init(&sb);
	dk_sb_add(&sb, "a\0b", 3);
	assert_int_equal(sb.len, 3);
	assert_memory_equal(sb.buf, "a\0b", 4);
	dk_sb_release(&sb);
}

static void
test_growth(void **state)
{
	struct dk_sb sb;
	char big[10000];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(big); i++)
		big[i] = (char)('a' + i % 26);
	dk_sb_init(&sb);
	dk_sb_puts(&sb, "<");
	dk_sb_add(&sb, big, sizeof(big));
	dk_sb_puts(&sb, ">");
	assert_int_equal(sb.len, sizeof(big) + 2);
	assert_true(sb.cap > sb.len);
	assert_int_equal(sb.buf[0], '<');
	assert_memory_equal(sb.buf + 1, big, sizeof(big));
	assert_string_equal(sb.buf + 1 + sizeof(big), ">");
	/* printf output longer than the first allocation. */
	dk_sb_reset(&sb);
	dk_sb_printf(&sb, "%.*s|%s", 5000, big, "end");
	assert_int_equal(sb.len, 5004);
	assert_memory_equal(sb.buf, big, 5000);
	assert_string_equal(sb.buf + 5000, "|end");
	/* A pad longer than the buffer's capacity. */
	dk_sb_reset(&sb);
	dk_sb_pad(&sb, ' ', 70000);
	assert_int_equal(sb.len, 70000);
	assert_int_equal(sb.buf[69999], ' ');
	assert_int_equal(sb.buf[70000], '\0');
	dk_sb_release(&sb);
}

static void
test_u64_i64(void **state)
{
	struct dk_sb sb;

	(void)state;
	dk_sb_init(&sb);
	dk_sb_u64(&sb, 0);
	dk_sb_putc(&sb, ' ');
	dk_sb_u64(&sb, 10);
	dk_sb_putc(&sb, ' ');
	dk_sb_u64(&sb, UINT64_MAX);
	dk_sb_putc(&sb, ' ');
	dk_sb_i64(&sb, 0);
	dk_sb_putc(&sb, ' ');
	dk_sb_i64(&sb, -1);
	dk_sb_putc(&sb, ' ');
	dk_sb_i64(&sb, INT64_MAX);
	dk_sb_putc(&sb, ' ');
	dk_sb_i64(&sb, INT64_MIN);
	assert_string_equal(sb.buf,
	    "0 10 18446744073709551615 0 -1 9223372036854775807 "
	    "-9223372036854775808");
	dk_sb_release(&sb);
}

static void
test_reset_keeps_memory(void **state)
{
	struct dk_sb sb;
	char *buf;
	size_t cap;

	(void)state;
	dk_sb_init(&sb);
	dk_sb_pad(&sb, 'x', 1000);
	buf = sb.buf;
	cap = sb.cap;
	dk_sb_reset(&sb);
	assert_int_equal(sb.len, 0);
	assert_string_equal(sb.buf, "");
	assert_ptr_equal(sb.buf, buf);
	assert_int_equal(sb.cap, cap);
	dk_sb_puts(&sb, "again");
	assert_string_equal(sb.buf, "again");
	assert_ptr_equal(sb.buf, buf);
	dk_sb_release(&sb);
	/* Reset of a buffer never allocated. */
	dk_sb_reset(&sb);
	assert_null(sb.buf);
	assert_int_equal(sb.len, 0);
}

static void
test_truncate(void **state)
{
	struct dk_sb sb;

	(void)state;
	dk_sb_init(&sb);
	dk_sb_puts(&sb, "abcdef");
	dk_sb_truncate(&sb, 10); /* longer: nothing changes */
	assert_string_equal(sb.buf, "abcdef");
	assert_int_equal(sb.len, 6);
	dk_sb_truncate(&sb, 2);
	assert_string_equal(sb.buf, "ab");
	assert_int_equal(sb.len, 2);
	dk_sb_puts(&sb, "Z");
	assert_string_equal(sb.buf, "abZ");
	dk_sb_truncate(&sb, 0);
	assert_string_equal(sb.buf, "");
	dk_sb_release(&sb);
}

/*
 * A request that cannot be met sets the sticky flag: later appends do
 * nothing and keep the content, reset clears the flag.
 */
static void
test_oom_sticky(void **state)
{
	struct dk_sb sb;

	(void)state;
	dk_sb_init(&sb);
	dk_sb_puts(&sb, "kept");
	/* len + n + 1 overflows size_t: must fail, not "fit". */
	assert_int_equal(dk_sb_grow(&sb, SIZE_MAX - 2), -1);
	assert_int_equal(dk_sb_failed(&sb), 1);
	dk_sb_puts(&sb, "lost");
	dk_sb_u64(&sb, 7);
	dk_sb_printf(&sb, "%d", 8);
	dk_sb_pad(&sb, ' ', 4);
	assert_string_equal(sb.buf, "kept");
	assert_int_equal(sb.len, 4);
	assert_int_equal(dk_sb_grow(&sb, 1), -1);
	dk_sb_reset(&sb);
	assert_int_equal(dk_sb_failed(&sb), 0);
	dk_sb_puts(&sb, "ok");
	assert_string_equal(sb.buf, "ok");
	dk_sb_release(&sb);
}

/* A request so big that doubling the capacity would overflow size_t. */
static void
test_oom_huge(void **state)
{
	struct dk_sb sb;

	(void)state;
	dk_sb_init(&sb);
	dk_sb_puts(&sb, "x");
	assert_int_equal(dk_sb_grow(&sb, SIZE_MAX / 2 + 10), -1);
	assert_int_equal(dk_sb_failed(&sb), 1);
	assert_string_equal(sb.buf, "x");
	dk_sb_release(&sb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_init_empty),
		cmocka_unit_test(test_appends),
		cmocka_unit_test(test_binary),
		cmocka_unit_test(test_growth),
		cmocka_unit_test(test_u64_i64),
		cmocka_unit_test(test_reset_keeps_memory),
		cmocka_unit_test(test_truncate),
		cmocka_unit_test(test_oom_sticky),
		cmocka_unit_test(test_oom_huge),
	};

	return cmocka_run_group_tests_name("strbuf", tests, NULL, NULL);
}
