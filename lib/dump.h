/*
 * dump.h - the kstat-style report formats, rendered into a buffer.
 *
 * Every renderer sorts the statistics of the snapshot (see
 * dk_snap_sort_stats), then appends one whole report for the kstats and
 * statistics the filter selects (a NULL filter selects everything) and returns
 * how many statistics it wrote. Kstats come in snapshot order (module, instance
 * numerically, name), statistics in kstat order (by name, case-insensitively),
 * with kstat's pseudo-statistics crtime and snaptime (and class, in -p and -L)
 * sorted among them. Numbers are written in the C locale; integers exactly over
 * the whole 64-bit range; hrtimes as seconds with nine decimals from integer
 * arithmetic.
 */
#ifndef DK_DUMP_H
#define DK_DUMP_H

#include <stddef.h>

#include "filter.h"
#include "snapshot.h"
#include "strbuf.h"

/* -p: "module:instance:name:statistic<TAB>value" per line. */
size_t dk_dump_parseable(struct dk_sb *sb, struct dk_snap *s,
    const struct dk_filter *f);
/* -L: the keys only. */
size_t dk_dump_keys(struct dk_sb *sb, struct dk_snap *s,
    const struct dk_filter *f);
/* kstat's human block format, control bytes shown visibly. */
size_t dk_dump_human(struct dk_sb *sb, struct dk_snap *s,
    const struct dk_filter *f);
/* -j: one JSON array (a complete JSON text) and a newline. */
size_t dk_dump_json(struct dk_sb *sb, struct dk_snap *s,
    const struct dk_filter *f);

/* -q: how many statistics the filter selects, rendering (and sorting)
 * nothing. */
size_t dk_dump_count(struct dk_snap *s, const struct dk_filter *f);

/* Append a statistic's value as -p writes it (strings %HH-escaped). */
void dk_dump_value(struct dk_sb *sb, const struct dk_stat *st);
/* Append nanoseconds as seconds with nine decimals ("0" for zero). */
void dk_dump_hrtime(struct dk_sb *sb, uint64_t ns);
/* Append the shortest decimal that reads back as the same double. */
void dk_dump_double(struct dk_sb *sb, double d);

#endif
