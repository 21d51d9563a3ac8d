/* record.c - ordering and naming of records; see record.h. */
#include "record.h"

#include <string.h>

const char *
dk_type_name(enum dk_type t)
{
	static const char *const names[] = {
		[DK_T_INT32] = "int32",
		[DK_T_UINT32] = "uint32",
		[DK_T_INT64] = "int64",
		[DK_T_UINT64] = "uint64",
		[DK_T_DOUBLE] = "double",
		[DK_T_STRING] = "string",
		[DK_T_HRTIME] = "hrtime",
	};

	return (unsigned)t < sizeof(names) / sizeof(names[0]) ? names[t] : "?";
}

const char *
dk_kind_name(enum dk_kind k)
{
	static const char *const names[] = {
		[DK_K_COUNTER] = "counter",
		[DK_K_GAUGE] = "gauge",
		[DK_K_TIMESTAMP] = "timestamp",
		[DK_K_INFO] = "info",
	};

	return (unsigned)k < sizeof(names) / sizeof(names[0]) ? names[k] : "?";
}

int
dk_is_numeric(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s != '\0'; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

int
dk_instance_cmp(const char *a, const char *b)
{
	int na = dk_is_numeric(a), nb = dk_is_numeric(b);
	const char *va = a, *vb = b;
	size_t la, lb;
	int c;

	if (na && nb) {
		/* Compare by value without converting: skip leading zeros. */
		while (va[0] == '0' && va[1] != '\0')
			va++;
		while (vb[0] == '0' && vb[1] != '\0')
			vb++;
		la = strlen(va);
		lb = strlen(vb);
		if (la != lb)
			return la < lb ? -1 : 1;
		c = strcmp(va, vb);
		/* "7" and "007" are different instances: byte order. */
		return c != 0 ? c : strcmp(a, b);
	}
	if (na != nb)
		return na ? -1 : 1;
	return strcmp(a, b);
}

static int
fold(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* ASCII case folding, as strcasecmp in the C locale, but cheaper. */
int
dk_stat_name_cmp(const char *a, const char *b)
{
	const unsigned char *x = (const unsigned char *)a;
	const unsigned char *y = (const unsigned char *)b;

	while (*x != '\0' && fold(*x) == fold(*y)) {
		x++;
		y++;
	}
	if (fold(*x) != fold(*y))
		return fold(*x) - fold(*y);
	return strcmp(a, b);
}

int
dk_kstat_cmp(const struct dk_kstat *a, const struct dk_kstat *b)
{
	int c = strcmp(a->module, b->module);

	if (c == 0)
		c = dk_instance_cmp(a->instance, b->instance);
	if (c == 0)
		c = strcmp(a->name, b->name);
	return c;
}

const struct dk_stat *
dk_kstat_stat_hint(const struct dk_kstat *ks, const char *name, size_t *hint)
{
	size_t i;

	if (*hint < ks->nstats && strcmp(ks->stats[*hint].name, name) == 0)
		return &ks->stats[*hint];
	for (i = 0; i < ks->nstats; i++) {
		if (strcmp(ks->stats[i].name, name) == 0) {
			*hint = i;
			return &ks->stats[i];
		}
	}
	return NULL;
}

const struct dk_stat *
dk_kstat_stat(const struct dk_kstat *ks, const char *name)
{
	size_t lo = 0, hi = ks->nstats;

	if (!ks->sorted) {
		size_t hint = 0;

		return dk_kstat_stat_hint(ks, name, &hint);
	}

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = dk_stat_name_cmp(name, ks->stats[mid].name);

		if (c == 0)
			return &ks->stats[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

uint64_t
dk_stat_u64(const struct dk_stat *st)
{
	switch (st->type) {
	case DK_T_INT32:
	case DK_T_INT64:
		return st->v.i < 0 ? 0 : (uint64_t)st->v.i;
	case DK_T_UINT32:
	case DK_T_UINT64:
	case DK_T_HRTIME:
		return st->v.u;
	case DK_T_DOUBLE:
		return st->v.d < 0 ? 0 : (uint64_t)st->v.d;
	default:
		return 0;
	}
}

double
dk_stat_double(const struct dk_stat *st)
{
	switch (st->type) {
	case DK_T_INT32:
	case DK_T_INT64:
		return (double)st->v.i;
	case DK_T_UINT32:
	case DK_T_UINT64:
	case DK_T_HRTIME:
		return (double)st->v.u;
	case DK_T_DOUBLE:
		return st->v.d;
	default:
		return 0;
	}
}

int
dk_stat_name_reserved(const char *name, size_t len)
{
	static const char *const reserved[] = { "class", "crtime", "snaptime" };
	size_t i;

	/* Every name goes through here: most start with another letter. */
	if (len == 0 || (name[0] != 'c' && name[0] != 's'))
		return 0;
	for (i = 0; i < sizeof(reserved) / sizeof(reserved[0]); i++)
		if (strlen(reserved[i]) == len &&
		    memcmp(reserved[i], name, len) == 0)
			return 1;
	return 0;
}

int
dk_counter_delta(const struct dk_stat *old, const struct dk_stat *cur,
    uint64_t *delta)
{
	uint64_t scale = cur->scale != 0 ? cur->scale : 1;
	uint64_t a = dk_stat_u64(old) / scale, b = dk_stat_u64(cur) / scale;
	uint64_t mask, d;

	if (b >= a) {
		*delta = (b - a) * scale;
		return 0;
	}
	if (cur->width == 0 || cur->width >= 64)
		return -1; /* a 64-bit counter never wraps in practice */
	mask = ((uint64_t)1 << cur->width) - 1;
	if (a > mask || b > mask)
		return -1;
	d = (b - a) & mask;
	/* A wrap moves a little; a restart lands far below. */
	if (d > mask / 2)
		return -1;
	*delta = d * scale;
	return 0;
}
