/*
 * record.h - the record model: kstats and their typed statistics.
 *
 * A kstat is one module:instance:name (cpu:0:times) with a class, a source
 * and two times in nanoseconds on CLOCK_BOOTTIME: crtime (when this process
 * first saw it) and snaptime (when its source was read). It holds typed
 * statistics. All strings and arrays belong to the snapshot that holds the
 * kstat (see snapshot.h); callers only borrow them.
 */
#ifndef DK_RECORD_H
#define DK_RECORD_H

#include <stddef.h>
#include <stdint.h>

enum dk_type {
	DK_T_INT32,
	DK_T_UINT32,
	DK_T_INT64,
	DK_T_UINT64,
	DK_T_DOUBLE,
	DK_T_STRING,
	DK_T_HRTIME, /* nanoseconds, printed as seconds with 9 decimals */
};

enum dk_kind {
	DK_K_COUNTER,	/* monotonic, wraps at 2^width */
	DK_K_GAUGE,	/* a level: never differenced */
	DK_K_TIMESTAMP, /* a point in time */
	DK_K_INFO,	/* an identifier or label */
};

union dk_value {
	int64_t i;     /* DK_T_INT32, DK_T_INT64 */
	uint64_t u;    /* DK_T_UINT32, DK_T_UINT64, DK_T_HRTIME */
	double d;      /* DK_T_DOUBLE */
	const char *s; /* DK_T_STRING */
};

struct dk_stat {
	const char *name;
	const char *unit; /* "ns", "bytes", "pages", "1", ... never NULL */
	union dk_value v;
	uint8_t type;  /* enum dk_type */
	uint8_t kind;  /* enum dk_kind */
	uint8_t width; /* counter wrap width in bits; 0 unless a counter */
	/*
	 * The kernel's value times scale is v (ms shown as ns: 1000000);
	 * a counter wraps when the kernel's value (v / scale) passes
	 * 2^width. 0 means 1.
	 */
	uint32_t scale;
};

struct dk_kstat {
	const char *module;
	const char *instance;
	const char *name;
	const char *class;
	const char *source;
	uint64_t crtime_ns;
	uint64_t snaptime_ns;
	struct dk_stat *stats; /* in the source's order until sorted */
	size_t nstats;
	int sorted;   /* stats sorted by dk_stat_name_cmp */
	size_t first; /* index of stats in the snapshot while building */
};

/* Names of the enums as written in JSON meta ("uint64", "counter"). */
const char *dk_type_name(enum dk_type t);
const char *dk_kind_name(enum dk_kind k);

/* Whether s is a non-empty run of decimal digits. */
int dk_is_numeric(const char *s);
/*
 * Instance order: numeric instances first, in numeric order, then the rest
 * in byte order.
 */
int dk_instance_cmp(const char *a, const char *b);
/* Statistic order: case-insensitive, then byte order (as kstat). */
int dk_stat_name_cmp(const char *a, const char *b);
/* Total kstat order: module, instance, name. */
int dk_kstat_cmp(const struct dk_kstat *a, const struct dk_kstat *b);
/* Find a statistic of a finished kstat by name; NULL if absent. */
const struct dk_stat *dk_kstat_stat(const struct dk_kstat *ks,
    const char *name);
/*
 * The same, trying index *hint first and updating it: a source prints its
 * fields in the same order every sample, so repeated look-ups are O(1).
 */
const struct dk_stat *dk_kstat_stat_hint(const struct dk_kstat *ks,
    const char *name, size_t *hint);
/* Numeric value as unsigned 64 bits (strings and negatives give 0). */
uint64_t dk_stat_u64(const struct dk_stat *st);
/* Numeric value as a double (strings give 0). */
double dk_stat_double(const struct dk_stat *st);

/*
 * The increase of a counter from old to new: modulo 2^width of the kernel's
 * value (see scale). Returns 0 and *delta, or -1 when the counter went
 * backwards in a way a wrap cannot explain (a reset): more than half the
 * range, the heuristic that tells a wrap from a restart.
 */
int dk_counter_delta(const struct dk_stat *old, const struct dk_stat *cur,
    uint64_t *delta);

/* Statistic names the dump formats reserve for kstat's pseudo-statistics. */
int dk_stat_name_reserved(const char *name, size_t len);

#endif
