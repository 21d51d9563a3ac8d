/*
 * csv.c - dstat's CSV header and rows; see csv.h.
 *
 * The layout is dstat 0.7.4's (main(), csvheader(), csvtitle(),
 * csvsubtitle() and showcsv() in /usr/bin/dstat); the numbers are not:
 * dstat printed '%.3f', which turns 0.0004 into 0.000, where a row here
 * keeps every digit the double has.
 */
#include "csv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Doubles are whole numbers from here on; below, exact in a long long. */
#define WHOLE 4503599627370496.0
#define MAX_DECIMALS 17

void
dk_csv_quoted(struct dk_sb *sb, const char *s)
{
	dk_sb_putc(sb, '"');
	for (; *s != '\0'; s++) {
		if (*s == '"')
			dk_sb_putc(sb, '"');
		dk_sb_putc(sb, *s);
	}
	dk_sb_putc(sb, '"');
}

/* A string field: bare as dstat (the time), quoted when it must be. */
static void
csv_text(struct dk_sb *sb, const char *s)
{
	if (strpbrk(s, ",\"\r\n") != NULL)
		dk_csv_quoted(sb, s);
	else
		dk_sb_puts(sb, s);
}

void
dk_csv_number(struct dk_sb *sb, double v)
{
	char buf[400];
	int i;

	if (v != v || v - v != 0)
		return; /* no finite value: an empty field */
	if (v >= WHOLE || v <= -WHOLE || v == (double)(long long)v) {
		dk_sb_printf(sb, "%.0f", v);
		return;
	}
	for (i = 1; i <= MAX_DECIMALS; i++) {
		(void)snprintf(buf, sizeof(buf), "%.*f", i, v);
		if (strtod(buf, NULL) == v) {
			dk_sb_puts(sb, buf);
			return;
		}
	}
	dk_sb_printf(sb, "%.17g", v);
}

static void
meta_line(struct dk_sb *sb, const char *k1, const char *v1, const char *k2,
    const char *v2)
{
	dk_csv_quoted(sb, k1);
	dk_sb_putc(sb, ',');
	dk_csv_quoted(sb, v1);
	dk_sb_puts(sb, ",,,,");
	dk_csv_quoted(sb, k2);
	dk_sb_putc(sb, ',');
	dk_csv_quoted(sb, v2);
	dk_sb_putc(sb, '\n');
}

static void
group_line(struct dk_sb *sb, const struct dk_table *t)
{
	size_t i, b;

	for (i = 0; i < dk_table_ngroups(t); i++) {
		const struct dk_group *g = dk_table_group(t, i);

		for (b = 0; b < g->nblocks; b++) {
			if (i + b > 0)
				dk_sb_putc(sb, ',');
			dk_csv_quoted(sb, g->titles[b]);
			dk_sb_pad(sb, ',', g->ncols - 1);
		}
	}
	dk_sb_putc(sb, '\n');
}

/*
 * A column's name: its nick, "title:nick" when the view has blocks, the
 * whole key for a --stat.
 */
static void
column_name(struct dk_sb *sb, const struct dk_group *g, size_t b, size_t c)
{
	char buf[600];

	if (g->stat)
		(void)snprintf(buf, sizeof(buf), "%s", g->view);
	else if (g->nblocks > 1)
		(void)snprintf(buf, sizeof(buf), "%s:%s", g->titles[b],
		    g->cols[c].nick);
	else
		(void)snprintf(buf, sizeof(buf), "%s", g->cols[c].nick);
	dk_csv_quoted(sb, buf);
}

static void
column_line(struct dk_sb *sb, const struct dk_table *t)
{
	size_t i, b, c;
	int first = 1;

	for (i = 0; i < dk_table_ngroups(t); i++) {
		const struct dk_group *g = dk_table_group(t, i);

		for (b = 0; b < g->nblocks; b++) {
			for (c = 0; c < g->ncols; c++) {
				if (!first)
					dk_sb_putc(sb, ',');
				first = 0;
				column_name(sb, g, b, c);
			}
		}
	}
	dk_sb_putc(sb, '\n');
}

void
dk_csv_header(struct dk_sb *sb, const struct dk_table *t,
    const struct dk_csv_meta *m)
{
	if (m->append) {
		dk_sb_puts(sb, "\n\n");
	} else {
		dk_sb_printf(sb, "\"%s CSV output\"\n", m->program);
		meta_line(sb, "Author:", "the dstatk authors",
		    "URL:", "man:dstatk(1)");
	}
	meta_line(sb, "Host:", m->host, "User:", m->user);
	meta_line(sb, "Cmdline:", m->cmdline, "Date:", m->date);
	group_line(sb, t);
	column_line(sb, t);
}

void
dk_csv_row(struct dk_sb *sb, const struct dk_table *t,
    const struct dk_val *vals)
{
	size_t i, n = dk_table_nvalues(t);

	for (i = 0; i < n; i++) {
		if (i > 0)
			dk_sb_putc(sb, ',');
		if (vals[i].state != DK_V_OK)
			continue;
		if (vals[i].s != NULL)
			csv_text(sb, vals[i].s);
		else
			dk_csv_number(sb, vals[i].v);
	}
	dk_sb_putc(sb, '\n');
}
