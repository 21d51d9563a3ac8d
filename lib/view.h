/*
 * view.h - the table views (dstat's "plugins") as data.
 *
 * A view is a titled group of columns over records. Each column names the
 * statistics it reads as a small expression ("user+nice+irq+softirq",
 * "MemTotal-MemFree-Buffers-Cached-SReclaimable+Shmem", "pgalloc_*" for
 * every statistic with that prefix) and how they become a number: a rate
 * per second of counters, a share of a group of counters (cpu), a gauge as
 * read, or the clock. One engine (table.h) evaluates every view alike;
 * adding a view is one entry in dk_views[].
 *
 * A view reads one kstat per instance, module:<instance>:kname; a column
 * may name another kstat of the same module (inst, kname). Views over
 * several instances (cpu, disk, net, swap, int) take them from a selection
 * list (-C -D -N -S -I) and show "total" as a sum over the instances that
 * count once (total) or, for cpu, as the kernel's own total.
 */
#ifndef DK_VIEW_H
#define DK_VIEW_H

#include <stddef.h>

#include "cell.h"
#include "strbuf.h"

enum dk_op {
	DK_OP_RATE,  /* sum of counter increases per second, times mult */
	DK_OP_SHARE, /* sum of increases, percent of the view's share sum */
	DK_OP_GAUGE, /* sum of values as read, times mult, plus offset */
	DK_OP_TEXT,  /* a string statistic as read */
	DK_OP_TIME,  /* the sample's wall-clock time, as text */
	DK_OP_EPOCH, /* the sample's wall-clock time, in seconds */
};

/* Column flags. */
#define DK_COL_PAGES 0x1u  /* times the page size (counts of pages) */
#define DK_COL_NONNEG 0x2u /* never below zero */

struct dk_col {
	const char *nick;  /* the subtitle, dstat's */
	const char *expr;  /* statistics, see above; NULL for the clock */
	const char *inst;  /* another instance of the module, or NULL */
	const char *kname; /* another kstat name, or NULL */
	unsigned char op;  /* enum dk_op */
	struct dk_cellfmt fmt;
	double mult;   /* 0 means 1 */
	double offset; /* gauges only */
	unsigned flags;
};

/* How a view picks its instances. */
enum dk_inst_mode {
	DK_IM_ONE,   /* one fixed instance */
	DK_IM_LIST,  /* selected instances, each a block of columns */
	DK_IM_COLS,  /* selected instances, each one column */
	DK_IM_CLOCK, /* no statistics */
};

/* Which instances a selection list and -f understand. */
enum dk_disc {
	DK_DISC_NONE,
	DK_DISC_CPU,  /* numbers, "total", "all" */
	DK_DISC_DISK, /* device names, "total" */
	DK_DISC_NET,  /* interface names, "total" */
	DK_DISC_IRQ,  /* IRQ numbers or device names */
	DK_DISC_SWAP, /* swap paths or their last component, "total" */
};

/* What "total" sums. */
enum dk_total {
	DK_TOT_NONE,
	DK_TOT_KSTAT, /* the provider's own instance "total" */
	DK_TOT_ALL,   /* every instance */
	DK_TOT_DISK,  /* whole physical disks only (see table.c) */
	DK_TOT_NET,   /* interfaces that are not loopback or virtual */
};

struct dk_view {
	const char *name; /* for -M and --name, and in --list */
	char opt;	  /* its short option, or 0 */
	const char *desc; /* one line for --list */
	const char *module;
	const char *kname;
	const char *inst;	/* DK_IM_ONE: the instance */
	const char *title;	/* the group title, or the total's */
	const char *inst_title; /* per instance, "%s" the instance */
	unsigned char mode;	/* enum dk_inst_mode */
	unsigned char disc;	/* enum dk_disc */
	unsigned char total;	/* enum dk_total */
	char list;		/* its selection option: 'C' 'D' ... or 0 */
	const char *def;	/* instances without a list: "total" or NULL */
	const char *share;	/* DK_OP_SHARE: the whole */
	const struct dk_col *cols;
	size_t ncols;
};

extern const struct dk_view dk_views[];
extern const size_t dk_nviews;

/* The view of that name (or alias), NULL if none. */
const struct dk_view *dk_view_find(const char *name);

/*
 * The view list for --list: one line per view with its option, title,
 * columns and the sources its providers read.
 */
void dk_view_list(struct dk_sb *sb);

#endif
