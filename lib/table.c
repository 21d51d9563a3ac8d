/*
 * table.c - building a table: requests resolved to views and statistics,
 * expressions parsed, instances selected (table_sel.c) and the layout the
 * renderer and the CSV writer read. See table.h.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "escape.h"
#include "table_int.h"

/*
 * A --stat value is squeezed into 5 characters as dstat's own columns
 * (4 for a percentage of time); the column is as wide as the statistic's
 * name, within reason, so the subtitle says what it is.
 */
#define STAT_WIDTH 5
#define STAT_WIDTH_MAX 14

void *
dk_t_alloc(struct dk_table *t, size_t n)
{
	void *p;

	if (t->nowned == t->capowned) {
		size_t ncap = t->capowned != 0 ? t->capowned * 2 : 32;
		void **o = realloc(t->owned, ncap * sizeof(*o));

		if (o == NULL) {
			t->oom = 1;
			return NULL;
		}
		t->owned = o;
		t->capowned = ncap;
	}
	p = calloc(1, n != 0 ? n : 1);
	if (p == NULL) {
		t->oom = 1;
		return NULL;
	}
	t->owned[t->nowned++] = p;
	return p;
}

char *
dk_t_strdup(struct dk_table *t, const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = dk_t_alloc(t, n);

	if (p != NULL)
		memcpy(p, s, n);
	return p;
}

void
dk_table_free(struct dk_table *t)
{
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; i < t->nowned; i++)
		free(t->owned[i]);
	free(t->owned);
	free(t->g);
	free(t);
}

/*
 * "a+b-c*": terms split in place (the copy is the table's); a trailing
 * '*' sums every statistic with that prefix.
 */
static int
parse_expr(struct dk_table *t, const char *src, struct dk_expr *e)
{
	char *s, *p;
	size_t n = 1;
	int sign = 1;

	e->n = 0;
	if (src == NULL || *src == '\0')
		return 0;
	for (p = (char *)(uintptr_t)src + 1; *p != '\0'; p++)
		n += *p == '+' || *p == '-';
	s = dk_t_strdup(t, src);
	e->t = dk_t_alloc(t, n * sizeof(*e->t));
	if (s == NULL || e->t == NULL)
		return -1;
	for (p = s; *p != '\0';) {
		struct dk_term *term = &e->t[e->n];
		size_t len;

		if (*p == '+' || *p == '-')
			sign = *p++ == '-' ? -1 : 1;
		len = strcspn(p, "+-");
		term->name = p;
		term->sign = sign;
		term->prefix = len > 0 && p[len - 1] == '*';
		term->len = len - (size_t)term->prefix;
		p += len;
		sign = *p == '-' ? -1 : 1;
		if (*p != '\0')
			*p++ = '\0';
		((char *)(uintptr_t)term->name)[term->len] = '\0';
		if (term->len > 0)
			e->n++;
	}
	return 0;
}

static struct dk_tgroup *
new_group(struct dk_table *t)
{
	struct dk_tgroup *g;

	if (t->ng == t->capg) {
		size_t ncap = t->capg != 0 ? t->capg * 2 : 16;
		struct dk_tgroup *p = realloc(t->g, ncap * sizeof(*p));

		if (p == NULL) {
			t->oom = 1;
			return NULL;
		}
		t->g = p;
		t->capg = ncap;
	}
	g = &t->g[t->ng];
	memset(g, 0, sizeof(*g));
	return g;
}

static const char *
short_name(const char *inst)
{
	const char *slash = strrchr(inst, '/');

	return slash != NULL && slash[1] != '\0' ? slash + 1 : inst;
}

/* The per-instance title: its "%s" replaced by the instance. */
static const char *
block_title(struct dk_table *t, const struct dk_view *v, const char *inst)
{
	char buf[256];
	const char *pct;
	size_t pre;

	if (inst == NULL || v->inst_title == NULL ||
	    (v->total == DK_TOT_KSTAT && strcmp(inst, "total") == 0))
		return v->title;
	pct = strstr(v->inst_title, "%s");
	pre = pct != NULL ? (size_t)(pct - v->inst_title) : 0;
	(void)snprintf(buf, sizeof(buf), "%.*s%s%s", (int)pre, v->inst_title,
	    short_name(inst), pct != NULL ? pct + 2 : "");
	return dk_t_strdup(t, buf);
}

