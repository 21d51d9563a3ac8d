/*
 * cell.c - fixed-width cells with unit squeezing; see cell.h.
 *
 * The rules are dstat 0.7.4's cprint(), dchg() and fchg() (/usr/bin/dstat
 * lines 2033-2176 of Debian's 0.7.4-6.1). Python's round() rounds halves
 * to even and its round(x, n) and "%.nf" are correctly rounded; glibc's
 * printf rounds the same way, and round_even() below does it for whole
 * numbers, so the cells match dstat's character for character. The
 * library does not link libm, hence the small helpers.
 */
#include "cell.h"

#include <stdio.h>
#include <string.h>

/* 2^52: from here on every double is a whole number. */
#define WHOLE 4503599627370496.0

static const char units1000[] = " kMGTPEZY";
static const char units1024[] = "BkMGTPEZY";
static const char unitsbits[] = "bkMGTPEZY";

/* Python's round(v): to the nearest whole number, halves to even. */
static double
round_even(double v)
{
	double t, frac;

	if (v >= WHOLE || v <= -WHOLE)
		return v;
	t = (double)(long long)v;
	frac = v - t;
	if (frac > 0.5 || (frac == 0.5 && (long long)t % 2 != 0))
		return t + 1;
	if (frac < -0.5 || (frac == -0.5 && (long long)t % 2 != 0))
		return t - 1;
	return t;
}

/* floor() for the non-negative values cells colour. */
static double
floor_pos(double v)
{
	return v >= WHOLE ? v : (double)(long long)v;
}

int
dk_cell_has_unit(const struct dk_cellfmt *f)
{
	return (f->scale == 1000 || f->scale == 1024) && f->width >= 4;
}

static unsigned
cell_width(const struct dk_cellfmt *f)
{
	return f->width > DK_CELL_MAX ? DK_CELL_MAX : f->width;
}

/*
 * str(int(round(v))): the whole number nearest v, as text. Cells are
 * formatted every second: the common case skips printf.
 */
static int
int_text(char *buf, size_t cap, double v)
{
	char tmp[24];
	size_t n = 0, i;
	unsigned long long u;

	v = round_even(v);
	if (v < 0 || v >= 1e18 || cap < sizeof(tmp))
		return snprintf(buf, cap, "%.0f", v);
	u = (unsigned long long)v;
	do {
		tmp[n++] = (char)('0' + u % 10);
		u /= 10;
	} while (u != 0);
	for (i = 0; i < n; i++)
		buf[i] = tmp[n - 1 - i];
	buf[n] = '\0';
	return (int)n;
}

/*
 * dchg(): the rounded integer; while it is wider than w, divide by the
 * base. Returns how many times it divided (the unit index).
 */
static unsigned
dchg(char *buf, size_t cap, double v, unsigned w, double base)
{
	unsigned c = 0;

	while ((unsigned)int_text(buf, cap, v) > w) {
		v /= base;
		c++;
	}
	return c;
}

/* Length of str(int(round(v, w))): the integer part of v to w decimals. */
static unsigned
int_part_len(double v, unsigned w)
{
	char tmp[DK_CELL_MAX + 400];
	const char *dot;

	(void)snprintf(tmp, sizeof(tmp), "%.*f", (int)w, v);
	dot = strchr(tmp, '.');
	return (unsigned)(dot != NULL ? (size_t)(dot - tmp) : strlen(tmp));
}

/*
 * fchg(): the most decimals that fit in w, dividing by the base while the
 * integer part does not fit. dstat gave up with the rounded integer even
 * when that was too wide (999.999 in 3 columns printed "1000"); here the
 * division goes on, so the text always fits.
 */
static unsigned
fchg(char *buf, size_t cap, double v, unsigned w, double base)
{
	unsigned c = 0, len;
	int i;

	for (;; v /= base, c++) {
		if (v == 0) {
			(void)snprintf(buf, cap, "0");
			return c;
		}
		len = int_part_len(v, w);
		if (len > w)
			continue;
		for (i = (int)w - (int)len - 1; i > 0; i--)
			if ((unsigned)snprintf(buf, cap, "%.*f", i, v) <= w)
				return c;
		if ((unsigned)int_text(buf, cap, v) <= w)
			return c;
	}
}

