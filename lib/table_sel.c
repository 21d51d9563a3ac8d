/*
 * table_sel.c - which instances a view shows: its selection list (-C -D
 * -N -I -S), -f, or its default, resolved against the first sample; and
 * which instances its total counts. See table.h.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "table_int.h"

/* dstat leaves the timer, keyboard, cascade and RTC out of its default. */
static const char *const quiet_irqs[] = { "0", "1", "2", "8" };
/* dstat's default shows the last three busy IRQs, busy = over 10. */
#define IRQ_DEFAULT 3
#define IRQ_BUSY 10

struct sel {
	struct dk_table *t;
	struct dk_tgroup *g;
	const struct dk_snap *first;
	size_t cap;
	dk_warn_fn warn;
	void *warn_arg;
};

size_t
dk_t_module_start(const struct dk_snap *s, const char *module)
{
	size_t lo = 0, hi = dk_snap_count(s);

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(dk_snap_kstat(s, mid)->module, module) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void __attribute__((format(printf, 2, 3)))
warnf(struct sel *sl, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	if (sl->warn == NULL)
		return;
	va_start(ap, fmt);
	(void)vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	sl->warn(sl->warn_arg, msg);
}

/* Add a block unless it is there already; inst NULL is the total. */
static int
add_block(struct sel *sl, const char *inst)
{
	struct dk_tgroup *g = sl->g;
	size_t i;

	for (i = 0; i < g->nblocks; i++) {
		const char *have = g->blocks[i].inst;

		if (have == inst ||
		    (have != NULL && inst != NULL && strcmp(have, inst) == 0))
			return 0;
	}
	if (g->nblocks == sl->cap)
		return 0; /* cannot happen: cap counts every candidate */
	if (inst != NULL && (inst = dk_t_strdup(sl->t, inst)) == NULL)
		return -1;
	g->blocks[g->nblocks++].inst = inst;
	return 0;
}

static int
add_total(struct sel *sl)
{
	return add_block(sl,
	    sl->g->view->total == DK_TOT_KSTAT ? "total" : NULL);
}

static const struct dk_kstat *
kstat_of(const struct sel *sl, const char *inst)
{
	return dk_snap_find(sl->first, sl->g->view->module, inst,
	    sl->g->view->kname);
}

/* The sum of a kstat's numeric statistics whose name starts with pfx. */
static double
sum_prefix(const struct dk_kstat *ks, const char *pfx)
{
	size_t i, n = strlen(pfx);
	double sum = 0;

	for (i = 0; i < ks->nstats; i++)
		if (strncmp(ks->stats[i].name, pfx, n) == 0)
			sum += dk_stat_double(&ks->stats[i]);
	return sum;
}

static int
all_zero(const struct dk_kstat *ks)
{
	size_t i;

	for (i = 0; i < ks->nstats; i++)
		if (ks->stats[i].type != DK_T_STRING &&
		    dk_stat_double(&ks->stats[i]) != 0)
			return 0;
	return 1;
}

static int
is_quiet_irq(const char *inst)
{
	size_t i;

	for (i = 0; i < sizeof(quiet_irqs) / sizeof(quiet_irqs[0]); i++)
		if (strcmp(inst, quiet_irqs[i]) == 0)
			return 1;
	return 0;
}

/* -f for disks, as dstat: whole devices (not partitions, dm or md). */
static int
disk_listed(const struct dk_snap *s, const char *inst)
{
	const struct dk_kstat *info = dk_snap_find(s, "disk", inst, "info");
	const struct dk_stat *st;

	if (info == NULL)
		return 1;
	st = dk_kstat_stat(info, "partition");
	if (st != NULL && dk_stat_u64(st) != 0)
		return 0;
	st = dk_kstat_stat(info, "devtype");
	return st == NULL || st->type != DK_T_STRING ||
	    (strcmp(st->v.s, "dm") != 0 && strcmp(st->v.s, "md") != 0 &&
		strcmp(st->v.s, "partition") != 0);
}

/* Whether the view's default or -f shows this instance. */
static int
discovered(const struct sel *sl, const struct dk_kstat *ks)
{
	const char *inst = ks->instance;

	switch (sl->g->view->disc) {
	case DK_DISC_CPU:
		return dk_is_numeric(inst);
	case DK_DISC_DISK:
		return disk_listed(sl->first, inst) && !all_zero(ks);
	case DK_DISC_NET:
		return strcmp(inst, "lo") != 0 && !all_zero(ks);
	case DK_DISC_IRQ:
		return dk_is_numeric(inst) && !is_quiet_irq(inst) &&
		    sum_prefix(ks, "cpu") + sum_prefix(ks, "count") > IRQ_BUSY;
	default:
		return 1;
	}
}

/* Every instance the view discovers, in kstat order (numbers first). */
static int
add_discovered(struct sel *sl, int full)
{
	const struct dk_view *v = sl->g->view;
	size_t i = dk_t_module_start(sl->first, v->module), first_block;

	first_block = sl->g->nblocks;
	for (; i < dk_snap_count(sl->first); i++) {
		const struct dk_kstat *ks = dk_snap_kstat(sl->first, i);

		if (strcmp(ks->module, v->module) != 0)
			break;
		if (strcmp(ks->name, v->kname) != 0 || !discovered(sl, ks))
			continue;
		if (add_block(sl, ks->instance) != 0)
			return -1;
	}
	/* dstat's -i shows the last three busy IRQs, -f all of them. */
	if (v->disc == DK_DISC_IRQ && !full &&
	    sl->g->nblocks - first_block > IRQ_DEFAULT) {
		size_t drop = sl->g->nblocks - first_block - IRQ_DEFAULT;

		memmove(&sl->g->blocks[first_block],
		    &sl->g->blocks[first_block + drop],
		    IRQ_DEFAULT * sizeof(sl->g->blocks[0]));
		sl->g->nblocks -= drop;
	}
	return 0;
}

/* Whether a word of an IRQ's description names the device (any case). */
static int
irq_names(const struct dk_kstat *ks, const char *name)
{
	const struct dk_stat *st = dk_kstat_stat(ks, "description");
	const char *p;
	size_t n = strlen(name);

	if (st == NULL || st->type != DK_T_STRING || n == 0)
		return 0;
	for (p = st->v.s; *p != '\0';) {
		size_t len = strcspn(p, " ,");

		if (len == n && strncasecmp(p, name, n) == 0)
			return 1;
		p += len;
		p += strspn(p, " ,");
	}
	return 0;
}

/* The last part of a swap path, as dstat's improve(): "/dev/sda2" sda2. */
static const char *
swap_short(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash != NULL && slash[1] != '\0' ? slash + 1 : path;
}

/* An IRQ or swap named other than by its instance; NULL if none. */
static const char *
find_by_name(const struct sel *sl, const char *name)
{
	const struct dk_view *v = sl->g->view;
	size_t i = dk_t_module_start(sl->first, v->module);

	for (; i < dk_snap_count(sl->first); i++) {
		const struct dk_kstat *ks = dk_snap_kstat(sl->first, i);

		if (strcmp(ks->module, v->module) != 0)
			break;
		if (strcmp(ks->name, v->kname) != 0)
			continue;
		if (v->disc == DK_DISC_IRQ && irq_names(ks, name))
			return ks->instance;
		if (v->disc == DK_DISC_SWAP &&
		    strcmp(swap_short(ks->instance), name) == 0)
			return ks->instance;
	}
	return NULL;
}

static int
add_item(struct sel *sl, const char *item, char opt)
{
	const char *found;
	char o[3] = { '-', opt, '\0' };

	if (strcmp(item, "total") == 0)
		return add_total(sl);
	if (sl->g->view->disc == DK_DISC_CPU && strcmp(item, "all") == 0)
		return add_discovered(sl, 1);
	if (kstat_of(sl, item) != NULL)
		return add_block(sl, item);
	found = find_by_name(sl, item);
	if (found != NULL)
		return add_block(sl, found);
	if (sl->g->view->disc == DK_DISC_IRQ) {
		warnf(sl, "%s %s: no such interrupt", o, item);
		return 0;
	}
	/* Devices come and go: keep the column, blank until it is there. */
	warnf(sl, "%s %s: not present (yet): its columns stay blank", o, item);
	return add_block(sl, item);
}

static const char *
list_of(const struct dk_table_opts *o, char opt)
{
	switch (opt) {
	case 'C':
		return o->cpus;
	case 'D':
		return o->disks;
	case 'N':
		return o->nets;
	case 'I':
		return o->irqs;
	case 'S':
		return o->swaps;
	default:
		return NULL;
	}
}

static int
add_list(struct sel *sl, const char *list, char opt)
{
	char *copy = dk_t_strdup(sl->t, list), *item, *save = NULL;

	if (copy == NULL)
		return -1;
	for (item = strtok_r(copy, ",", &save); item != NULL;
	     item = strtok_r(NULL, ",", &save))
		if (add_item(sl, item, opt) != 0)
			return -1;
	return 0;
}

int
dk_t_select(struct dk_table *t, struct dk_tgroup *g,
    const struct dk_table_opts *o, const struct dk_snap *first, dk_warn_fn warn,
    void *warn_arg)
{
	const struct dk_view *v = g->view;
	const char *list = list_of(o, v->list);
	struct sel sl = { t, g, first, 0, warn, warn_arg };

	if (v->mode != DK_IM_LIST && v->mode != DK_IM_COLS) {
		sl.cap = 1;
		g->blocks = dk_t_alloc(t, sizeof(*g->blocks));
		if (g->blocks == NULL)
			return -1;
		g->blocks[0].inst = v->inst;
		g->nblocks = 1;
		return 0;
	}
	/* Room for every kstat and every list item. */
	sl.cap = dk_snap_count(first) + 2 + (list != NULL ? strlen(list) : 0);
	g->blocks = dk_t_alloc(t, sl.cap * sizeof(*g->blocks));
	if (g->blocks == NULL)
		return -1;
	if (list != NULL)
		return add_list(&sl, list, v->list);
	/* -f: every device, or the total when there is none (no swap). */
	if (o->full && v->disc != DK_DISC_CPU) {
		if (add_discovered(&sl, 1) != 0)
			return -1;
		return g->nblocks == 0 && v->def != NULL ? add_total(&sl) : 0;
	}
	if (v->def != NULL)
		return add_total(&sl);
	return add_discovered(&sl, 0);
}

/* "bond0", "br-1a2b": a name, a prefix, then digits (or anything). */
static int
prefix_then(const char *name, const char *prefix, int digits)
{
	size_t n = strlen(prefix);

	if (strncmp(name, prefix, n) != 0)
		return 0;
	if (!digits)
		return 1;
	return dk_is_numeric(name + n);
}

/*
 * Interfaces whose traffic another interface counts too: loopback, bond
 * masters (their slaves count it), VLAN sub-interfaces ("eth0.100", the
 * parent counts it), bridges and veth pairs (the container's traffic also
 * crosses the bridge and the uplink) and ifb mirrors.
 */
static int
net_counts(const char *name)
{
	const char *dot = strrchr(name, '.');

	if (strcmp(name, "lo") == 0 || prefix_then(name, "bond", 1))
		return 0;
	if (dot != NULL && dot != name && dk_is_numeric(dot + 1))
		return 0;
	if (prefix_then(name, "br", 1) || prefix_then(name, "br-", 0) ||
	    prefix_then(name, "bridge", 0) || prefix_then(name, "virbr", 0) ||
	    prefix_then(name, "docker", 0) || prefix_then(name, "lxcbr", 0) ||
	    prefix_then(name, "cni", 0) || prefix_then(name, "veth", 0) ||
	    prefix_then(name, "ifb", 0))
		return 0;
	return 1;
}

/*
 * A device's info kstat: it sorts just before its io ("info" < "io"), so
 * look there before searching.
 */
static const struct dk_kstat *
info_of(const struct dk_snap *s, size_t i)
{
	const struct dk_kstat *io = dk_snap_kstat(s, i), *ks;

	ks = i > 0 ? dk_snap_kstat(s, i - 1) : NULL;
	if (ks != NULL && strcmp(ks->name, "info") == 0 &&
	    strcmp(ks->instance, io->instance) == 0 &&
	    strcmp(ks->module, io->module) == 0)
		return ks;
	return dk_snap_find(s, io->module, io->instance, "info");
}

/*
 * Whole physical disks only: the provider's devtype (from sysfs, or the
 * kernel's naming rule) tells partitions, dm, md, loop, zram and ram
 * apart; without it the device counts.
 */
static int
disk_counts(const struct dk_snap *s, size_t i)
{
	const struct dk_kstat *info = info_of(s, i);
	const struct dk_stat *st;

	if (info == NULL)
		return 1;
	st = dk_kstat_stat(info, "partition");
	if (st != NULL && dk_stat_u64(st) != 0)
		return 0;
	st = dk_kstat_stat(info, "devtype");
	return st == NULL || st->type != DK_T_STRING ||
	    strcmp(st->v.s, "disk") == 0;
}

int
dk_t_in_total(const struct dk_tgroup *g, const struct dk_snap *s, size_t i)
{
	switch (g->view->total) {
	case DK_TOT_ALL:
		return 1;
	case DK_TOT_DISK:
		return disk_counts(s, i);
	case DK_TOT_NET:
		return net_counts(dk_snap_kstat(s, i)->instance);
	default:
		return 0;
	}
}