/* The time view is as wide as the format makes it (dstat measured too). */
static unsigned
time_width(const struct dk_table *t)
{
	char buf[sizeof(t->timebuf)];
	time_t now = time(NULL);
	struct tm tm;
	size_t n;

	if (localtime_r(&now, &tm) == NULL)
		return 14;
	n = dk_t_strftime(buf, sizeof(buf), t->timefmt, &tm);
	n += t->debug ? 4 : 0;
	return n == 0 ? 1 : n > DK_CELL_MAX ? DK_CELL_MAX : (unsigned)n;
}

static int
layout_blocks(struct dk_table *t, struct dk_tgroup *g)
{
	const struct dk_view *v = g->view;
	size_t i;

	g->pub.nblocks = g->nblocks;
	g->pub.ncols = v->ncols;
	g->titles = dk_t_alloc(t, g->nblocks * sizeof(*g->titles));
	g->heads = dk_t_alloc(t, v->ncols * sizeof(*g->heads));
	if (g->titles == NULL || g->heads == NULL)
		return -1;
	for (i = 0; i < g->nblocks; i++)
		if ((g->titles[i] = block_title(t, v, g->blocks[i].inst)) ==
		    NULL)
			return -1;
	for (i = 0; i < v->ncols; i++) {
		g->heads[i].nick = v->cols[i].nick;
		g->heads[i].fmt = v->cols[i].fmt;
		if (v->cols[i].op == DK_OP_TIME)
			g->heads[i].fmt.width = (uint8_t)time_width(t);
		if (v->cols[i].op == DK_OP_EPOCH && t->debug)
			g->heads[i].fmt.width = 13;
		g->heads[i].width = g->heads[i].fmt.width;
	}
	return 0;
}

/* Instances as columns: one title, each column named by its instance. */
static int
layout_columns(struct dk_table *t, struct dk_tgroup *g)
{
	const struct dk_view *v = g->view;
	size_t i;

	g->pub.nblocks = 1;
	g->pub.ncols = g->nblocks;
	g->titles = dk_t_alloc(t, sizeof(*g->titles));
	g->heads = dk_t_alloc(t, g->nblocks * sizeof(*g->heads));
	if (g->titles == NULL || g->heads == NULL)
		return -1;
	g->titles[0] = v->title;
	for (i = 0; i < g->nblocks; i++) {
		const char *inst = g->blocks[i].inst;

		g->heads[i].nick =
		    inst == NULL || strcmp(inst, "total") == 0 ? "tot" : inst;
		g->heads[i].fmt = v->cols[0].fmt;
		g->heads[i].width = g->heads[i].fmt.width;
	}
	return 0;
}

/* Every block remembers where each column's kstat was found last. */
static int
alloc_hints(struct dk_table *t, struct dk_tgroup *g)
{
	size_t b;

	for (b = 0; b < g->nblocks; b++) {
		g->blocks[b].hints = dk_t_alloc(t, g->ncols * sizeof(size_t));
		if (g->blocks[b].hints == NULL)
			return -1;
	}
	return 0;
}

static int
plan_columns(struct dk_table *t, struct dk_tgroup *g)
{
	const struct dk_view *v = g->view;
	size_t i;

	g->ncols = v->ncols;
	g->cols = dk_t_alloc(t, v->ncols * sizeof(*g->cols));
	if (g->cols == NULL || parse_expr(t, v->share, &g->share) != 0)
		return -1;
	for (i = 0; i < v->ncols; i++) {
		struct dk_pcol *pc = &g->cols[i];

		pc->col = &v->cols[i];
		pc->kname =
		    v->cols[i].kname != NULL ? v->cols[i].kname : v->kname;
		pc->inst = v->cols[i].inst;
		if (parse_expr(t, v->cols[i].expr, &pc->e) != 0)
			return -1;
	}
	return 0;
}

/*
 * Whether a view has anything to show here: a one-instance view needs one
 * of its columns' kstats; a view over instances needs its module, unless
 * it sums a total (a sum over no swap area is 0).
 */
static int
has_data(const struct dk_tgroup *g, const struct dk_snap *first)
{
	const struct dk_view *v = g->view;
	const struct dk_kstat *ks;
	size_t i;

	if (v->mode == DK_IM_CLOCK)
		return 1;
	if (v->mode != DK_IM_ONE) {
		for (i = 0; i < g->nblocks; i++)
			if (g->blocks[i].inst == NULL)
				return 1;
		ks = dk_snap_kstat(first, dk_t_module_start(first, v->module));
		return ks != NULL && strcmp(ks->module, v->module) == 0;
	}
	for (i = 0; i < g->ncols; i++)
		if (dk_snap_find(first, v->module,
			g->cols[i].inst != NULL ? g->cols[i].inst : v->inst,
			g->cols[i].kname) != NULL)
			return 1;
	return 0;
}

