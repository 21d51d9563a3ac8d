/*
 * strbuf.h - a growable byte buffer, always NUL-terminated.
 *
 * Ownership: the strbuf owns buf; dk_sb_release() frees it, dk_sb_reset()
 * empties it and keeps the memory for reuse. Allocation failure aborts the
 * append and sets the sticky oom flag, which dk_sb_failed() reports, so
 * renderers can append freely and check once.
 */
#ifndef DK_STRBUF_H
#define DK_STRBUF_H

#include <stddef.h>
#include <stdint.h>

struct dk_sb {
	char *buf;
	size_t len;
	size_t cap;
	int oom;
};

void dk_sb_init(struct dk_sb *sb);
void dk_sb_release(struct dk_sb *sb);
void dk_sb_reset(struct dk_sb *sb);
/* Make room for n more bytes; 0 or -1 (and oom set). */
int dk_sb_grow(struct dk_sb *sb, size_t n);
void dk_sb_add(struct dk_sb *sb, const void *p, size_t n);
void dk_sb_puts(struct dk_sb *sb, const char *s);
void dk_sb_putc(struct dk_sb *sb, char c);
void dk_sb_printf(struct dk_sb *sb, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Append c n times. */
void dk_sb_pad(struct dk_sb *sb, char c, size_t n);
void dk_sb_u64(struct dk_sb *sb, uint64_t v);
void dk_sb_i64(struct dk_sb *sb, int64_t v);
/* Shorten to len bytes (len <= sb->len). */
void dk_sb_truncate(struct dk_sb *sb, size_t len);
int dk_sb_failed(const struct dk_sb *sb);

#endif
