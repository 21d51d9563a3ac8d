/*
 * render.c - titles, subtitles and rows as text; see render.h.
 *
 * Layout and escape codes are dstat 0.7.4's (/usr/bin/dstat: title(),
 * subtitle(), show(), showend(), header() and cprint(); the themes of
 * set_theme()), checked against its captures in the reference
 * (dstat_color_1_3.raw.txt).
 */
#include "render.h"

#include <string.h>

#define ESC "\033["
#define BLACK ESC "0;30m"
#define DARKRED ESC "0;31m"
#define DARKGREEN ESC "0;32m"
#define DARKYELLOW ESC "0;33m"
#define DARKBLUE ESC "0;34m"
#define DARKMAGENTA ESC "0;35m"
#define DARKCYAN ESC "0;36m"
#define GRAY ESC "0;37m"
#define DARKGRAY ESC "1;30m"
#define RED ESC "1;31m"
#define GREEN ESC "1;32m"
#define YELLOW ESC "1;33m"
#define BLUE ESC "1;34m"
#define MAGENTA ESC "1;35m"
#define CYAN ESC "1;36m"
#define WHITE ESC "1;37m"
#define REDBG ESC "41m"
#define UNDERLINE ESC "4m"
#define RESET ESC "0;0m"

/* Index 0: a final line; 1: an intermediate update. */
struct theme {
	const char *title, *subtitle, *frame, *error, *roundtrip, *input;
	const char *dflt[2], *done[2], *text[2], *unit[2];
	const char *colors[2][8];
};

static const struct theme dark = {
	.title = DARKBLUE,
	.subtitle = BLUE UNDERLINE,
	.frame = DARKBLUE,
	.error = WHITE REDBG,
	.roundtrip = DARKBLUE,
	.input = DARKGRAY,
	.dflt = { RESET, GRAY },
	.done = { WHITE, GRAY },
	.text = { GRAY, DARKGRAY },
	.unit = { DARKGRAY, DARKGRAY },
	.colors = { { RED, YELLOW, GREEN, BLUE, CYAN, WHITE, DARKRED,
			DARKGREEN },
	    { DARKRED, DARKYELLOW, DARKGREEN, DARKBLUE, DARKCYAN, GRAY, RED,
		GREEN } },
};

static const struct theme light = {
	.title = DARKBLUE,
	.subtitle = DARKCYAN UNDERLINE,
	.frame = DARKBLUE,
	.error = WHITE REDBG,
	.roundtrip = DARKBLUE,
	.input = DARKGRAY,
	.dflt = { RESET, BLACK },
	.done = { BLACK, DARKGRAY },
	.text = { BLACK, DARKGRAY },
	.unit = { BLACK, DARKGRAY },
	.colors = { { DARKRED, DARKMAGENTA, DARKGREEN, DARKBLUE, DARKCYAN,
			BLACK, RED, GREEN },
	    { RED, MAGENTA, GREEN, BLUE, CYAN, DARKGRAY, DARKRED, DARKGREEN } },
};

static const struct theme *
theme_of(const struct dk_render *r)
{
	return r->bw ? &light : &dark;
}

/* Append an escape code only when colour is on. */
static void
code(struct dk_sb *sb, const struct dk_render *r, const char *c)
{
	if (r->color)
		dk_sb_puts(sb, c);
}

static size_t
block_width(const struct dk_group *g)
{
	size_t i, w = 0;

	for (i = 0; i < g->ncols; i++)
		w += g->cols[i].width;
	return w + (g->ncols > 0 ? g->ncols - 1 : 0);
}

size_t
dk_render_group_width(const struct dk_group *g)
{
	return g->nblocks * block_width(g) + g->nblocks - 1;
}

size_t
dk_render_fit(const struct dk_table *t, size_t cols, size_t reserve)
{
	size_t i, used = reserve, n = dk_table_ngroups(t);

	if (cols == 0)
		return n;
	for (i = 0; i < n; i++) {
		used += dk_render_group_width(dk_table_group(t, i)) + 1;
		if (used > cols)
			break;
	}
	return i;
}

/*
 * Python's str.center() (dstat centres with it): the odd blank goes
 * left when the width is odd. s is cut to the width first; with fill '-'
 * its own blanks become '-' too, as dstat's replace(' ', '-').
 */
static void
center(struct dk_sb *sb, const char *s, size_t width, char fill)
{
	size_t n = strlen(s), marg, left, i;

	if (n > width)
		n = width;
	marg = width - n;
	left = marg / 2 + (marg & width & 1);
	dk_sb_pad(sb, fill, left);
	for (i = 0; i < n; i++)
		dk_sb_putc(sb, s[i] == ' ' ? fill : s[i]);
	dk_sb_pad(sb, fill, marg - left);
}

static void
title_group(struct dk_sb *sb, const struct dk_group *g,
    const struct dk_render *r)
{
	const struct theme *th = theme_of(r);
	size_t b;

	code(sb, r, th->title);
	if (!g->per_instance) {
		center(sb, g->titles[0], dk_render_group_width(g), '-');
		code(sb, r, RESET);
		return;
	}
	for (b = 0; b < g->nblocks; b++) {
		center(sb, g->titles[b], block_width(g), '-');
		if (b + 1 == g->nblocks)
			break;
		if (r->color) {
			dk_sb_puts(sb, th->frame);
			dk_sb_putc(sb, '-');
			dk_sb_puts(sb, th->title);
		} else {
			dk_sb_putc(sb, ' ');
		}
	}
}