static void __attribute__((format(printf, 3, 4)))
warn_msg(dk_warn_fn warn, void *arg, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	if (warn == NULL)
		return;
	va_start(ap, fmt);
	(void)vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	warn(arg, msg);
}

/*
 * The time view's format is the user's (DSTATK_TIMEFMT), so it cannot be
 * a literal; strftime() has no arguments for it to mismatch.
 */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
size_t
dk_t_strftime(char *buf, size_t cap, const char *fmt, const struct tm *tm)
{
	return strftime(buf, cap, fmt, tm);
}
#pragma GCC diagnostic pop

static int
view_group(struct dk_table *t, const struct dk_view *v,
    const struct dk_table_opts *o, const struct dk_snap *first, dk_warn_fn warn,
    void *warn_arg)
{
	struct dk_tgroup *g = new_group(t);
	const struct dk_provider *p;

	if (g == NULL)
		return -1;
	g->view = v;
	if (dk_t_select(t, g, o, first, warn, warn_arg) != 0 ||
	    plan_columns(t, g) != 0 || alloc_hints(t, g) != 0)
		return -1;
	if (!has_data(g, first) || g->nblocks == 0) {
		p = dk_provider_find(v->module);
		if (g->nblocks == 0)
			warn_msg(warn, warn_arg, "view %s: nothing to show",
			    v->name);
		else
			warn_msg(warn, warn_arg,
			    "view %s: no data on this system (%s)", v->name,
			    p != NULL ? p->sources : "no provider");
		return 0;
	}
	if ((v->mode == DK_IM_COLS ? layout_columns(t, g) :
				     layout_blocks(t, g)) != 0)
		return -1;
	g->pub.view = v->name;
	g->pub.titles = g->titles;
	g->pub.cols = g->heads;
	g->pub.per_instance = v->mode == DK_IM_LIST;
	t->ng++;
	return 0;
}

/* Split "m:i:n:s" (a copy) into four %HH-decoded, non-empty fields. */
static int
split_key(char *s, char *f[4])
{
	int i;

	for (i = 0; i < 4; i++) {
		char *colon = strchr(s, ':');

		if ((colon == NULL) != (i == 3))
			return -1;
		if (colon != NULL)
			*colon = '\0';
		f[i] = s;
		if (dk_unescape(s) == 0)
			return -1;
		if (colon != NULL)
			s = colon + 1;
	}
	return 0;
}

/*
 * A --stat column: a counter as a rate (nanoseconds per second as a
 * percentage of the time, bytes with byte units), anything else as read.
 */
static unsigned
stat_width(const char *nick)
{
	size_t n = strlen(nick);

	return (unsigned)(n < STAT_WIDTH ? STAT_WIDTH :
		n > STAT_WIDTH_MAX	 ? STAT_WIDTH_MAX :
					   n);
}

static void
stat_format(struct dk_col *c, const struct dk_stat *st)
{
	int bytes = strcmp(st->unit, "bytes") == 0;

	c->fmt.width = STAT_WIDTH;
	c->fmt.type = 'd';
	c->fmt.scale = bytes ? 1024 : 1000;
	if (st->type == DK_T_STRING) {
		c->op = DK_OP_TEXT;
		c->fmt.type = 's';
		c->fmt.scale = 0;
		c->fmt.width = (uint8_t)stat_width(c->nick);
	} else if (st->kind == DK_K_COUNTER) {
		c->op = DK_OP_RATE;
		c->fmt.type = bytes ? 'b' : 'd';
		if (strcmp(st->unit, "ns") == 0) {
			c->mult = 1e-7;
			c->fmt.type = 'f';
			c->fmt.width = 4;
			c->fmt.scale = 34;
		}
	} else {
		c->op = DK_OP_GAUGE;
		c->fmt.type = bytes || st->type == DK_T_DOUBLE ? 'f' : 'd';
	}
}

/* A --stat's own view of one column, from the first sample; NULL if none. */
static struct dk_view *
stat_view(struct dk_table *t, const char *key, const struct dk_snap *first,
    struct dk_err *err)
{
	char *copy = dk_t_strdup(t, key), *f[4], title[512];
	struct dk_view *v = dk_t_alloc(t, sizeof(*v));
	struct dk_col *c = dk_t_alloc(t, sizeof(*c));
	const struct dk_kstat *ks;
	const struct dk_stat *st = NULL;

