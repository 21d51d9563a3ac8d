/* strbuf.c - growable byte buffer. */
#include "strbuf.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void
dk_sb_init(struct dk_sb *sb)
{
	sb->buf = NULL;
	sb->len = 0;
	sb->cap = 0;
	sb->oom = 0;
}

void
dk_sb_release(struct dk_sb *sb)
{
	free(sb->buf);
	dk_sb_init(sb);
}

void
dk_sb_reset(struct dk_sb *sb)
{
	sb->len = 0;
	sb->oom = 0;
	if (sb->buf != NULL)
		sb->buf[0] = '\0';
}

int
dk_sb_grow(struct dk_sb *sb, size_t n)
{
	size_t want, cap;
	char *p;

	if (sb->oom)
		return -1;
	/* len + n + 1 must not wrap around, nor the doubling below. */
	if (n > SIZE_MAX - 1 - sb->len) {
		sb->oom = 1;
		return -1;
	}
	want = sb->len + n + 1;
	if (want <= sb->cap)
		return 0;
	cap = sb->cap != 0 ? sb->cap : 256;
	while (cap < want)
		cap = cap <= SIZE_MAX / 2 ? cap * 2 : want;
	p = realloc(sb->buf, cap);
	if (p == NULL) {
		sb->oom = 1;
		return -1;
	}
	sb->buf = p;
	sb->cap = cap;
	return 0;
}

void
dk_sb_add(struct dk_sb *sb, const void *p, size_t n)
{
	if (dk_sb_grow(sb, n) != 0)
		return;
	memcpy(sb->buf + sb->len, p, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

void
dk_sb_puts(struct dk_sb *sb, const char *s)
{
	dk_sb_add(sb, s, strlen(s));
}

void
dk_sb_putc(struct dk_sb *sb, char c)
{
	dk_sb_add(sb, &c, 1);
}

void
dk_sb_printf(struct dk_sb *sb, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || dk_sb_grow(sb, (size_t)n) != 0)
		return;
	va_start(ap, fmt);
	(void)vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	sb->len += (size_t)n;
}

void
dk_sb_pad(struct dk_sb *sb, char c, size_t n)
{
	if (dk_sb_grow(sb, n) != 0)
		return;
	memset(sb->buf + sb->len, c, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

void
dk_sb_u64(struct dk_sb *sb, uint64_t v)
{
	char tmp[24];
	size_t i = sizeof(tmp);

	do {
		tmp[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v != 0);
	dk_sb_add(sb, tmp + i, sizeof(tmp) - i);
}

void
dk_sb_i64(struct dk_sb *sb, int64_t v)
{
	if (v < 0) {
		dk_sb_putc(sb, '-');
		/* Negate in unsigned arithmetic so INT64_MIN is exact. */
		dk_sb_u64(sb, (uint64_t)0 - (uint64_t)v);
		return;
	}
	dk_sb_u64(sb, (uint64_t)v);
}

void
dk_sb_truncate(struct dk_sb *sb, size_t len)
{
	if (len < sb->len) {
		sb->len = len;
		sb->buf[len] = '\0';
	}
}

int
dk_sb_failed(const struct dk_sb *sb)
{
	return sb->oom;
}
