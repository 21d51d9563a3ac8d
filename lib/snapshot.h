/*
 * snapshot.h - one reading of every selected source: a sorted set of kstats.
 *
 * Ownership: the snapshot owns its kstats, statistics and every string it
 * copied (instances, names, string values). Module, class, source and unit
 * strings are borrowed and must outlive the snapshot (providers pass string
 * literals). Pointers a caller gets stay valid until the next
 * dk_snap_reset() or dk_snap_free().
 *
 * Building: dk_snap_begin() opens a kstat, the dk_snap_* adders append
 * statistics to the open kstat, the next begin (or dk_snap_finish()) closes
 * it. Allocation failure is sticky: adders then do nothing and
 * dk_snap_failed() reports it.
 */
#ifndef DK_SNAPSHOT_H
#define DK_SNAPSHOT_H

#include <stddef.h>
#include <stdint.h>

#include "record.h"

struct dk_snap;

struct dk_snap *dk_snap_new(void);
void dk_snap_free(struct dk_snap *s);
/* Forget all kstats; keep the memory for the next reading. */
void dk_snap_reset(struct dk_snap *s);
int dk_snap_failed(const struct dk_snap *s);

/* The time (CLOCK_BOOTTIME ns) the kstats begun from now on were read at. */
void dk_snap_set_time(struct dk_snap *s, uint64_t snaptime_ns);

/* Open a kstat; the instance is copied (instlen bytes). 0 or -1. */
int dk_snap_begin(struct dk_snap *s, const char *module, const char *instance,
    size_t instlen, const char *name, const char *class, const char *source);
/* Same, with a NUL-terminated instance. */
int dk_snap_begins(struct dk_snap *s, const char *module, const char *instance,
    const char *name, const char *class, const char *source);

/* Append a statistic to the open kstat; the name is copied. 0 or -1. */
int dk_snap_add(struct dk_snap *s, const char *name, size_t namelen,
    enum dk_type type, enum dk_kind kind, unsigned width, const char *unit,
    union dk_value v);
/* Conveniences over dk_snap_add with NUL-terminated names. */
int dk_snap_counter(struct dk_snap *s, const char *name, uint64_t v,
    unsigned width, const char *unit);
/* A counter whose kernel value was multiplied by scale (see record.h). */
int dk_snap_counter_scaled(struct dk_snap *s, const char *name, uint64_t v,
    unsigned width, uint32_t scale, const char *unit);
int dk_snap_gauge(struct dk_snap *s, const char *name, uint64_t v,
    const char *unit);
int dk_snap_gauge_i64(struct dk_snap *s, const char *name, int64_t v,
    const char *unit);
int dk_snap_double(struct dk_snap *s, const char *name, double v,
    const char *unit);
int dk_snap_info_u64(struct dk_snap *s, const char *name, uint64_t v);
/* A string statistic (kind info); the value (len bytes) is copied. */
int dk_snap_string(struct dk_snap *s, const char *name, const char *val,
    size_t len);

/* Savepoint: drop every kstat begun after the mark (a failed source). */
size_t dk_snap_mark(const struct dk_snap *s);
void dk_snap_rollback(struct dk_snap *s, size_t mark);

/*
 * Close the open kstat and sort the kstats. Statistics stay in their
 * source's order (look-ups work either way) until dk_snap_sort_stats():
 * only reports that print them need the order, and sorting every sample
 * would cost a table more than reading its files.
 */
void dk_snap_finish(struct dk_snap *s);
/* Sort every kstat's statistics by name (dk_stat_name_cmp). */
void dk_snap_sort_stats(struct dk_snap *s);

size_t dk_snap_count(const struct dk_snap *s);
/* The i-th kstat in sorted order (after finish). */
struct dk_kstat *dk_snap_kstat(const struct dk_snap *s, size_t i);
/* Binary search after finish; NULL if absent. */
const struct dk_kstat *dk_snap_find(const struct dk_snap *s, const char *module,
    const char *instance, const char *name);
/* Copy a string into the snapshot's memory. */
const char *dk_snap_strdup(struct dk_snap *s, const char *p, size_t len);

#endif
