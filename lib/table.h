/*
 * table.h - the table engine: views expanded against a first sample into a
 * fixed set of columns, then one value per column for each interval.
 *
 * A request is a view name ("cpu") or a statistic key
 * ("module:instance:name:statistic", %HH-escaped as in -p keys, told apart
 * by its colons). dk_table_new() expands the requests against the first
 * snapshot: it resolves the selection lists (-C -D -N -I -S), -f, and
 * fixes the columns once, so a device that appears or vanishes later
 * never shifts them: it shows as blank (no data) until it is back.
 *
 * dk_table_compute() turns two snapshots into values: rates divide by the
 * measured time between the two readings of each source (their snapshot
 * times), counters are differenced by their declared width (a wrap is
 * exact, a reset gives DK_V_RESET), and with no old snapshot every view
 * shows its average since boot (counters over uptime, percentages of the
 * since-boot totals), gauges as read.
 *
 * Totals count each physical thing once: disk totals sum whole disks
 * (disk:<dev>:info devtype "disk": no partitions, dm, md, loop, zram or
 * ram), network totals leave out loopback, bonding masters, VLAN
 * sub-interfaces, bridges, veth and ifb (they carry traffic another
 * interface counts too). A device that appeared, vanished or was
 * re-created during an interval is left out of the total for that
 * interval.
 *
 * Ownership: the table owns its layout (titles, column heads); values
 * point to text owned by the table or by the current snapshot, valid until
 * the next compute or until that snapshot is reset.
 */
#ifndef DK_TABLE_H
#define DK_TABLE_H

#include <stddef.h>
#include <stdint.h>

#include "cell.h"
#include "collect.h"
#include "err.h"
#include "snapshot.h"
#include "view.h"

enum dk_vstate {
	DK_V_OK,    /* v (or s) holds the value */
	DK_V_RESET, /* a counter went backwards: no value this interval */
	DK_V_NONE,  /* no data: the statistic or device is missing */
};

struct dk_val {
	double v;
	const char *s; /* text values (time, strings), else NULL */
	unsigned char state;
};

struct dk_colhead {
	const char *nick;
	struct dk_cellfmt fmt; /* how the value is squeezed */
	unsigned width;	       /* the column: fmt.width or more (--stat) */
};

/*
 * One group of columns under a title (one view, or one --stat): nblocks
 * blocks of ncols columns, one title per block (dstat's per-instance
 * groups, "dsk/sda" and "dsk/sdb", separated by ':').
 */
struct dk_group {
	const char *view;	   /* the view's name, or the statistic key */
	size_t nblocks;		   /* at least 1 */
	const char *const *titles; /* nblocks titles */
	size_t ncols;		   /* columns per block */
	const struct dk_colhead *cols;
	size_t first;	  /* index of the group's first value */
	int per_instance; /* one title per instance, even when one */
	int stat;	  /* a --stat: view is its whole key */
};

struct dk_table_opts {
	/* Selection lists as given (comma-separated), or NULL. */
	const char *cpus, *disks, *nets, *irqs, *swaps;
	int full;		/* -f: every device, not just the total */
	const char *timefmt;	/* strftime format of the time view */
	int debug;		/* time with milliseconds, epoch decimals */
	unsigned long pagesize; /* bytes per page, for paging */
};

struct dk_table;

/* The modules a set of requests reads, for dk_collect()'s predicate. */
#define DK_MODSET_MAX 32
struct dk_modset {
	const char *mod[DK_MODSET_MAX];
	size_t n;
};

/*
 * Add the modules the requests need (and "uptime", for the since-boot
 * line). 0, or -1 with err for an unknown view or a malformed key.
 */
int dk_modset_add(struct dk_modset *m, const char *const *req, size_t n,
    struct dk_err *err);
/* Drop a module (uptime, once the first line is out). */
void dk_modset_del(struct dk_modset *m, const char *module);
/* dk_module_pred over a struct dk_modset. */
int dk_modset_want(void *arg, const char *module);

/*
 * Expand requests against the first sample. Problems that leave the table
 * usable (a listed device that does not exist yet, a view with no data on
 * this system, which is dropped) go to warn. NULL with err when nothing is
 * left to show, a --stat names no statistic, or memory runs out.
 */
struct dk_table *dk_table_new(const char *const *req, size_t nreq,
    const struct dk_table_opts *o, const struct dk_snap *first, dk_warn_fn warn,
    void *warn_arg, struct dk_err *err);
void dk_table_free(struct dk_table *t);

/*
 * Add every statistic the table reads from now on to w (see
 * dk_collector_set_want), so later samples skip the rest. The names are
 * the table's: w must not outlive it. 0 or -1 on memory.
 */
int dk_table_want(const struct dk_table *t, struct dk_want *w);

size_t dk_table_ngroups(const struct dk_table *t);
const struct dk_group *dk_table_group(const struct dk_table *t, size_t i);
size_t dk_table_nvalues(const struct dk_table *t);

/*
 * The values of the interval from old to cur into vals (nvalues of them);
 * old NULL: since boot (cur must then hold uptime:0:uptime). wall_ns is
 * the sample's time on CLOCK_REALTIME, for the time and epoch views.
 */
void dk_table_compute(struct dk_table *t, const struct dk_snap *old,
    const struct dk_snap *cur, uint64_t wall_ns, struct dk_val *vals);

#endif
