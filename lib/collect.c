/* collect.c - running providers and stamping crtimes; see collect.h. */
#include "collect.h"

#include "parse.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* What the collector remembers of a kstat between samples. */
struct seen {
	char *key; /* module NUL instance NUL name */
	size_t keylen;
	uint64_t crtime_ns;
	unsigned lastgen;
};

struct want_item {
	const char *module;
	const char *name;
	size_t len;
	int prefix;
};

struct dk_want {
	struct want_item *it;
	size_t n, cap;
};

struct dk_collector {
	const struct dk_want *want;
	struct dk_reader *reader;
	uint64_t user_hz;
	struct seen *seen; /* open-addressing hash table */
	size_t nseen, capseen;
	unsigned gen;
};

const struct dk_provider *
dk_provider_find(const char *module)
{
	size_t i;

	for (i = 0; i < dk_nproviders; i++)
		if (strcmp(dk_providers[i]->module, module) == 0)
			return dk_providers[i];
	return NULL;
}

int
dk_ctx_read(struct dk_ctx *ctx, const char *path, unsigned flags,
    struct dk_text *out)
{
	int rc = dk_reader_read(ctx->reader, path, flags, out, ctx->err);

	if (rc == 0)
		dk_snap_set_time(ctx->snap, out->snaptime_ns);
	return rc;
}

int
dk_ctx_each_line(struct dk_ctx *ctx, const struct dk_text *t, unsigned skip,
    dk_line_fn fn, void *arg)
{
	struct dk_lines it;
	const char *line;
	size_t len;

	dk_lines_init(&it, t->data);
	while (dk_lines_next(&it, &line, &len) == 0) {
		if (it.lineno <= skip || dk_at_eol(line))
			continue;
		if (fn(ctx, arg, line, len, it.lineno) != 0)
			return -1;
	}
	return 0;
}

int
dk_ctx_bad_line(struct dk_ctx *ctx, const char *path, unsigned line,
    const char *what)
{
	return dk_err_set(ctx->err, "%s:%u: %s", path, line, what);
}

int
dk_ctx_skip_source(struct dk_ctx *ctx, size_t mark)
{
	dk_snap_rollback(ctx->snap, mark);
	if (ctx->warn != NULL)
		ctx->warn(ctx->warn_arg, ctx->err->msg);
	dk_err_clear(ctx->err);
	return 0;
}

struct dk_want *
dk_want_new(void)
{
	return calloc(1, sizeof(struct dk_want));
}

void
dk_want_free(struct dk_want *w)
{
	if (w != NULL)
		free(w->it);
	free(w);
}

int
dk_want_add(struct dk_want *w, const char *module, const char *name, size_t len,
    int prefix)
{
	struct want_item *it;
	size_t i, at = w->n;

	/* Items stay grouped by module: a provider looks at its own only. */
	for (i = 0; i < w->n; i++) {
		if (strcmp(w->it[i].module, module) != 0)
			continue;
		if (w->it[i].len == len && w->it[i].prefix == prefix &&
		    memcmp(w->it[i].name, name, len) == 0)
			return 0;
		at = i + 1;
	}
	if (w->n == w->cap) {
		size_t ncap = w->cap != 0 ? w->cap * 2 : 16;

		it = realloc(w->it, ncap * sizeof(*it));
		if (it == NULL)
			return -1;
		w->it = it;
		w->cap = ncap;
	}
	memmove(&w->it[at + 1], &w->it[at], (w->n - at) * sizeof(*w->it));
	w->n++;
	it = &w->it[at];
	it->module = module;
	it->prefix = prefix;
	it->name = name;
	it->len = len;
	return 0;
}

/* The run of items of module: [*lo, *hi); whether there is one. */
static int
want_range(const struct dk_want *w, const char *module, size_t *lo, size_t *hi)
{
	size_t i;

	for (i = 0; w != NULL && i < w->n; i++)
		if (strcmp(w->it[i].module, module) == 0)
			break;
	if (w == NULL || i == w->n)
		return 0;
	*lo = i;
	while (i < w->n && strcmp(w->it[i].module, module) == 0)
		i++;
	*hi = i;
	return 1;
}

int
dk_ctx_wants(const struct dk_ctx *ctx, const char *name, size_t len)
{
	size_t i;

	if (ctx->want == NULL)
		return 1;
	for (i = ctx->want_lo; i < ctx->want_hi; i++) {
		const struct want_item *it = &ctx->want->it[i];

		if (it->len > 0 && it->name[0] != name[0])
			continue;
		if (it->prefix ? len >= it->len : len == it->len)
			if (memcmp(it->name, name, it->len) == 0)
				return 1;
	}
	return 0;
}

void
dk_collector_set_want(struct dk_collector *c, const struct dk_want *w)
{
	c->want = w;
}

int
dk_ctx_each_source(struct dk_ctx *ctx,
    int (*fn)(struct dk_ctx *ctx, const void *item), const void *items,
    size_t n, size_t size)
{
	const char *p = items;
	size_t i, mark;

	for (i = 0; i < n; i++, p += size) {
		mark = dk_snap_mark(ctx->snap);
		if (fn(ctx, p) == 0)
			continue;
		if (dk_snap_failed(ctx->snap))
			return -1;
		dk_ctx_skip_source(ctx, mark);
	}
	return 0;
}

