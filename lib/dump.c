/* dump.c - -p, -L, human and JSON reports; see dump.h. */
#include "dump.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"

/*
 * One line of a report: a real statistic or one of kstat's
 * pseudo-statistics, merged in name order.
 */
enum pseudo { P_NONE, P_CLASS, P_CRTIME, P_SNAPTIME };

struct entry {
	const char *name;
	const struct dk_stat *st; /* NULL for a pseudo-statistic */
	enum pseudo pseudo;
};

/* Walks the selected entries of one kstat in order. */
struct walk {
	const struct dk_kstat *ks;
	const struct dk_filter *f;
	size_t i; /* next real statistic */
	int p;	  /* next pseudo-statistic: index into pseudos[] */
	int with_class;
};

static const struct {
	const char *name;
	enum pseudo id;
} pseudos[] = { { "class", P_CLASS }, { "crtime", P_CRTIME },
	{ "snaptime", P_SNAPTIME } };

#define NPSEUDO ((int)(sizeof(pseudos) / sizeof(pseudos[0])))

static int
selected(const struct walk *w, const char *name)
{
	return w->f == NULL || dk_filter_stat(w->f, w->ks, name);
}

/* Next entry in name order; 0, or -1 at the end. */
static int
walk_next(struct walk *w, struct entry *e)
{
	for (;;) {
		const char *real =
		    w->i < w->ks->nstats ? w->ks->stats[w->i].name : NULL;
		int p = w->p;

		while (
		    p < NPSEUDO && pseudos[p].id == P_CLASS && !w->with_class)
			p++;
		w->p = p;
		if (real == NULL && p >= NPSEUDO)
			return -1;
		if (p < NPSEUDO &&
		    (real == NULL ||
			dk_stat_name_cmp(pseudos[p].name, real) < 0)) {
			e->name = pseudos[p].name;
			e->st = NULL;
			e->pseudo = pseudos[w->p++].id;
		} else {
			e->name = real;
			e->st = &w->ks->stats[w->i++];
			e->pseudo = P_NONE;
		}
		if (selected(w, e->name))
			return 0;
	}
}

void
dk_dump_hrtime(struct dk_sb *sb, uint64_t ns)
{
	char frac[10];

	if (ns == 0) {
		dk_sb_putc(sb, '0');
		return;
	}
	dk_sb_u64(sb, ns / 1000000000u);
	(void)snprintf(frac, sizeof(frac), "%09u",
	    (unsigned)(ns % 1000000000u));
	dk_sb_putc(sb, '.');
	dk_sb_add(sb, frac, 9);
}

void
dk_dump_double(struct dk_sb *sb, double d)
{
	char buf[40], *e;
	int prec;
	long x;

	for (prec = 1; prec <= 17; prec++) {
		(void)snprintf(buf, sizeof(buf), "%.*g", prec, d);
		if (strtod(buf, NULL) == d)
			break;
	}
	/* %g writes 100 as "1e+02": below 1e17, write the digits out. */
	e = strchr(buf, 'e');
	if (e != NULL && (x = strtol(e + 1, NULL, 10)) >= 0 && x < 17)
		(void)snprintf(buf, sizeof(buf), "%.*g",
		    (int)x + 1 > prec ? (int)x + 1 : prec, d);
	dk_sb_puts(sb, buf);
}

/* A number (no string): as -p, human and JSON write it. */
static void
put_number(struct dk_sb *sb, const struct dk_stat *st)
{
	switch (st->type) {
	case DK_T_INT32:
	case DK_T_INT64:
		dk_sb_i64(sb, st->v.i);
		break;
	case DK_T_DOUBLE:
		dk_dump_double(sb, st->v.d);
		break;
	case DK_T_HRTIME:
		dk_dump_hrtime(sb, st->v.u);
		break;
	default:
		dk_sb_u64(sb, st->v.u);
		break;
	}
}

void
dk_dump_value(struct dk_sb *sb, const struct dk_stat *st)
{
	if (st->type == DK_T_STRING)
		dk_esc_value(sb, st->v.s != NULL ? st->v.s : "");
	else
		put_number(sb, st);
}

static void
put_key(struct dk_sb *sb, const struct dk_kstat *ks, const char *stat)
{
	dk_esc_key(sb, ks->module);
	dk_sb_putc(sb, ':');
	dk_esc_key(sb, ks->instance);
	dk_sb_putc(sb, ':');
	dk_esc_key(sb, ks->name);
	dk_sb_putc(sb, ':');
	dk_esc_key(sb, stat);
}

