/*
 * cell.h - one value squeezed into a fixed-width table cell.
 *
 * This is dstat 0.7.4's cprint() (with dchg() and fchg()): a column has a
 * type, a width and a scale. When the scale is exactly 1000 or 1024 and the
 * width has room for four digits, the last character is a unit letter and
 * the number is divided by the base until it fits in the rest; other scales
 * only pick the colour (and, as in dstat, still divide by 1000 when the
 * number is too long). Unlike dstat, a cell never grows past its width:
 * where dstat's fchg() printed "1000" in a 3-wide column, the number is
 * divided once more ("1.0").
 *
 * The formatter is pure: it fills a struct dk_cell with the text, the unit
 * letter and a colour class; the renderer turns the class into escape
 * codes, so colours and plain text come from the same decision.
 */
#ifndef DK_CELL_H
#define DK_CELL_H

#include <stddef.h>
#include <stdint.h>

/* Longest cell: a time format can be wide; numbers are 3 to 13. */
#define DK_CELL_MAX 63

/* Column types, dstat's letters. */
enum dk_ctype {
	DK_CT_BYTES = 'b', /* integer, bytes: bits with DK_CELL_BITS */
	DK_CT_DEC = 'd',   /* integer */
	DK_CT_FLOAT = 'f', /* as many decimals as fit */
	DK_CT_PCT = 'p',   /* integer percentage; 100 is "done" */
	DK_CT_STR = 's',   /* text, left-justified */
};

/* Options that change every numeric cell (dstat's --bits etc.). */
#define DK_CELL_BITS 0x1u    /* bytes shown as bits: x8, base 1000, 'b' */
#define DK_CELL_FLOAT 0x2u   /* every number formatted as a float */
#define DK_CELL_INTEGER 0x4u /* every number formatted as an integer */

/* What colour a cell gets; the palette is the renderer's. */
enum dk_cell_color {
	DK_CC_BLANK, /* no data: spaces, no colour */
	DK_CC_ZERO,  /* the number is "0": the dim unit colour */
	DK_CC_TEXT,  /* strings and unscaled numbers */
	DK_CC_DONE,  /* a percentage that reached 100 */
	DK_CC_ERROR, /* "-": a reset counter or a negative value */
	DK_CC_STEP,  /* a magnitude step, see dk_cell.step */
};

struct dk_cellfmt {
	char type;     /* enum dk_ctype */
	uint8_t width; /* characters, unit letter included */
	double scale;  /* 1000/1024: units; else the colour step */
};

struct dk_cell {
	/* The number or text, justified: width chars, less the unit slot. */
	char text[DK_CELL_MAX + 1];
	/* The unit letter, ' ' when none is shown, '\0' without a slot. */
	char unit;
	/*
	 * The letter came from the unit table (base 1000's first unit is a
	 * blank): dstat paints it in the unit colour, a plain blank not.
	 */
	uint8_t unit_shown;
	uint8_t color; /* enum dk_cell_color */
	uint8_t step;  /* DK_CC_STEP: 0..7, the palette index */
};

/* Whether a column of this format ends in a unit slot. */
int dk_cell_has_unit(const struct dk_cellfmt *f);

/* A number (flags: DK_CELL_*). NaN, infinities and negatives give "-". */
void dk_cell_number(struct dk_cell *c, const struct dk_cellfmt *f, double v,
    unsigned flags);
/* A string: left-justified, cut to the width. */
void dk_cell_string(struct dk_cell *c, const struct dk_cellfmt *f,
    const char *s);
/* "-" in the error colour: no value for this interval (a reset). */
void dk_cell_dash(struct dk_cell *c, const struct dk_cellfmt *f);
/* Spaces: no data at all (a device that is gone). */
void dk_cell_blank(struct dk_cell *c, const struct dk_cellfmt *f);

/*
 * The cell as plain text (text then unit letter) into buf, which must hold
 * DK_CELL_MAX + 1 bytes; returns the length, always f->width.
 */
size_t dk_cell_plain(const struct dk_cell *c, char *buf);

#endif
