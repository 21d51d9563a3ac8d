/* filter.c - glob and PCRE2 selectors; see filter.h. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "filter.h"

#include <fnmatch.h>
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"

struct pattern {
	char *text; /* NULL: matches anything */
	pcre2_code *re;
	pcre2_match_data *md;
};

/* Fields 0..3 are module instance name statistic; 4 is class. */
struct selector {
	struct pattern field[5];
};

struct dk_filter {
	struct selector *ops; /* operands, ORed */
	size_t nops;
	struct selector opt; /* options, ANDed with the operands */
};

static void
pattern_release(struct pattern *p)
{
	free(p->text);
	pcre2_match_data_free(p->md);
	pcre2_code_free(p->re);
	memset(p, 0, sizeof(*p));
}

struct dk_filter *
dk_filter_new(void)
{
	return calloc(1, sizeof(struct dk_filter));
}

void
dk_filter_free(struct dk_filter *f)
{
	size_t i, j;

	if (f == NULL)
		return;
	for (i = 0; i < f->nops; i++)
		for (j = 0; j < 5; j++)
			pattern_release(&f->ops[i].field[j]);
	for (j = 0; j < 5; j++)
		pattern_release(&f->opt.field[j]);
	free(f->ops);
	free(f);
}

static int
is_regex(const char *s, size_t len)
{
	return len >= 2 && s[0] == '/' && s[len - 1] == '/';
}

static int
compile_regex(struct pattern *p, const char *what, struct dk_err *err)
{
	size_t len = strlen(p->text);
	int code;
	PCRE2_SIZE off;
	PCRE2_UCHAR msg[256];

	p->re = pcre2_compile((PCRE2_SPTR)p->text + 1, len - 2, 0, &code, &off,
	    NULL);
	if (p->re == NULL) {
		(void)pcre2_get_error_message(code, msg, sizeof(msg));
		return dk_err_set(err,
		    "bad regular expression %s in %s: %s at offset %zu",
		    p->text, what, (const char *)msg, (size_t)off);
	}
	(void)pcre2_jit_compile(p->re, PCRE2_JIT_COMPLETE);
	p->md = pcre2_match_data_create_from_pattern(p->re, NULL);
	if (p->md == NULL)
		return dk_err_set(err, "out of memory");
	return 0;
}

/* Set a pattern from raw (not yet decoded) text of len bytes. */
static int
pattern_set(struct pattern *p, const char *raw, size_t len, const char *what,
    struct dk_err *err)
{
	int re = is_regex(raw, len);

	pattern_release(p);
	if (len == 0)
		return 0;
	p->text = malloc(len + 1);
	if (p->text == NULL)
		return dk_err_set(err, "out of memory");
	memcpy(p->text, raw, len);
	p->text[len] = '\0';
	(void)dk_unescape(p->text);
	return re ? compile_regex(p, what, err) : 0;
}

static int
pattern_match(const struct pattern *p, const char *s)
{
	if (p->text == NULL)
		return 1;
	if (p->re != NULL)
		return pcre2_match(p->re, (PCRE2_SPTR)s, strlen(s), 0, 0, p->md,
			   NULL) >= 0;
	return fnmatch(p->text, s, 0) == 0;
}

int
dk_filter_add_operand(struct dk_filter *f, const char *operand,
    struct dk_err *err)
{
	struct selector *ops, *sel;
	const char *p = operand;
	char what[300];
	int i;

	(void)snprintf(what, sizeof(what), "operand '%s'", operand);
	ops = realloc(f->ops, (f->nops + 1) * sizeof(*ops));
	if (ops == NULL)
		return dk_err_set(err, "out of memory");
	f->ops = ops;
	sel = &f->ops[f->nops];
	memset(sel, 0, sizeof(*sel));
	f->nops++;
	for (i = 0; i < 4 && p != NULL; i++) {
		const char *end = strchr(p, ':');
		size_t len = end != NULL ? (size_t)(end - p) : strlen(p);

		if (pattern_set(&sel->field[i], p, len, what, err) != 0)
			return -1;
		p = end != NULL ? end + 1 : NULL;
	}
	if (p != NULL)
		return dk_err_set(err,
		    "bad operand '%s': more than four fields "
		    "(module:instance:name:statistic; write ':' in a name as %%3A)",
		    operand);
	return 0;
}

int
dk_filter_set_option(struct dk_filter *f, enum dk_field field,
    const char *pattern, struct dk_err *err)
{
	static const char *const names[] = { "--module", "--instance", "--name",
		"--statistic", "--class" };
	char what[64];

	(void)snprintf(what, sizeof(what), "%s", names[field]);
	return pattern_set(&f->opt.field[field], pattern, strlen(pattern), what,
	    err);
}

/* Match the kstat-level fields of one selector. */
static int
sel_kstat(const struct selector *s, const struct dk_kstat *ks)
{
	return pattern_match(&s->field[DK_F_MODULE], ks->module) &&
	    pattern_match(&s->field[DK_F_INSTANCE], ks->instance) &&
	    pattern_match(&s->field[DK_F_NAME], ks->name) &&
	    pattern_match(&s->field[DK_F_CLASS], ks->class);
}

int
dk_filter_module(const struct dk_filter *f, const char *module)
{
	size_t i;

	if (!pattern_match(&f->opt.field[DK_F_MODULE], module))
		return 0;
	if (f->nops == 0)
		return 1;
	for (i = 0; i < f->nops; i++)
		if (pattern_match(&f->ops[i].field[DK_F_MODULE], module))
			return 1;
	return 0;
}

int
dk_filter_kstat(const struct dk_filter *f, const struct dk_kstat *ks)
{
	size_t i;

	if (!sel_kstat(&f->opt, ks))
		return 0;
	if (f->nops == 0)
		return 1;
	for (i = 0; i < f->nops; i++)
		if (sel_kstat(&f->ops[i], ks))
			return 1;
	return 0;
}

int
dk_filter_stat(const struct dk_filter *f, const struct dk_kstat *ks,
    const char *stat)
{
	size_t i;

	if (!sel_kstat(&f->opt, ks) ||
	    !pattern_match(&f->opt.field[DK_F_STATISTIC], stat))
		return 0;
	if (f->nops == 0)
		return 1;
	for (i = 0; i < f->nops; i++)
		if (sel_kstat(&f->ops[i], ks) &&
		    pattern_match(&f->ops[i].field[DK_F_STATISTIC], stat))
			return 1;
	return 0;
}