	if (copy == NULL || v == NULL || c == NULL)
		return NULL;
	if (split_key(copy, f) != 0) {
		dk_err_set(err, "--stat %s: not module:instance:name:statistic",
		    key);
		return NULL;
	}
	ks = dk_snap_find(first, f[0], f[1], f[2]);
	if (ks != NULL)
		st = dk_kstat_stat(ks, f[3]);
	if (st == NULL) {
		dk_err_set(err, "--stat %s: no such statistic", key);
		return NULL;
	}
	/* As dstat names its groups ("dsk/sda"); CSV columns get the key. */
	(void)snprintf(title, sizeof(title), "%s%s%s", f[0],
	    strcmp(f[1], "0") == 0 ? "" : "/",
	    strcmp(f[1], "0") == 0 ? "" : f[1]);
	c->nick = f[3];
	c->expr = f[3];
	stat_format(c, st);
	v->name = dk_t_strdup(t, key);
	v->module = ks->module;
	v->kname = f[2];
	v->inst = f[1];
	v->title = dk_t_strdup(t, title);
	v->cols = c;
	v->ncols = 1;
	return v->name != NULL && v->title != NULL ? v : NULL;
}

static int
stat_group(struct dk_table *t, const char *key, const struct dk_snap *first,
    struct dk_err *err)
{
	struct dk_view *v = stat_view(t, key, first, err);
	struct dk_tgroup *g;
	struct dk_term *term;

	if (v == NULL || (g = new_group(t)) == NULL)
		return -1;
	g->view = v;
	g->blocks = dk_t_alloc(t, sizeof(*g->blocks));
	if (g->blocks == NULL || plan_columns(t, g) != 0)
		return -1;
	g->blocks[0].inst = v->inst;
	g->nblocks = 1;
	if (alloc_hints(t, g) != 0 || layout_blocks(t, g) != 0)
		return -1;
	g->heads[0].width = stat_width(v->cols[0].nick);
	/* An exact name: a '+', '-' or '*' in it is no operator. */
	term = &g->cols[0].e.t[0];
	g->cols[0].e.n = 1;
	term->name = v->cols[0].nick;
	term->len = strlen(term->name);
	term->sign = 1;
	term->prefix = 0;
	g->pub.view = v->name;
	g->pub.titles = g->titles;
	g->pub.cols = g->heads;
	g->pub.stat = 1;
	t->ng++;
	return 0;
}

static int
is_key(const char *req)
{
	return strchr(req, ':') != NULL;
}

/* cpu-adv is cpu with two more columns: asking for both gives cpu-adv. */
static const struct dk_view *
resolve_view(const char *const *req, size_t nreq, size_t i)
{
	const struct dk_view *v = dk_view_find(req[i]), *adv;
	size_t j;

	if (v == NULL || strcmp(v->name, "cpu") != 0)
		return v;
	adv = dk_view_find("cpu-adv");
	for (j = 0; j < nreq; j++)
		if (!is_key(req[j]) && dk_view_find(req[j]) == adv)
			return adv;
	return v;
}

static int
seen_before(const char *const *req, size_t nreq, size_t i,
    const struct dk_view *v)
{
	size_t j;

	for (j = 0; j < i; j++)
		if (!is_key(req[j]) && resolve_view(req, nreq, j) == v)
			return 1;
	return 0;
}

static int
add_request(struct dk_table *t, const char *const *req, size_t nreq, size_t i,
    const struct dk_table_opts *o, const struct dk_snap *first, dk_warn_fn warn,
    void *warn_arg, struct dk_err *err)
{
	const struct dk_view *v;
	size_t j;

	if (is_key(req[i])) {
		for (j = 0; j < i; j++)
			if (strcmp(req[j], req[i]) == 0)
				return 0;
		return stat_group(t, req[i], first, err);
	}
	v = resolve_view(req, nreq, i);
	if (v == NULL)
		return dk_err_set(err, "unknown view %s", req[i]);
	if (seen_before(req, nreq, i, v))
		return 0;
	return view_group(t, v, o, first, warn, warn_arg);
}

struct dk_table *
dk_table_new(const char *const *req, size_t nreq, const struct dk_table_opts *o,
    const struct dk_snap *first, dk_warn_fn warn, void *warn_arg,
    struct dk_err *err)
{
	struct dk_table *t = calloc(1, sizeof(*t));
	size_t i, first_value = 0;

