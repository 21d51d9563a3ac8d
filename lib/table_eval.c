/*
 * table_eval.c - one value per column from two snapshots; see table.h.
 *
 * Every column goes through the same few steps: find the kstat of each
 * instance it sums (one, or every instance that counts in a total), pair
 * it with the same kstat of the old snapshot, and fold the expression's
 * statistics into an accumulator by the column's operation.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "table_int.h"

#define NS 1e9
/* The widest view has 8 columns: a total adds up at most this many. */
#define MAX_COLS 16

struct ev {
	const struct dk_snap *old, *cur;
	int boot;	 /* since boot: old counters are all zero */
	double uptime_s; /* boot only */
	double pagesize;
};

struct acc {
	double sum; /* rates, gauges, a share's part */
	double den; /* a share's whole */
};

/* One statistic's increase: 1, 0 when the old side lacks it, -1 for a reset. */
static int
increase(const struct ev *x, const struct dk_kstat *oks,
    const struct dk_stat *c, size_t hint, double *d)
{
	const struct dk_stat *o;
	uint64_t u;

	if (x->boot) {
		*d = dk_stat_double(c);
		return 1;
	}
	o = dk_kstat_stat_hint(oks, c->name, &hint);
	if (o == NULL)
		return 0;
	if (dk_counter_delta(o, c, &u) != 0)
		return -1;
	*d = (double)u;
	return 1;
}

/* Every statistic with the term's prefix, as one. */
static int
prefix_increase(const struct ev *x, const struct dk_term *tm,
    const struct dk_kstat *oks, const struct dk_kstat *cks, double *d)
{
	size_t i;
	int found = 0, r;
	double one;

	*d = 0;
	for (i = 0; i < cks->nstats; i++) {
		if (strncmp(cks->stats[i].name, tm->name, tm->len) != 0)
			continue;
		r = increase(x, oks, &cks->stats[i], i, &one);
		if (r < 0)
			return -1;
		if (r > 0) {
			*d += one;
			found = 1;
		}
	}
	return found;
}

/*
 * The expression's increase over one kstat pair: 1, 0 when none of its
 * statistics is there, -1 when one was reset.
 */
static int
expr_increase(const struct ev *x, struct dk_expr *e, const struct dk_kstat *oks,
    const struct dk_kstat *cks, double *out)
{
	size_t i;
	int found = 0, r;
	double d;

	*out = 0;
	for (i = 0; i < e->n; i++) {
		struct dk_term *tm = &e->t[i];
		const struct dk_stat *c;

		if (tm->prefix) {
			r = prefix_increase(x, tm, oks, cks, &d);
		} else {
			c = dk_kstat_stat_hint(cks, tm->name, &tm->hint);
			r = c != NULL ? increase(x, oks, c, tm->hint, &d) : 0;
		}
		if (r < 0)
			return -1;
		if (r > 0) {
			*out += tm->sign * d;
			found = 1;
		}
	}
	return found;
}

/* The expression's value as read (gauges): 1, or 0 when absent. */
static int
expr_value(struct dk_expr *e, const struct dk_kstat *cks, double *out)
{
	size_t i, j;
	int found = 0;

	*out = 0;
	for (i = 0; i < e->n; i++) {
		struct dk_term *tm = &e->t[i];
		const struct dk_stat *c;

		if (!tm->prefix) {
			c = dk_kstat_stat_hint(cks, tm->name, &tm->hint);
			if (c != NULL) {
				*out += tm->sign * dk_stat_double(c);
				found = 1;
			}
			continue;
		}
		for (j = 0; j < cks->nstats; j++) {
			if (strncmp(cks->stats[j].name, tm->name, tm->len) ==
			    0) {
				*out +=
				    tm->sign * dk_stat_double(&cks->stats[j]);
				found = 1;
			}
		}
	}
	return found;
}

