/*
 * csv.h - dstat's CSV output (--output FILE), text only: the command owns
 * the file.
 *
 * A new file starts with dstat's four metadata lines (program and
 * version, author and URL, host and user, command line and date); a run
 * that appends to a file writes two blank lines and only the host and
 * command lines, as dstat. Then the group line (each group's title
 * followed by one empty field per further column) and the column line
 * (the subtitles, "title:nick" when a view shows several instances).
 * Rows hold every column whatever the terminal shows, in raw units (bytes,
 * not bits; no unit squeezing), each number in the fewest digits that
 * read back as the same double (whole numbers without a decimal point);
 * no value (a reset, a missing device) is an empty field.
 */
#ifndef DK_CSV_H
#define DK_CSV_H

#include "strbuf.h"
#include "table.h"

struct dk_csv_meta {
	const char *program; /* "dstatk 0.1.0" */
	const char *host;
	const char *user;
	const char *cmdline;
	const char *date; /* "22 Nov 2026 01:30:16 UTC" */
	int append;	  /* the file already has content */
};

/* The header block, ending with the column line's '\n'. */
void dk_csv_header(struct dk_sb *sb, const struct dk_table *t,
    const struct dk_csv_meta *m);
/* One row with its '\n'. */
void dk_csv_row(struct dk_sb *sb, const struct dk_table *t,
    const struct dk_val *vals);
/* A number as in rows: exact and short, never in exponent form. */
void dk_csv_number(struct dk_sb *sb, double v);
/* A quoted field, inner quotes doubled. */
void dk_csv_quoted(struct dk_sb *sb, const char *s);

#endif