	if (t == NULL) {
		dk_err_set(err, "out of memory");
		return NULL;
	}
	t->pagesize = o->pagesize != 0 ? (double)o->pagesize : 4096;
	t->debug = o->debug;
	t->timefmt =
	    dk_t_strdup(t, o->timefmt != NULL ? o->timefmt : "%d-%m %H:%M:%S");
	for (i = 0; i < nreq && !t->oom; i++)
		if (add_request(t, req, nreq, i, o, first, warn, warn_arg,
			err) != 0 &&
		    !t->oom)
			goto fail;
	if (t->oom || t->timefmt == NULL) {
		dk_err_set(err, "out of memory");
		goto fail;
	}
	if (t->ng == 0) {
		dk_err_set(err, "none of the selected views has data here");
		goto fail;
	}
	for (i = 0; i < t->ng; i++) {
		t->g[i].pub.first = first_value;
		first_value += t->g[i].pub.nblocks * t->g[i].pub.ncols;
	}
	t->nvalues = first_value;
	return t;
fail:
	dk_table_free(t);
	return NULL;
}

size_t
dk_table_ngroups(const struct dk_table *t)
{
	return t->ng;
}

const struct dk_group *
dk_table_group(const struct dk_table *t, size_t i)
{
	return i < t->ng ? &t->g[i].pub : NULL;
}

size_t
dk_table_nvalues(const struct dk_table *t)
{
	return t->nvalues;
}

static int
modset_put(struct dk_modset *m, const char *module, struct dk_err *err)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		if (strcmp(m->mod[i], module) == 0)
			return 0;
	if (m->n == DK_MODSET_MAX)
		return dk_err_set(err, "too many modules");
	m->mod[m->n++] = module;
	return 0;
}

/* The module of a key, as the registry spells it (a string that lasts). */
static int
key_module(const char *key, const char **module, struct dk_err *err)
{
	char buf[256];
	size_t n = strcspn(key, ":");
	const struct dk_provider *p;

	if (n >= sizeof(buf))
		return dk_err_set(err, "--stat %s: no such module", key);
	memcpy(buf, key, n);
	buf[n] = '\0';
	(void)dk_unescape(buf);
	p = dk_provider_find(buf);
	if (p == NULL)
		return dk_err_set(err, "--stat %s: no such module %s", key,
		    buf);
	*module = p->module;
	return 0;
}

int
dk_modset_add(struct dk_modset *m, const char *const *req, size_t n,
    struct dk_err *err)
{
	const struct dk_view *v;
	const char *module;
	size_t i;

	if (modset_put(m, "uptime", err) != 0)
		return -1;
	for (i = 0; i < n; i++) {
		if (is_key(req[i])) {
			if (key_module(req[i], &module, err) != 0 ||
			    modset_put(m, module, err) != 0)
				return -1;
			continue;
		}
		v = dk_view_find(req[i]);
		if (v == NULL)
			return dk_err_set(err, "unknown view %s", req[i]);
		if (v->module != NULL && modset_put(m, v->module, err) != 0)
			return -1;
	}
	return 0;
}

void
dk_modset_del(struct dk_modset *m, const char *module)
{
	size_t i;

	for (i = 0; i < m->n; i++) {
		if (strcmp(m->mod[i], module) == 0) {
			m->mod[i] = m->mod[--m->n];
			return;
		}
	}
}

int
dk_modset_want(void *arg, const char *module)
{
	const struct dk_modset *m = arg;
	size_t i;

	for (i = 0; i < m->n; i++)
		if (strcmp(m->mod[i], module) == 0)
			return 1;
	return 0;
}

static int
want_expr(struct dk_want *w, const char *module, const struct dk_expr *e)
{
	size_t i;

	for (i = 0; i < e->n; i++)
		if (dk_want_add(w, module, e->t[i].name, e->t[i].len,
			e->t[i].prefix) != 0)
			return -1;
	return 0;
}

int
dk_table_want(const struct dk_table *t, struct dk_want *w)
{
	static const char disk_info[] = "partition\0devtype";
	size_t i, j;

	for (i = 0; i < t->ng; i++) {
		const struct dk_tgroup *g = &t->g[i];
		const char *mod = g->view->module;

		if (mod == NULL)
			continue;
		for (j = 0; j < g->ncols; j++)
			if (want_expr(w, mod, &g->cols[j].e) != 0)
				return -1;
		if (want_expr(w, mod, &g->share) != 0)
			return -1;
		/* Totals ask each disk's info kstat what it is. */
		if (strcmp(mod, "disk") == 0 &&
		    (dk_want_add(w, mod, disk_info, 9, 0) != 0 ||
			dk_want_add(w, mod, disk_info + 10, 7, 0) != 0))
			return -1;
	}
	return 0;
}
