/*
 * render.h - the table as text, as dstat 0.7.4 draws it.
 *
 *	--total-cpu-usage-- -dsk/total- -net/total-	title line
 *	usr sys idl wai stl| read  writ| recv  send	subtitle line
 *	  7   5  88   1   0|7416k 4346k|   0     0	a row
 *
 * Titles are centred over their group, blanks turned into '-'; groups are
 * separated by '|', instances of one view by ':'. When the groups do not
 * all fit, the first ones that do are drawn and every line ends in '>'.
 * With colour, dstat's 16-colour SGR codes: titles dark blue, subtitles
 * blue underlined, numbers by magnitude (see cell.h), zeros and units dark
 * grey; final lines bright, intermediate updates dim. Without colour not a
 * single escape code is written.
 *
 * The renderer writes into a struct dk_sb and never adds line endings to
 * rows: the command decides how a line ends or is redrawn.
 */
#ifndef DK_RENDER_H
#define DK_RENDER_H

#include <stddef.h>

#include "strbuf.h"
#include "table.h"

struct dk_render {
	int color;	    /* write colour codes */
	int bw;		    /* dstat's --bw theme, for light backgrounds */
	unsigned cellflags; /* DK_CELL_BITS, DK_CELL_FLOAT, DK_CELL_INTEGER */
};

/* Width of a group: its blocks and columns with their separators. */
size_t dk_render_group_width(const struct dk_group *g);

/*
 * How many of the first groups fit in cols characters (0: all of them):
 * as dstat, a group stays if the width so far plus its own plus one for
 * its separator fits; reserve (8 with --debug) is kept for what follows.
 */
size_t dk_render_fit(const struct dk_table *t, size_t cols, size_t reserve);

/* The title and subtitle lines of the first nvis groups, with '\n's. */
void dk_render_header(struct dk_sb *sb, const struct dk_table *t, size_t nvis,
    const struct dk_render *r);

/*
 * One row of values for the first nvis groups, without a line ending.
 * final: a final line (bright colours) or an intermediate update (dim).
 */
void dk_render_row(struct dk_sb *sb, const struct dk_table *t,
    const struct dk_val *vals, size_t nvis, int final,
    const struct dk_render *r);

/* --debug's "  0.31ms" after a row, in dstat's colour. */
void dk_render_debug(struct dk_sb *sb, double ms, const struct dk_render *r);
/* " missed 3 ticks" after a row, in the error colours. */
void dk_render_missed(struct dk_sb *sb, unsigned long n,
    const struct dk_render *r);
/* Back to the terminal's colours (nothing without colour). */
void dk_render_reset(struct dk_sb *sb, const struct dk_render *r);

#endif