/* The -p value of an entry (pseudo-statistics included). */
static void
put_entry_value(struct dk_sb *sb, const struct dk_kstat *ks,
    const struct entry *e, int visible)
{
	if (e->pseudo == P_CLASS)
		dk_esc_value(sb, ks->class);
	else if (e->pseudo == P_CRTIME)
		dk_dump_hrtime(sb, ks->crtime_ns);
	else if (e->pseudo == P_SNAPTIME)
		dk_dump_hrtime(sb, ks->snaptime_ns);
	else if (visible && e->st->type == DK_T_STRING)
		dk_esc_visible(sb, e->st->v.s != NULL ? e->st->v.s : "");
	else
		dk_dump_value(sb, e->st);
}

static size_t
dump_lines(struct dk_sb *sb, struct dk_snap *s, const struct dk_filter *f,
    int values)
{
	size_t i, n = 0;

	dk_snap_sort_stats(s);
	for (i = 0; i < dk_snap_count(s); i++) {
		const struct dk_kstat *ks = dk_snap_kstat(s, i);
		struct walk w = { ks, f, 0, 0, 1 };
		struct entry e;

		if (f != NULL && !dk_filter_kstat(f, ks))
			continue;
		while (walk_next(&w, &e) == 0) {
			put_key(sb, ks, e.name);
			if (values) {
				dk_sb_putc(sb, '\t');
				put_entry_value(sb, ks, &e, 0);
			}
			dk_sb_putc(sb, '\n');
			n++;
		}
	}
	return n;
}

size_t
dk_dump_count(struct dk_snap *s, const struct dk_filter *f)
{
	size_t i, n = 0;

	/* A count needs no order: the walk yields every entry once anyway. */
	for (i = 0; i < dk_snap_count(s); i++) {
		const struct dk_kstat *ks = dk_snap_kstat(s, i);
		struct walk w = { ks, f, 0, 0, 1 };
		struct entry e;

		if (f != NULL && !dk_filter_kstat(f, ks))
			continue;
		while (walk_next(&w, &e) == 0)
			n++;
	}
	return n;
}

size_t
dk_dump_parseable(struct dk_sb *sb, struct dk_snap *s,
    const struct dk_filter *f)
{
	return dump_lines(sb, s, f, 1);
}

size_t
dk_dump_keys(struct dk_sb *sb, struct dk_snap *s, const struct dk_filter *f)
{
	return dump_lines(sb, s, f, 0);
}

/* Append s shown visibly, padded with spaces to width (never cut). */
static void
put_padded(struct dk_sb *sb, const char *s, size_t width)
{
	size_t start = sb->len;

	dk_esc_visible(sb, s);
	if (sb->len - start < width)
		dk_sb_pad(sb, ' ', width - (sb->len - start));
}

static void
human_header(struct dk_sb *sb, const struct dk_kstat *ks)
{
	dk_sb_puts(sb, "module: ");
	put_padded(sb, ks->module, 30);
	dk_sb_puts(sb, "  instance: ");
	put_padded(sb, ks->instance, 6);
	dk_sb_puts(sb, "\nname:   ");
	put_padded(sb, ks->name, 30);
	dk_sb_puts(sb, "  class:    ");
	dk_esc_visible(sb, ks->class);
	dk_sb_putc(sb, '\n');
}

size_t
dk_dump_human(struct dk_sb *sb, struct dk_snap *s, const struct dk_filter *f)
{
	size_t i, n = 0;

	dk_snap_sort_stats(s);
	for (i = 0; i < dk_snap_count(s); i++) {
		const struct dk_kstat *ks = dk_snap_kstat(s, i);
		struct walk w = { ks, f, 0, 0, 0 };
		struct entry e;
		size_t before = n;

		if (f != NULL && !dk_filter_kstat(f, ks))
			continue;
		while (walk_next(&w, &e) == 0) {
			if (n == before)
				human_header(sb, ks);
			dk_sb_putc(sb, '\t');
			put_padded(sb, e.name, 30);
			dk_sb_puts(sb, "  ");
			put_entry_value(sb, ks, &e, 1);
			dk_sb_putc(sb, '\n');
			n++;
		}
		if (n != before)
			dk_sb_putc(sb, '\n');
	}
	return n;
}

/*
 * JSON. jansson's integers are signed 64-bit, and its reals print with
 * 17 significant digits, so numbers it cannot write exactly (uint64 above
 * INT64_MAX, doubles, hrtimes) go in as placeholder strings that start
 * with a NUL byte: jansson writes them as "\u0000N<digits>", a sequence no
 * real string can produce (names and values are C strings, which hold no
 * NUL), and the finished text has each placeholder replaced by its digits.
 */
#define RAW_MARK "\"\\u0000N"

static json_t *
raw_number(const char *text, size_t len)
{
	char buf[64];

	if (len > sizeof(buf) - 2)
		len = sizeof(buf) - 2;
	buf[0] = '\0';
	buf[1] = 'N';
	memcpy(buf + 2, text, len);
	return json_stringn_nocheck(buf, len + 2);
}