/* The index of the first kstat not before key (a lower bound). */
static size_t
lower_bound(const struct dk_snap *s, const struct dk_kstat *key)
{
	size_t lo = 0, hi = dk_snap_count(s);

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (dk_kstat_cmp(dk_snap_kstat(s, mid), key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int
same_kstat(const struct dk_kstat *ks, const char *module, const char *inst,
    const char *name)
{
	return strcmp(ks->instance, inst) == 0 && strcmp(ks->name, name) == 0 &&
	    strcmp(ks->module, module) == 0;
}

/*
 * dk_snap_find() trying index *hint first: a source lists the same
 * devices in the same order from sample to sample, so the kstat is where
 * it was last time, in this snapshot and in the other one.
 */
static const struct dk_kstat *
find(const struct dk_snap *s, const char *module, const char *inst,
    const char *name, size_t *hint)
{
	struct dk_kstat key = { .module = module,
		.instance = inst,
		.name = name };
	const struct dk_kstat *ks = dk_snap_kstat(s, *hint);
	size_t i;

	if (ks != NULL && same_kstat(ks, module, inst, name))
		return ks;
	i = lower_bound(s, &key);
	ks = dk_snap_kstat(s, i);
	if (ks == NULL || !same_kstat(ks, module, inst, name))
		return NULL;
	*hint = i;
	return ks;
}

/*
 * The old side of a kstat: absent, or re-created since (its crtime is
 * after the old reading), means there is nothing to difference.
 */
static const struct dk_kstat *
old_of(const struct ev *x, const struct dk_kstat *cks, size_t hint)
{
	const struct dk_kstat *oks;

	oks = find(x->old, cks->module, cks->instance, cks->name, &hint);
	if (oks == NULL || cks->crtime_ns > oks->snaptime_ns ||
	    cks->snaptime_ns <= oks->snaptime_ns)
		return NULL;
	return oks;
}

/* One kstat's part of a cell: 1, 0 for no data, -1 for a reset. */
static int
member(const struct ev *x, struct dk_tgroup *g, struct dk_pcol *pc,
    const struct dk_kstat *cks, size_t hint, struct acc *a)
{
	const struct dk_kstat *oks = NULL;
	double d, whole, secs;
	int r;

	if (pc->col->op == DK_OP_GAUGE) {
		if (!expr_value(&pc->e, cks, &d))
			return 0;
		a->sum += d;
		return 1;
	}
	if (!x->boot && (oks = old_of(x, cks, hint)) == NULL)
		return 0;
	r = expr_increase(x, &pc->e, oks, cks, &d);
	if (r <= 0)
		return r;
	if (pc->col->op == DK_OP_SHARE) {
		r = expr_increase(x, &g->share, oks, cks, &whole);
		if (r <= 0)
			return r;
		a->sum += d;
		a->den += whole;
		return 1;
	}
	secs = x->boot ? x->uptime_s :
			 (double)(cks->snaptime_ns - oks->snaptime_ns) / NS;
	if (secs <= 0)
		return 0;
	a->sum += d / secs;
	return 1;
}

static void
finish(const struct ev *x, const struct dk_col *c, const struct acc *a,
    struct dk_val *out)
{
	double mult = c->mult != 0 ? c->mult : 1, v;

	if (c->flags & DK_COL_PAGES)
		mult *= x->pagesize;
	switch (c->op) {
	case DK_OP_SHARE:
		/* dstat: a CPU whose times did not move shows 0. */
		v = a->den > 0 ? 100.0 * a->sum / a->den : 0;
		break;
	case DK_OP_GAUGE:
		v = a->sum * mult + c->offset;
		break;
	default:
		v = a->sum * mult;
		break;
	}
	if ((c->flags & DK_COL_NONNEG) && v < 0)
		v = 0;
	out->v = v;
	out->state = DK_V_OK;
}

static void
clear(struct dk_val *out)
{
	out->state = DK_V_NONE;
	out->v = 0;
	out->s = NULL;
}

/*
 * A total: the sum over the instances that count, skipping those with
 * nothing to difference, every column of the block in one walk. No
 * instance at all (no swap area) sums to 0; instances none of which could
 * be differenced (no uptime for the since-boot line) give no value.
 */
static void
eval_total(const struct ev *x, struct dk_tgroup *g, struct dk_val *out)
{
	const char *module = g->view->module;
	size_t i = dk_t_module_start(x->cur, module), c;
	size_t ncols = g->ncols < MAX_COLS ? g->ncols : MAX_COLS;
	struct acc acc[MAX_COLS];
	unsigned counted[MAX_COLS], summed[MAX_COLS];

	memset(acc, 0, sizeof(acc));
	memset(counted, 0, sizeof(counted));
	memset(summed, 0, sizeof(summed));
	for (; i < dk_snap_count(x->cur); i++) {
		const struct dk_kstat *ks = dk_snap_kstat(x->cur, i);
		int in = -1;

		if (strcmp(ks->module, module) != 0)
			break;
		for (c = 0; c < ncols; c++) {
			if (g->cols[c].inst != NULL ||
			    strcmp(ks->name, g->cols[c].kname) != 0)
				continue;
			if (in < 0)
				in = dk_t_in_total(g, x->cur, i);
			if (!in)
				continue;
			counted[c]++;
			if (member(x, g, &g->cols[c], ks, i, &acc[c]) > 0)
				summed[c]++;
		}
	}
	for (c = 0; c < g->ncols; c++) {
		clear(&out[c]);
		if (g->cols[c].inst == NULL && c < ncols &&
		    (counted[c] == 0 || summed[c] > 0))
			finish(x, g->cols[c].col, &acc[c], &out[c]);
	}
}

static void
eval_text(const struct dk_kstat *ks, struct dk_pcol *pc, struct dk_val *out)
{
	const struct dk_stat *st;

	if (pc->e.n == 0)
		return;
	st = dk_kstat_stat_hint(ks, pc->e.t[0].name, &pc->e.t[0].hint);
	if (st == NULL || st->type != DK_T_STRING)
		return;
	out->s = st->v.s;
	out->state = DK_V_OK;
}

/* One cell of one instance. */
static void
eval_cell(const struct ev *x, struct dk_tgroup *g, const char *inst,
    struct dk_pcol *pc, size_t *hint, struct dk_val *out)
{
	const struct dk_kstat *ks;
	struct acc a = { 0, 0 };
	int r;

	clear(out);
	if (pc->inst != NULL)
		inst = pc->inst;
	ks = find(x->cur, g->view->module, inst, pc->kname, hint);
	if (ks == NULL)
		return;
	if (pc->col->op == DK_OP_TEXT) {
		eval_text(ks, pc, out);
		return;
	}
	r = member(x, g, pc, ks, *hint, &a);
	if (r < 0)
		out->state = DK_V_RESET;
	else if (r > 0)
		finish(x, pc->col, &a, out);
}

static void
eval_clock(struct dk_table *t, const struct dk_col *c, uint64_t wall_ns,
    struct dk_val *out)
{
	time_t sec = (time_t)(wall_ns / 1000000000u);
	struct tm tm;
	size_t n;

	out->state = DK_V_OK;
	out->s = NULL;
	out->v = (double)wall_ns / NS;
	if (c->op == DK_OP_EPOCH)
		return;
	if (localtime_r(&sec, &tm) == NULL) {
		out->state = DK_V_NONE;
		return;
	}
	n = dk_t_strftime(t->timebuf, sizeof(t->timebuf), t->timefmt, &tm);
	if (t->debug && n + 5 < sizeof(t->timebuf))
		(void)snprintf(t->timebuf + n, sizeof(t->timebuf) - n, ".%03u",
		    (unsigned)(wall_ns / 1000000u % 1000u));
	out->s = t->timebuf;
}

/*
 * A block's cells. A total walks its instances once for all its columns;
 * a column that names its own instance is looked up alone.
 */
static void
eval_block(struct dk_table *t, const struct ev *x, struct dk_tgroup *g,
    struct dk_block *b, uint64_t wall_ns, struct dk_val *v)
{
	size_t c;

	if (b->inst == NULL && g->view->module != NULL)
		eval_total(x, g, v);
	for (c = 0; c < g->ncols; c++) {
		const struct dk_col *col = g->cols[c].col;

		if (col->op == DK_OP_TIME || col->op == DK_OP_EPOCH)
			eval_clock(t, col, wall_ns, &v[c]);
		else if (b->inst != NULL || g->cols[c].inst != NULL)
			eval_cell(x, g, b->inst, &g->cols[c], &b->hints[c],
			    &v[c]);
	}
}

static double
uptime_of(const struct dk_snap *s)
{
	const struct dk_kstat *ks = dk_snap_find(s, "uptime", "0", "uptime");
	const struct dk_stat *st =
	    ks != NULL ? dk_kstat_stat(ks, "uptime") : NULL;

	return st != NULL ? dk_stat_double(st) / NS : 0;
}

void
dk_table_compute(struct dk_table *t, const struct dk_snap *old,
    const struct dk_snap *cur, uint64_t wall_ns, struct dk_val *vals)
{
	struct ev x = { old, cur, old == NULL, 0, t->pagesize };
	size_t i, b;

	if (x.boot)
		x.uptime_s = uptime_of(cur);
	for (i = 0; i < t->ng; i++) {
		struct dk_tgroup *g = &t->g[i];
		struct dk_val *v = vals + g->pub.first;

		for (b = 0; b < g->nblocks; b++, v += g->ncols)
			eval_block(t, &x, g, &g->blocks[b], wall_ns, v);
	}
}