static void
subtitle_group(struct dk_sb *sb, const struct dk_group *g,
    const struct dk_render *r)
{
	const struct theme *th = theme_of(r);
	size_t b, c;

	for (b = 0; b < g->nblocks; b++) {
		for (c = 0; c < g->ncols; c++) {
			code(sb, r, th->subtitle);
			center(sb, g->cols[c].nick, g->cols[c].width, ' ');
			code(sb, r, RESET);
			if (c + 1 < g->ncols)
				dk_sb_putc(sb, ' ');
		}
		if (b + 1 < g->nblocks) {
			code(sb, r, th->frame);
			dk_sb_putc(sb, ':');
		}
	}
}

/* One header line: every visible group, separated, with '>' when cut. */
static void
header_line(struct dk_sb *sb, const struct dk_table *t, size_t nvis,
    const struct dk_render *r,
    void (*group)(struct dk_sb *, const struct dk_group *,
	const struct dk_render *),
    char sep)
{
	const struct theme *th = theme_of(r);
	size_t i;

	for (i = 0; i < nvis; i++) {
		group(sb, dk_table_group(t, i), r);
		if (i + 1 < nvis) {
			code(sb, r, th->frame);
			dk_sb_putc(sb, sep);
		}
	}
	if (nvis < dk_table_ngroups(t)) {
		code(sb, r, th->title);
		dk_sb_putc(sb, '>');
	}
	dk_sb_putc(sb, '\n');
}

void
dk_render_header(struct dk_sb *sb, const struct dk_table *t, size_t nvis,
    const struct dk_render *r)
{
	header_line(sb, t, nvis, r, title_group, ' ');
	header_line(sb, t, nvis, r, subtitle_group, '|');
}

static const char *
cell_color(const struct dk_cell *c, const struct theme *th, int k)
{
	switch (c->color) {
	case DK_CC_ZERO:
		return th->unit[k];
	case DK_CC_DONE:
		return th->done[k];
	case DK_CC_STEP:
		return th->colors[k][c->step & 7];
	case DK_CC_ERROR:
		return th->error;
	case DK_CC_TEXT:
		return th->text[k];
	default:
		return NULL;
	}
}

/* A cell as dstat's cprint() paints it. */
static void
put_cell(struct dk_sb *sb, const struct dk_cell *c, int final,
    const struct dk_render *r)
{
	const struct theme *th = theme_of(r);
	const char *col = cell_color(c, th, final ? 0 : 1);
	int k = final ? 0 : 1;

	if (r->color && col != NULL)
		dk_sb_puts(sb, col);
	dk_sb_puts(sb, c->text);
	if (c->unit != '\0') {
		if (c->unit_shown)
			code(sb, r, th->unit[k]);
		dk_sb_putc(sb, c->unit);
	}
	if (c->color == DK_CC_ERROR)
		code(sb, r, th->dflt[k]);
}

static void
format_cell(struct dk_cell *cell, const struct dk_colhead *h,
    const struct dk_val *v, unsigned flags)
{
	if (v->state == DK_V_RESET)
		dk_cell_dash(cell, &h->fmt);
	else if (v->state != DK_V_OK)
		dk_cell_blank(cell, &h->fmt);
	else if (h->fmt.type == DK_CT_STR)
		dk_cell_string(cell, &h->fmt, v->s != NULL ? v->s : "");
	else
		dk_cell_number(cell, &h->fmt, v->v, flags);
}

static void
row_group(struct dk_sb *sb, const struct dk_group *g, const struct dk_val *vals,
    int final, const struct dk_render *r)
{
	const struct theme *th = theme_of(r);
	const struct dk_val *v = vals + g->first;
	struct dk_cell cell;
	size_t b, c;

	for (b = 0; b < g->nblocks; b++) {
		for (c = 0; c < g->ncols; c++, v++) {
			const struct dk_colhead *h = &g->cols[c];

			format_cell(&cell, h, v, r->cellflags);
			/* A column wider than its number (--stat). */
			if (h->width > h->fmt.width)
				dk_sb_pad(sb, ' ', h->width - h->fmt.width);
			put_cell(sb, &cell, final, r);
			if (c + 1 < g->ncols)
				dk_sb_putc(sb, ' ');
		}
		if (b + 1 < g->nblocks) {
			code(sb, r, th->frame);
			dk_sb_putc(sb, ':');
		}
	}
}

void
dk_render_row(struct dk_sb *sb, const struct dk_table *t,
    const struct dk_val *vals, size_t nvis, int final,
    const struct dk_render *r)
{
	const struct theme *th = theme_of(r);
	size_t i;

	for (i = 0; i < nvis; i++) {
		row_group(sb, dk_table_group(t, i), vals, final, r);
		if (i + 1 < nvis) {
			code(sb, r, th->frame);
			dk_sb_putc(sb, '|');
		}
	}
	if (nvis < dk_table_ngroups(t)) {
		code(sb, r, th->frame);
		dk_sb_putc(sb, '>');
	}
}

void
dk_render_debug(struct dk_sb *sb, double ms, const struct dk_render *r)
{
	code(sb, r, theme_of(r)->roundtrip);
	dk_sb_printf(sb, "%6.2fms", ms);
	code(sb, r, theme_of(r)->input);
}

void
dk_render_missed(struct dk_sb *sb, unsigned long n, const struct dk_render *r)
{
	dk_sb_putc(sb, ' ');
	code(sb, r, theme_of(r)->error);
	dk_sb_printf(sb, "missed %lu ticks", n);
	code(sb, r, RESET);
}

void
dk_render_reset(struct dk_sb *sb, const struct dk_render *r)
{
	code(sb, r, RESET);
}
