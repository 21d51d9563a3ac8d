/* test_escape.c - %HH key and value escapes, visible escapes, decoding. */
#include "helpers.h"

#include <stdio.h>
#include <string.h>

#include "../lib/escape.h"

typedef void (*esc_fn)(struct dk_sb *, const char *);

static void
esc_is(esc_fn fn, const char *in, const char *want)
{
	struct dk_sb sb;

	dk_sb_init(&sb);
	dk_sb_puts(&sb, "<");
	fn(&sb, in);
	dk_sb_puts(&sb, ">");
	if (strlen(sb.buf) != sb.len)
		fail_msg("escape of \"%s\" wrote a NUL", in);
	if (strcmp(sb.buf + 1, want) != 0 || sb.len != strlen(want) + 1)
		fail_msg("escape of \"%s\": got %s, want %s", in, sb.buf, want);
	dk_sb_release(&sb);
}

static void
test_key(void **state)
{
	(void)state;
	esc_is(dk_esc_key, "", ">");
	esc_is(dk_esc_key, "cpu", "cpu>");
	esc_is(dk_esc_key, "0000:03:00.0", "0000%3A03%3A00.0>");
	esc_is(dk_esc_key, "50%", "50%25>");
	esc_is(dk_esc_key, "Package id 0", "Package%20id%200>");
	esc_is(dk_esc_key, "a\tb\nc\rd", "a%09b%0Ac%0Dd>");
	esc_is(dk_esc_key, "\x01\x1f\x7f", "%01%1F%7F>");
	esc_is(dk_esc_key, ":%: ", "%3A%25%3A%20>");
	/* Everything else passes: '/', ',', '@', '\\', bytes >= 0x80. */
	esc_is(dk_esc_key, "/dev/sda,x@y\\z", "/dev/sda,x@y\\z>");
	esc_is(dk_esc_key, "caf\xc3\xa9\xff\x80", "caf\xc3\xa9\xff\x80>");
}

static void
test_value(void **state)
{
	(void)state;
	esc_is(dk_esc_value, "", ">");
	/* ':' and ' ' stay readable in values. */
	esc_is(dk_esc_value, "8.0 GT/s PCIe: x4", "8.0 GT/s PCIe: x4>");
	esc_is(dk_esc_value, "100%", "100%25>");
	esc_is(dk_esc_value, "evil\tname\nx", "evil%09name%0Ax>");
	esc_is(dk_esc_value, "\x7f\x1b[31m", "%7F%1B[31m>");
	esc_is(dk_esc_value, "\xc3\xa9", "\xc3\xa9>");
}

static void
test_visible(void **state)
{
	(void)state;
	esc_is(dk_esc_visible, "", ">");
	esc_is(dk_esc_visible, "a\tb\nc\rd", "a\\tb\\nc\\rd>");
	esc_is(dk_esc_visible, "back\\slash", "back\\\\slash>");
	esc_is(dk_esc_visible, "\x01\x1b\x7f", "\\x01\\x1B\\x7F>");
	/* '%', ':' and spaces are not escaped here; UTF-8 passes. */
	esc_is(dk_esc_visible, "50% a:b \xc3\xa9\xff", "50% a:b \xc3\xa9\xff>");
}

static void
unesc_is(const char *in, const char *want, size_t wantlen)
{
	char buf[256];
	size_t n;

	(void)snprintf(buf, sizeof(buf), "%s", in);
	n = dk_unescape(buf);
	if (n != wantlen || memcmp(buf, want, wantlen + 1) != 0)
		fail_msg("unescape \"%s\": got \"%s\" (%zu), want \"%s\" (%zu)",
		    in, buf, n, want, wantlen);
}

static void
test_unescape(void **state)
{
	(void)state;
	unesc_is("", "", 0);
	unesc_is("plain", "plain", 5);
	unesc_is("a%3Ab", "a:b", 3);
	unesc_is("a%3ab", "a:b", 3); /* lower-case hex too */
	unesc_is("%25%20%09", "% \t", 3);
	unesc_is("%", "%", 1); /* a lone '%' stays */
	unesc_is("100%", "100%", 4);
	unesc_is("%4", "%4", 2);
	unesc_is("%zz%4g", "%zz%4g", 6);
	unesc_is("%%41", "%A", 2);
	unesc_is("%2541", "%41", 3); /* decoded once only */
	unesc_is("%C3%A9", "\xc3\xa9", 2);
	unesc_is("%E2%82", "\xe2\x82", 2);
}

/* No name holds a NUL, so "%00" is not decoded: it would cut the text. */
static void
test_unescape_nul(void **state)
{
	(void)state;
	unesc_is("a%00b", "a%00b", 5);
}

/* Every byte 1..255, escaped as a key or a value, decodes back. */
static void
test_round_trip(void **state)
{
	char all[256], copy[256 * 3 + 1];
	struct dk_sb sb;
	int i, key;

	(void)state;
	for (i = 1; i < 256; i++)
		all[i - 1] = (char)i;
	all[255] = '\0';
	for (key = 0; key < 2; key++) {
		dk_sb_init(&sb);
		(key ? dk_esc_key : dk_esc_value)(&sb, all);
		/* A key is one token with no ':', blank or control byte. */
		for (i = 0; key && i < (int)sb.len; i++)
			if (sb.buf[i] == ':' || sb.buf[i] == ' ' ||
			    (unsigned char)sb.buf[i] < 0x20 ||
			    sb.buf[i] == 0x7f)
				fail_msg("byte %02x left in a key",
				    (unsigned char)sb.buf[i]);
		assert_true(sb.len < sizeof(copy));
		memcpy(copy, sb.buf, sb.len + 1);
		assert_int_equal(dk_unescape(copy), 255);
		assert_memory_equal(copy, all, 256);
		dk_sb_release(&sb);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_key),
		cmocka_unit_test(test_value),
		cmocka_unit_test(test_visible),
		cmocka_unit_test(test_unescape),
		cmocka_unit_test(test_unescape_nul),
		cmocka_unit_test(test_round_trip),
	};

	return cmocka_run_group_tests_name("escape", tests, NULL, NULL);
}
