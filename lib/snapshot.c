/* snapshot.c - kstat storage, building and sorting; see snapshot.h. */
#include "snapshot.h"

#include <stdlib.h>
#include <string.h>

#define CHUNK_MIN 65536

/* Bump allocator in chunks; reset rewinds and keeps every chunk. */
struct chunk {
	struct chunk *next;
	size_t cap;
	size_t used;
	char data[];
};

struct dk_snap {
	struct chunk *chunks; /* first chunk */
	struct chunk *cur;    /* chunk being filled */
	struct dk_kstat *ks;
	size_t nks, capks;
	struct dk_stat *st;
	size_t nst, capst;
	int open; /* a kstat is open */
	int oom;
	uint64_t now;
};

struct dk_snap *
dk_snap_new(void)
{
	return calloc(1, sizeof(struct dk_snap));
}

void
dk_snap_free(struct dk_snap *s)
{
	struct chunk *c, *next;

	if (s == NULL)
		return;
	for (c = s->chunks; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	free(s->ks);
	free(s->st);
	free(s);
}

void
dk_snap_reset(struct dk_snap *s)
{
	struct chunk *c;

	for (c = s->chunks; c != NULL; c = c->next)
		c->used = 0;
	s->cur = s->chunks;
	s->nks = 0;
	s->nst = 0;
	s->open = 0;
	s->oom = 0;
	s->now = 0;
}

int
dk_snap_failed(const struct dk_snap *s)
{
	return s->oom;
}

void
dk_snap_set_time(struct dk_snap *s, uint64_t snaptime_ns)
{
	s->now = snaptime_ns;
}

static void *
arena_alloc(struct dk_snap *s, size_t n)
{
	struct chunk *c = s->cur;
	size_t cap;

	n = (n + 7) & ~(size_t)7;
	while (c != NULL && c->cap - c->used < n)
		c = c->next;
	if (c == NULL) {
		cap = n > CHUNK_MIN ? n : CHUNK_MIN;
		c = malloc(sizeof(*c) + cap);
		if (c == NULL) {
			s->oom = 1;
			return NULL;
		}
		c->cap = cap;
		c->used = 0;
		/* Append after the current chunk so reset order is stable. */
		if (s->cur == NULL) {
			c->next = s->chunks;
			s->chunks = c;
		} else {
			c->next = s->cur->next;
			s->cur->next = c;
		}
	}
	s->cur = c;
	c->used += n;
	return c->data + c->used - n;
}

const char *
dk_snap_strdup(struct dk_snap *s, const char *p, size_t len)
{
	char *d = arena_alloc(s, len + 1);

	if (d == NULL)
		return NULL;
	memcpy(d, p, len);
	d[len] = '\0';
	return d;
}

static int
grow(void **arr, size_t *cap, size_t n, size_t size)
{
	size_t ncap;
	void *p;

	if (n < *cap)
		return 0;
	ncap = *cap != 0 ? *cap * 2 : 64;
	p = realloc(*arr, ncap * size);
	if (p == NULL)
		return -1;
	*arr = p;
	*cap = ncap;
	return 0;
}

static void
close_open(struct dk_snap *s)
{
	if (s->open) {
		struct dk_kstat *k = &s->ks[s->nks - 1];

		k->nstats = s->nst - k->first;
		s->open = 0;
	}
}

int
dk_snap_begin(struct dk_snap *s, const char *module, const char *instance,
    size_t instlen, const char *name, const char *class, const char *source)
{
	struct dk_kstat *k;
	const char *inst;

	if (s->oom)
		return -1;
	close_open(s);
	inst = dk_snap_strdup(s, instance, instlen);
	if (inst == NULL ||
	    grow((void **)&s->ks, &s->capks, s->nks, sizeof(*s->ks)) != 0) {
		s->oom = 1;
		return -1;
	}
	k = &s->ks[s->nks++];
	memset(k, 0, sizeof(*k));
	k->module = module;
	k->instance = inst;
	k->name = name;
	k->class = class;
	k->source = source;
	k->snaptime_ns = s->now;
	k->first = s->nst;
	s->open = 1;
	return 0;
}

int
dk_snap_begins(struct dk_snap *s, const char *module, const char *instance,
    const char *name, const char *class, const char *source)
{
	return dk_snap_begin(s, module, instance, strlen(instance), name, class,
	    source);
}

int
dk_snap_add(struct dk_snap *s, const char *name, size_t namelen,
    enum dk_type type, enum dk_kind kind, unsigned width, const char *unit,
    union dk_value v)
{
	struct dk_stat *st;
	const char *n;

	if (s->oom || !s->open)
		return -1;
	n = dk_snap_strdup(s, name, namelen);
	if (n == NULL ||
	    grow((void **)&s->st, &s->capst, s->nst, sizeof(*s->st)) != 0) {
		s->oom = 1;
		return -1;
	}
	st = &s->st[s->nst++];
	st->name = n;
	st->unit = unit;
	st->v = v;
	st->type = (uint8_t)type;
	st->kind = (uint8_t)kind;
	/* A counter always has a width: 64 unless the kernel's is smaller. */
	if (kind == DK_K_COUNTER && (width == 0 || width > 64))
		width = 64;
	st->width = (uint8_t)(kind == DK_K_COUNTER ? width : 0);
	st->scale = 1;
	return 0;
}

int
dk_snap_counter(struct dk_snap *s, const char *name, uint64_t v, unsigned width,
    const char *unit)
{
	union dk_value u = { .u = v };

	return dk_snap_add(s, name, strlen(name), DK_T_UINT64, DK_K_COUNTER,
	    width, unit, u);
}

int
dk_snap_counter_scaled(struct dk_snap *s, const char *name, uint64_t v,
    unsigned width, uint32_t scale, const char *unit)
{
	if (dk_snap_counter(s, name, v, width, unit) != 0)
		return -1;
	s->st[s->nst - 1].scale = scale;
	return 0;
}

int
dk_snap_gauge(struct dk_snap *s, const char *name, uint64_t v, const char *unit)
{
	union dk_value u = { .u = v };

	return dk_snap_add(s, name, strlen(name), DK_T_UINT64, DK_K_GAUGE, 0,
	    unit, u);
}

int
dk_snap_gauge_i64(struct dk_snap *s, const char *name, int64_t v,
    const char *unit)
{
	union dk_value u = { .i = v };

	return dk_snap_add(s, name, strlen(name), DK_T_INT64, DK_K_GAUGE, 0,
	    unit, u);
}

int
dk_snap_double(struct dk_snap *s, const char *name, double v, const char *unit)
{
	union dk_value u = { .d = v };

	return dk_snap_add(s, name, strlen(name), DK_T_DOUBLE, DK_K_GAUGE, 0,
	    unit, u);
}

int
dk_snap_info_u64(struct dk_snap *s, const char *name, uint64_t v)
{
	union dk_value u = { .u = v };

	return dk_snap_add(s, name, strlen(name), DK_T_UINT64, DK_K_INFO, 0,
	    "1", u);
}

int
dk_snap_string(struct dk_snap *s, const char *name, const char *val, size_t len)
{
	union dk_value u;

	if (s->oom)
		return -1;
	u.s = dk_snap_strdup(s, val, len);
	if (u.s == NULL)
		return -1;
	return dk_snap_add(s, name, strlen(name), DK_T_STRING, DK_K_INFO, 0, "",
	    u);
}

size_t
dk_snap_mark(const struct dk_snap *s)
{
	return s->nks;
}

void
dk_snap_rollback(struct dk_snap *s, size_t mark)
{
	if (mark >= s->nks)
		return;
	s->nst = s->ks[mark].first;
	s->nks = mark;
	s->open = 0;
}

static int
kstat_qcmp(const void *a, const void *b)
{
	return dk_kstat_cmp(a, b);
}

static int
stat_qcmp(const void *a, const void *b)
{
	const struct dk_stat *x = a, *y = b;

	return dk_stat_name_cmp(x->name, y->name);
}

/*
 * Providers run in module order and most emit in instance order, so a
 * table's few dozen kstats arrive nearly sorted: insertion sort does it in
 * one pass, without qsort's allocation and calls through a pointer.
 */
#define SMALL_SORT 64

static void
insertion_sort(struct dk_kstat *ks, size_t n)
{
	size_t i, j;

	for (i = 1; i < n; i++) {
		struct dk_kstat k;

		if (dk_kstat_cmp(&ks[i - 1], &ks[i]) <= 0)
			continue;
		k = ks[i];
		for (j = i; j > 0 && dk_kstat_cmp(&ks[j - 1], &k) > 0; j--)
			;
		memmove(&ks[j + 1], &ks[j], (i - j) * sizeof(*ks));
		ks[j] = k;
	}
}

void
dk_snap_finish(struct dk_snap *s)
{
	size_t i;

	close_open(s);
	/* No pointer arithmetic or qsort on NULL arrays: undefined. */
	for (i = 0; i < s->nks; i++) {
		struct dk_kstat *k = &s->ks[i];

		k->stats = k->nstats != 0 ? s->st + k->first : NULL;
		k->sorted = k->nstats < 2;
	}
	if (s->nks > SMALL_SORT)
		qsort(s->ks, s->nks, sizeof(*s->ks), kstat_qcmp);
	else
		insertion_sort(s->ks, s->nks);
}

void
dk_snap_sort_stats(struct dk_snap *s)
{
	size_t i;

	for (i = 0; i < s->nks; i++) {
		struct dk_kstat *k = &s->ks[i];

		if (!k->sorted)
			qsort(k->stats, k->nstats, sizeof(*k->stats),
			    stat_qcmp);
		k->sorted = 1;
	}
}

size_t
dk_snap_count(const struct dk_snap *s)
{
	return s->nks;
}

struct dk_kstat *
dk_snap_kstat(const struct dk_snap *s, size_t i)
{
	return i < s->nks ? &s->ks[i] : NULL;
}

const struct dk_kstat *
dk_snap_find(const struct dk_snap *s, const char *module, const char *instance,
    const char *name)
{
	struct dk_kstat key = { .module = module,
		.instance = instance,
		.name = name };
	size_t lo = 0, hi = s->nks;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = dk_kstat_cmp(&key, &s->ks[mid]);

		if (c == 0)
			return &s->ks[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}