struct dk_collector *
dk_collector_new(const char *root, struct dk_err *err)
{
	struct dk_collector *c = calloc(1, sizeof(*c));
	long hz;

	if (c == NULL) {
		dk_err_set(err, "out of memory");
		return NULL;
	}
	c->reader = dk_reader_new(root, err);
	if (c->reader == NULL) {
		free(c);
		return NULL;
	}
	hz = sysconf(_SC_CLK_TCK);
	c->user_hz = hz > 0 ? (uint64_t)hz : 100;
	return c;
}

void
dk_collector_free(struct dk_collector *c)
{
	size_t i;

	if (c == NULL)
		return;
	for (i = 0; i < c->capseen; i++)
		free(c->seen[i].key);
	free(c->seen);
	dk_reader_free(c->reader);
	free(c);
}

void
dk_collector_fix_time(struct dk_collector *c, uint64_t snaptime_ns)
{
	dk_reader_fix_time(c->reader, snaptime_ns);
}

static uint64_t
fnv1a(const char *p, size_t n)
{
	uint64_t h = 1469598103934665603u;

	while (n-- > 0) {
		h ^= (unsigned char)*p++;
		h *= 1099511628211u;
	}
	return h;
}

static size_t
make_key(const struct dk_kstat *ks, char *buf, size_t cap)
{
	size_t a = strlen(ks->module) + 1, b = strlen(ks->instance) + 1;
	size_t n = strlen(ks->name) + 1;

	if (a + b + n > cap)
		return 0;
	memcpy(buf, ks->module, a);
	memcpy(buf + a, ks->instance, b);
	memcpy(buf + a + b, ks->name, n);
	return a + b + n;
}

static int
rehash(struct dk_collector *c)
{
	size_t ncap = c->capseen != 0 ? c->capseen * 2 : 256, i;
	struct seen *ns = calloc(ncap, sizeof(*ns));

	if (ns == NULL)
		return -1;
	for (i = 0; i < c->capseen; i++) {
		struct seen *o = &c->seen[i];
		size_t j;

		if (o->key == NULL)
			continue;
		j = fnv1a(o->key, o->keylen) & (ncap - 1);
		while (ns[j].key != NULL)
			j = (j + 1) & (ncap - 1);
		ns[j] = *o;
	}
	free(c->seen);
	c->seen = ns;
	c->capseen = ncap;
	return 0;
}

/* Find or insert the entry for key; NULL on memory failure. */
static struct seen *
seen_slot(struct dk_collector *c, const char *key, size_t len)
{
	size_t j;

	if ((c->nseen + 1) * 2 > c->capseen && rehash(c) != 0)
		return NULL;
	j = fnv1a(key, len) & (c->capseen - 1);
	while (c->seen[j].key != NULL) {
		if (c->seen[j].keylen == len &&
		    memcmp(c->seen[j].key, key, len) == 0)
			return &c->seen[j];
		j = (j + 1) & (c->capseen - 1);
	}
	c->seen[j].key = malloc(len);
	if (c->seen[j].key == NULL)
		return NULL;
	memcpy(c->seen[j].key, key, len);
	c->seen[j].keylen = len;
	c->seen[j].lastgen = 0;
	c->nseen++;
	return &c->seen[j];
}

/*
 * crtime: when this process first saw the kstat. One that was missing from
 * the previous sample is new again (a device re-created), so counters are
 * never differenced across its disappearance.
 */
static int
stamp_crtimes(struct dk_collector *c, struct dk_snap *snap)
{
	char key[1024];
	size_t i, n;

	for (i = 0; i < dk_snap_count(snap); i++) {
		struct dk_kstat *ks = dk_snap_kstat(snap, i);
		struct seen *s;

		n = make_key(ks, key, sizeof(key));
		if (n == 0) {
			ks->crtime_ns = ks->snaptime_ns;
			continue;
		}
		s = seen_slot(c, key, n);
		if (s == NULL)
			return -1;
		if (s->lastgen == 0 || s->lastgen + 1 != c->gen)
			s->crtime_ns = ks->snaptime_ns;
		s->lastgen = c->gen;
		ks->crtime_ns = s->crtime_ns;
	}
	return 0;
}

int
dk_collect(struct dk_collector *c, struct dk_snap *snap, dk_module_pred want,
    void *want_arg, dk_warn_fn warn, void *warn_arg, struct dk_err *err)
{
	struct dk_err perr;
	struct dk_ctx ctx = { .reader = c->reader,
		.snap = snap,
		.err = &perr,
		.user_hz = c->user_hz,
		.warn = warn,
		.warn_arg = warn_arg };
	size_t i;

	dk_snap_reset(snap);
	dk_reader_next_gen(c->reader);
	c->gen++;
	for (i = 0; i < dk_nproviders; i++) {
		const struct dk_provider *p = dk_providers[i];
		size_t mark;

		if (want != NULL && !want(want_arg, p->module))
			continue;
		mark = dk_snap_mark(snap);
		dk_err_clear(&perr);
		ctx.module = p->module;
		ctx.want =
		    want_range(c->want, p->module, &ctx.want_lo, &ctx.want_hi) ?
		    c->want :
		    NULL;
		if (p->collect(&ctx) != 0 && !dk_snap_failed(snap)) {
			dk_snap_rollback(snap, mark);
			if (warn != NULL)
				warn(warn_arg,
				    perr.msg[0] != '\0' ? perr.msg :
							  "a source failed");
		}
		if (dk_snap_failed(snap))
			return dk_err_set(err, "out of memory");
	}
	dk_snap_finish(snap);
	if (stamp_crtimes(c, snap) != 0)
		return dk_err_set(err, "out of memory");
	return 0;
}
