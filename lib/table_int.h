/*
 * table_int.h - the table engine's insides, shared by table.c (building),
 * table_sel.c (instance selection) and table_eval.c (values). Not part of
 * the library's interface.
 */
#ifndef DK_TABLE_INT_H
#define DK_TABLE_INT_H

#include <time.h>

#include "table.h"

/* One statistic of an expression, or every one with a prefix. */
struct dk_term {
	const char *name;
	size_t len;
	int sign;    /* +1 or -1 */
	int prefix;  /* name ended in '*' */
	size_t hint; /* where it was last found (dk_kstat_stat_hint) */
};

struct dk_expr {
	struct dk_term *t;
	size_t n;
};

/* A column as planned: what it reads and from which kstat. */
struct dk_pcol {
	const struct dk_col *col;
	struct dk_expr e;
	const char *kname; /* the kstat name it reads */
	const char *inst;  /* a fixed instance, or NULL for the block's */
};

/* An instance shown: a block of columns, or one column (DK_IM_COLS). */
struct dk_block {
	const char *inst; /* NULL: the sum that makes the total */
	size_t *hints;	  /* per column: where its kstat was last found */
};

struct dk_tgroup {
	struct dk_group pub;
	const struct dk_view *view; /* a --stat's own one is the table's */
	struct dk_block *blocks;
	size_t nblocks;
	struct dk_pcol *cols;
	size_t ncols;
	struct dk_expr share;
	const char **titles;
	struct dk_colhead *heads;
};

struct dk_table {
	struct dk_tgroup *g;
	size_t ng, capg;
	size_t nvalues;
	double pagesize;
	const char *timefmt;
	int debug;
	char timebuf[128];
	void **owned; /* every allocation, freed with the table */
	size_t nowned, capowned;
	int oom;
};

/* Allocation that the table frees; NULL (and t->oom) on failure. */
void *dk_t_alloc(struct dk_table *t, size_t n);
char *dk_t_strdup(struct dk_table *t, const char *s);

/*
 * Fill g->blocks from the view's selection list, -f or its default, using
 * the first snapshot to discover instances. 0, or -1 on memory.
 */
int dk_t_select(struct dk_table *t, struct dk_tgroup *g,
    const struct dk_table_opts *o, const struct dk_snap *first, dk_warn_fn warn,
    void *warn_arg);

/* Whether instance inst of the group's module counts in its total. */
int dk_t_in_total(const struct dk_tgroup *g, const struct dk_snap *s, size_t i);

/* Index of the first kstat of module in s (they are contiguous). */
size_t dk_t_module_start(const struct dk_snap *s, const char *module);

/* strftime() with the user's format (the time view). */
size_t dk_t_strftime(char *buf, size_t cap, const char *fmt,
    const struct tm *tm);

#endif
