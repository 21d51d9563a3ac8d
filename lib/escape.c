/* escape.c - %HH and visible escapes; see escape.h. */
#include "escape.h"

static const char hex[] = "0123456789ABCDEF";

static int
is_ctl(unsigned char c)
{
	return c < 0x20 || c == 0x7f;
}

static void
put_pct(struct dk_sb *sb, unsigned char c)
{
	char e[3] = { '%', hex[c >> 4], hex[c & 15] };

	dk_sb_add(sb, e, 3);
}

/* Append s, %HH-escaping the bytes for which esc() is true, in runs. */
static void
esc_runs(struct dk_sb *sb, const char *s, int key)
{
	const char *run = s;

	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c != '%' && !is_ctl(c) && !(key && (c == ':' || c == ' ')))
			continue;
		dk_sb_add(sb, run, (size_t)(s - run));
		put_pct(sb, c);
		run = s + 1;
	}
	dk_sb_add(sb, run, (size_t)(s - run));
}

void
dk_esc_key(struct dk_sb *sb, const char *s)
{
	esc_runs(sb, s, 1);
}

void
dk_esc_value(struct dk_sb *sb, const char *s)
{
	esc_runs(sb, s, 0);
}

void
dk_esc_visible(struct dk_sb *sb, const char *s)
{
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '\t')
			dk_sb_puts(sb, "\\t");
		else if (c == '\n')
			dk_sb_puts(sb, "\\n");
		else if (c == '\r')
			dk_sb_puts(sb, "\\r");
		else if (c == '\\')
			dk_sb_puts(sb, "\\\\");
		else if (is_ctl(c)) {
			char e[4] = { '\\', 'x', hex[c >> 4], hex[c & 15] };

			dk_sb_add(sb, e, 4);
		} else
			dk_sb_putc(sb, (char)c);
	}
}

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

size_t
dk_unescape(char *s)
{
	char *w = s;
	const char *r = s;

	while (*r != '\0') {
		int hi, lo;

		/* Not %00: a NUL would cut the text (no name holds one). */
		if (r[0] == '%' && (hi = hexval(r[1])) >= 0 &&
		    (lo = hexval(r[2])) >= 0 && (hi | lo) != 0) {
			*w++ = (char)(hi << 4 | lo);
			r += 3;
		} else {
			*w++ = *r++;
		}
	}
	*w = '\0';
	return (size_t)(w - s);
}