static void
justify(struct dk_cell *c, const char *s, unsigned w, int left)
{
	size_t n = strlen(s);

	if (n > w)
		n = w;
	memset(c->text, ' ', w);
	memcpy(left ? c->text : c->text + (w - n), s, n);
	c->text[w] = '\0';
}

static void
set_color(struct dk_cell *c, const struct dk_cellfmt *f, double v, double scale,
    unsigned step, const char *text)
{
	c->step = 0;
	if (strcmp(text, "0") == 0)
		c->color = DK_CC_ZERO;
	else if (scale <= 0)
		c->color = DK_CC_TEXT;
	else if (f->type == DK_CT_PCT && round_even(v) >= 100)
		c->color = DK_CC_DONE;
	else if (scale != 1000 && scale != 1024) {
		double q = floor_pos(v / scale);

		c->color = DK_CC_STEP;
		c->step = (uint8_t)(q - 8 * floor_pos(q / 8));
	} else if (f->type == DK_CT_BYTES || f->type == DK_CT_DEC ||
	    f->type == DK_CT_FLOAT) {
		c->color = DK_CC_STEP;
		c->step = (uint8_t)(step % 8);
	} else {
		c->color = DK_CC_TEXT;
	}
}

void
dk_cell_number(struct dk_cell *c, const struct dk_cellfmt *f, double v,
    unsigned flags)
{
	char buf[DK_CELL_MAX + 400];
	unsigned w = cell_width(f), c_unit;
	int unit = dk_cell_has_unit(f), is_float;
	double base = f->scale == 1024 ? 1024 : 1000, scale = f->scale;
	const char *units = base == 1024 ? units1024 : units1000;

	if (f->type == DK_CT_STR || v != v || v < 0 || v - v != 0) {
		dk_cell_dash(c, f);
		return;
	}
	if (unit)
		w--;
	if (w == 0) {
		dk_cell_blank(c, f);
		return;
	}
	if (base == 1024 && f->type == DK_CT_BYTES && (flags & DK_CELL_BITS)) {
		units = unitsbits;
		base = scale = 1000;
		v *= 8;
	}
	if (flags & DK_CELL_INTEGER)
		is_float = 0;
	else if (flags & DK_CELL_FLOAT)
		is_float = 1;
	else
		is_float = f->type == DK_CT_FLOAT;
	c_unit = is_float ? fchg(buf, sizeof(buf), v, w, base) :
			    dchg(buf, sizeof(buf), v, w, base);
	justify(c, buf, w, 0);
	c->unit = '\0';
	c->unit_shown = 0;
	/* As dstat: no letter on what rounds to zero ("0.40 "). */
	if (unit && round_even(v) == 0) {
		c->unit = ' ';
	} else if (unit) {
		c->unit = c_unit < sizeof(units1000) - 1 ? units[c_unit] : '?';
		c->unit_shown = 1;
	}
	set_color(c, f, v, scale, c_unit, buf);
}

void
dk_cell_string(struct dk_cell *c, const struct dk_cellfmt *f, const char *s)
{
	justify(c, s, cell_width(f), 1);
	c->unit = '\0';
	c->unit_shown = 0;
	c->color = DK_CC_TEXT;
	c->step = 0;
}

void
dk_cell_dash(struct dk_cell *c, const struct dk_cellfmt *f)
{
	int unit = f->type != DK_CT_STR && dk_cell_has_unit(f);
	unsigned w = cell_width(f) - (unit ? 1 : 0);

	justify(c, "-", w, f->type == DK_CT_STR);
	c->unit = unit ? ' ' : '\0';
	c->unit_shown = 0;
	c->color = DK_CC_ERROR;
	c->step = 0;
}

void
dk_cell_blank(struct dk_cell *c, const struct dk_cellfmt *f)
{
	int unit = f->type != DK_CT_STR && dk_cell_has_unit(f);
	unsigned w = cell_width(f) - (unit ? 1 : 0);

	justify(c, "", w, 0);
	c->unit = unit ? ' ' : '\0';
	c->unit_shown = 0;
	c->color = DK_CC_BLANK;
	c->step = 0;
}

size_t
dk_cell_plain(const struct dk_cell *c, char *buf)
{
	size_t n = strlen(c->text);

	memcpy(buf, c->text, n);
	if (c->unit != '\0')
		buf[n++] = c->unit;
	buf[n] = '\0';
	return n;
}
