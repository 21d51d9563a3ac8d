/*
 * parse.h - hand-written scanners for kernel text files.
 *
 * The reader hands out NUL-terminated buffers, so every scanner walks a
 * const char pointer and stops at the NUL. No locale, no stdio, no
 * allocation. Scanners that take a `const char **pp` skip leading blanks
 * (space and tab, never a newline), advance *pp past what they consumed and
 * return 0, or return -1 and leave *pp unchanged.
 */
#ifndef DK_PARSE_H
#define DK_PARSE_H

#include <stddef.h>
#include <stdint.h>

/* Iterate over the lines of a NUL-terminated buffer. */
struct dk_lines {
	const char *p;
	unsigned lineno; /* 1-based number of the line last returned */
};

void dk_lines_init(struct dk_lines *it, const char *buf);
/* Next line: *line points at it, *len excludes the newline; 0 or -1 at end. */
int dk_lines_next(struct dk_lines *it, const char **line, size_t *len);

const char *dk_skip_blanks(const char *p);
/* Decimal unsigned integer; -1 on no digits or overflow past 2^64-1. */
int dk_scan_u64(const char **pp, uint64_t *v);
/* Optional '-' then decimal; -1 on overflow. */
int dk_scan_i64(const char **pp, int64_t *v);
/* Hexadecimal without prefix. */
int dk_scan_hex(const char **pp, uint64_t *v);
/*
 * A fixed-point decimal such as "0.05" or "12": the value times 10^places,
 * extra digits truncated ("1.239" with places 2 gives 123).
 */
int dk_scan_fixed(const char **pp, unsigned places, uint64_t *v);
/* The next blank-separated word; returns its length, 0 at end of line. */
size_t dk_scan_word(const char **pp, const char **word);
/* Whether the rest of the line (up to '\n' or NUL) holds only blanks. */
int dk_at_eol(const char *p);
/* Whether p is where a word or number ends: a blank, newline or NUL. */
int dk_at_sep(const char *p);
/* Longest "CPU<N>" word dk_cpu_header accepts, with room for a NUL. */
#define DK_CPU_WORD_MAX 16
/*
 * The number of CPUs in a "CPU0 CPU1 ..." header line (/proc/interrupts,
 * /proc/softirqs): CPU numbers must increase; 0 if the line is not one.
 */
unsigned dk_cpu_header(const char *p);
/* Parse a whole NUL- or newline-terminated decimal: "123\n". */
int dk_parse_u64_line(const char *s, uint64_t *v);
int dk_parse_i64_line(const char *s, int64_t *v);

#endif