static json_t *
json_u64(uint64_t v)
{
	struct dk_sb sb;
	json_t *j;

	if (v <= (uint64_t)INT64_MAX)
		return json_integer((json_int_t)v);
	dk_sb_init(&sb);
	dk_sb_u64(&sb, v);
	j = dk_sb_failed(&sb) ? NULL : raw_number(sb.buf, sb.len);
	dk_sb_release(&sb);
	return j;
}

static json_t *
json_number(const struct dk_stat *st)
{
	struct dk_sb sb;
	json_t *j;

	if (st->type == DK_T_UINT64 || st->type == DK_T_UINT32)
		return json_u64(st->v.u);
	if (st->type == DK_T_INT32 || st->type == DK_T_INT64)
		return json_integer((json_int_t)st->v.i);
	/* JSON has no NaN or infinity. */
	if (st->type == DK_T_DOUBLE && !isfinite(st->v.d))
		return json_null();
	dk_sb_init(&sb);
	put_number(&sb, st);
	j = dk_sb_failed(&sb) ? NULL : raw_number(sb.buf, sb.len);
	dk_sb_release(&sb);
	return j;
}

static json_t *
json_hrtime(uint64_t ns)
{
	struct dk_sb sb;
	json_t *j;

	dk_sb_init(&sb);
	dk_dump_hrtime(&sb, ns);
	j = dk_sb_failed(&sb) ? NULL : raw_number(sb.buf, sb.len);
	dk_sb_release(&sb);
	return j;
}

/* Length of the valid UTF-8 sequence at p, or 0. */
static size_t
utf8_len(const unsigned char *p)
{
	unsigned c = p[0];

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		return (p[1] & 0xc0) == 0x80 ? 2 : 0;
	if (c >= 0xe0 && c <= 0xef) {
		unsigned lo = c == 0xe0 ? 0xa0 : 0x80;
		unsigned hi = c == 0xed ? 0x9f : 0xbf;

		return p[1] >= lo && p[1] <= hi && (p[2] & 0xc0) == 0x80 ? 3 :
									   0;
	}
	if (c >= 0xf0 && c <= 0xf4) {
		unsigned lo = c == 0xf0 ? 0x90 : 0x80;
		unsigned hi = c == 0xf4 ? 0x8f : 0xbf;

		return p[1] >= lo && p[1] <= hi && (p[2] & 0xc0) == 0x80 &&
			(p[3] & 0xc0) == 0x80 ?
		    4 :
		    0;
	}
	return 0;
}

/*
 * Any bytes as UTF-8: valid UTF-8 passes through; every byte of an invalid
 * sequence becomes U+0080..U+00FF (what "\u00XX" means), as illumos kstat
 * writes such bytes. Returns s itself when it is valid, else the text
 * built in sb; NULL when out of memory.
 */
static const char *
utf8_text(struct dk_sb *sb, const char *s, size_t *len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n;

	for (; *p != '\0'; p += n)
		if ((n = utf8_len(p)) == 0)
			break;
	if (*p == '\0') {
		*len = (size_t)(p - (const unsigned char *)s);
		return s;
	}
	for (p = (const unsigned char *)s; *p != '\0'; p += n) {
		n = utf8_len(p);
		if (n != 0) {
			dk_sb_add(sb, p, n);
			continue;
		}
		dk_sb_putc(sb, (char)(0xc0 | (*p >> 6)));
		dk_sb_putc(sb, (char)(0x80 | (*p & 0x3f)));
		n = 1;
	}
	*len = sb->len;
	return dk_sb_failed(sb) ? NULL : sb->buf;
}

/* A JSON string of any bytes (see utf8_text). */
static json_t *
json_bytes(const char *s)
{
	struct dk_sb sb;
	const char *t;
	size_t len;
	json_t *j;

	dk_sb_init(&sb);
	t = utf8_text(&sb, s, &len);
	j = t != NULL ? json_stringn_nocheck(t, len) : NULL;
	dk_sb_release(&sb);
	return j;
}

static json_t *
json_value(const struct dk_kstat *ks, const struct entry *e)
{
	if (e->pseudo == P_CRTIME)
		return json_hrtime(ks->crtime_ns);
	if (e->pseudo == P_SNAPTIME)
		return json_hrtime(ks->snaptime_ns);
	if (e->st->type == DK_T_STRING)
		return json_bytes(e->st->v.s != NULL ? e->st->v.s : "");
	return json_number(e->st);
}

