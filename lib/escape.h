/*
 * escape.h - the byte escapes of the text formats.
 *
 * -p and -L keys: every '%', ':', space and control byte (0x00-0x1f, 0x7f)
 * in a module, instance, name or statistic is written %HH (upper-case hex),
 * so a key is one blank-free token with exactly three colons that can be
 * pasted back as an operand. String values escape '%' and control bytes
 * only. Operands are decoded the same way (a '%' not followed by two hex
 * digits stays literal, and so does "%00"). The human format shows
 * control bytes visibly (\t \n \r \\ \xHH) instead.
 */
#ifndef DK_ESCAPE_H
#define DK_ESCAPE_H

#include <stddef.h>

#include "strbuf.h"

/* Append a key field, %HH-escaped. */
void dk_esc_key(struct dk_sb *sb, const char *s);
/* Append a string value, %HH-escaped ('%' and control bytes). */
void dk_esc_value(struct dk_sb *sb, const char *s);
/* Append s with control bytes and backslash shown visibly. */
void dk_esc_visible(struct dk_sb *sb, const char *s);
/* Decode %HH in place; returns the new length. */
size_t dk_unescape(char *s);

#endif
