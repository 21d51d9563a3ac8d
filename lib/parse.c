/* parse.c - scanners for kernel text; see parse.h. */
#include "parse.h"

#include <string.h>

void
dk_lines_init(struct dk_lines *it, const char *buf)
{
	it->p = buf;
	it->lineno = 0;
}

int
dk_lines_next(struct dk_lines *it, const char **line, size_t *len)
{
	const char *p = it->p;
	const char *q;

	if (p == NULL || *p == '\0')
		return -1;
	/* strchr is vectorised; this runs over every byte the kernel wrote. */
	q = strchr(p, '\n');
	if (q == NULL)
		q = p + strlen(p);
	*line = p;
	*len = (size_t)(q - p);
	it->p = *q == '\n' ? q + 1 : q;
	it->lineno++;
	return 0;
}

const char *
dk_skip_blanks(const char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

int
dk_scan_u64(const char **pp, uint64_t *v)
{
	const char *p = dk_skip_blanks(*pp);
	uint64_t n = 0;
	unsigned d;

	if (*p < '0' || *p > '9')
		return -1;
	for (; *p >= '0' && *p <= '9'; p++) {
		d = (unsigned)(*p - '0');
		if (n > (UINT64_MAX - d) / 10)
			return -1;
		n = n * 10 + d;
	}
	*v = n;
	*pp = p;
	return 0;
}

int
dk_scan_i64(const char **pp, int64_t *v)
{
	const char *p = dk_skip_blanks(*pp);
	int neg = 0;
	uint64_t u;

	if (*p == '-') {
		neg = 1;
		p++;
	}
	/* The sign belongs to the number: "- 5" is not -5. */
	if ((neg && (*p < '0' || *p > '9')) || dk_scan_u64(&p, &u) != 0)
		return -1;
	if (neg ? u > (uint64_t)INT64_MAX + 1 : u > (uint64_t)INT64_MAX)
		return -1;
	*v = neg ? (int64_t)(0 - u) : (int64_t)u;
	*pp = p;
	return 0;
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

int
dk_scan_hex(const char **pp, uint64_t *v)
{
	const char *p = dk_skip_blanks(*pp);
	uint64_t n = 0;
	int d;

	if (hexval(*p) < 0)
		return -1;
	for (; (d = hexval(*p)) >= 0; p++) {
		if (n > (UINT64_MAX >> 4))
			return -1;
		n = (n << 4) | (uint64_t)d;
	}
	*v = n;
	*pp = p;
	return 0;
}

int
dk_scan_fixed(const char **pp, unsigned places, uint64_t *v)
{
	const char *p = *pp;
	uint64_t n;
	unsigned i;

	if (dk_scan_u64(&p, &n) != 0)
		return -1;
	if (*p == '.')
		p++;
	for (i = 0; i < places; i++) {
		unsigned d = 0;

		if (*p >= '0' && *p <= '9')
			d = (unsigned)(*p++ - '0');
		if (n > (UINT64_MAX - d) / 10)
			return -1;
		n = n * 10 + d;
	}
	while (*p >= '0' && *p <= '9')
		p++;
	*v = n;
	*pp = p;
	return 0;
}

size_t
dk_scan_word(const char **pp, const char **word)
{
	const char *p = dk_skip_blanks(*pp);
	const char *w = p;

	while (*p != '\0' && *p != ' ' && *p != '\t' && *p != '\n')
		p++;
	*word = w;
	*pp = p;
	return (size_t)(p - w);
}

int
dk_at_eol(const char *p)
{
	p = dk_skip_blanks(p);
	return *p == '\0' || *p == '\n';
}

int
dk_parse_u64_line(const char *s, uint64_t *v)
{
	if (dk_scan_u64(&s, v) != 0 || !dk_at_eol(s))
		return -1;
	return 0;
}

int
dk_parse_i64_line(const char *s, int64_t *v)
{
	if (dk_scan_i64(&s, v) != 0 || !dk_at_eol(s))
		return -1;
	return 0;
}

int
dk_at_sep(const char *p)
{
	return *p == ' ' || *p == '\t' || *p == '\n' || *p == '\0';
}

unsigned
dk_cpu_header(const char *p)
{
	const char *w, *q;
	size_t len;
	uint64_t n, last = 0;
	unsigned ncpu = 0;

	while ((len = dk_scan_word(&p, &w)) != 0) {
		q = w + 3;
		if (len < 4 || len >= DK_CPU_WORD_MAX ||
		    memcmp(w, "CPU", 3) != 0 || dk_scan_u64(&q, &n) != 0 ||
		    q != w + len || (ncpu > 0 && n <= last))
			return 0;
		last = n;
		ncpu++;
	}
	return ncpu;
}