static json_t *
json_meta(const struct entry *e)
{
	const struct dk_stat *st = e->st;
	json_t *m;

	if (st == NULL)
		return json_pack("{s:s, s:s, s:s, s:s}", "type", "hrtime",
		    "kind", "timestamp", "clock", "boottime", "unit", "s");
	m = json_pack("{s:s, s:s}", "type", dk_type_name(st->type), "kind",
	    dk_kind_name(st->kind));
	if (m == NULL)
		return NULL;
	if (st->kind == DK_K_COUNTER)
		json_object_set_new(m, "width", json_integer(st->width));
	if (st->kind == DK_K_TIMESTAMP)
		json_object_set_new(m, "clock", json_string("realtime"));
	if (st->scale > 1)
		json_object_set_new(m, "scale", json_integer(st->scale));
	if (st->unit[0] != '\0')
		json_object_set_new(m, "unit", json_bytes(st->unit));
	return m;
}

/* The kstat's object, or NULL when none of its statistics is selected. */
static json_t *
json_kstat(const struct dk_kstat *ks, const struct dk_filter *f, size_t *n)
{
	struct walk w = { ks, f, 0, 0, 0 };
	struct entry e;
	json_t *o, *data = NULL, *meta = NULL;
	struct dk_sb kb;
	const char *key;
	size_t len;

	/* jansson refuses keys that are not UTF-8: map them as values. */
	dk_sb_init(&kb);
	while (walk_next(&w, &e) == 0) {
		if (data == NULL) {
			data = json_object();
			meta = json_object();
		}
		dk_sb_reset(&kb);
		key = utf8_text(&kb, e.name, &len);
		if (key != NULL) {
			json_object_set_new(data, key, json_value(ks, &e));
			json_object_set_new(meta, key, json_meta(&e));
		}
		(*n)++;
	}
	dk_sb_release(&kb);
	if (data == NULL)
		return NULL;
	o = json_object();
	json_object_set_new(o, "module", json_bytes(ks->module));
	json_object_set_new(o, "instance", json_bytes(ks->instance));
	json_object_set_new(o, "name", json_bytes(ks->name));
	json_object_set_new(o, "class", json_bytes(ks->class));
	json_object_set_new(o, "type", json_integer(1)); /* KSTAT_TYPE_NAMED */
	json_object_set_new(o, "snaptime", json_hrtime(ks->snaptime_ns));
	json_object_set_new(o, "data", data);
	json_object_set_new(o, "snaptime_ns", json_u64(ks->snaptime_ns));
	json_object_set_new(o, "crtime_ns", json_u64(ks->crtime_ns));
	json_object_set_new(o, "source", json_bytes(ks->source));
	json_object_set_new(o, "meta", meta);
	return o;
}

/* Replace every placeholder from offset start on by its raw text. */
static void
unmark(struct dk_sb *sb, size_t start)
{
	const size_t mlen = sizeof(RAW_MARK) - 1;
	char *r = sb->buf + start, *w = r, *end = sb->buf + sb->len, *q;

	while (r < end) {
		if (*r == '"' && (size_t)(end - r) > mlen &&
		    memcmp(r, RAW_MARK, mlen) == 0 &&
		    (q = memchr(r + mlen, '"', (size_t)(end - r) - mlen)) !=
			NULL) {
			memmove(w, r + mlen, (size_t)(q - r) - mlen);
			w += q - r - mlen;
			r = q + 1;
		} else {
			*w++ = *r++;
		}
	}
	dk_sb_truncate(sb, (size_t)(w - sb->buf));
}

static int
append_json(struct dk_sb *sb, json_t *o)
{
	size_t start = sb->len, need = json_dumpb(o, NULL, 0, JSON_COMPACT);

	if (need == 0 || dk_sb_grow(sb, need) != 0)
		return -1;
	(void)json_dumpb(o, sb->buf + sb->len, need, JSON_COMPACT);
	sb->len += need;
	sb->buf[sb->len] = '\0';
	unmark(sb, start);
	return 0;
}

/* One kstat object per line, so grep and head stay useful. */
size_t
dk_dump_json(struct dk_sb *sb, struct dk_snap *s, const struct dk_filter *f)
{
	size_t i, n = 0, objs = 0;

	dk_snap_sort_stats(s);
	dk_sb_putc(sb, '[');
	for (i = 0; i < dk_snap_count(s); i++) {
		const struct dk_kstat *ks = dk_snap_kstat(s, i);
		json_t *o;

		if (f != NULL && !dk_filter_kstat(f, ks))
			continue;
		o = json_kstat(ks, f, &n);
		if (o == NULL)
			continue;
		dk_sb_puts(sb, objs++ == 0 ? "\n" : ",\n");
		if (append_json(sb, o) != 0)
			sb->oom = 1;
		json_decref(o);
	}
	dk_sb_puts(sb, objs != 0 ? "\n]\n" : "]\n");
	return n;
}
