/*
 * filter.h - kstat selectors: module:instance:name:statistic operands.
 *
 * An operand is split on ':' into at most four fields (a fifth is an
 * error); an empty or missing field matches anything. A field written
 * /.../ is a PCRE2 pattern, unanchored as in kstat; anything else is a
 * shell glob matched against the whole field. %HH escapes are decoded
 * after the split, so any key dstatk prints can be pasted back. Fields of
 * one operand are ANDed, operands are ORed. The --module, --instance,
 * --name, --statistic and --class options form one more selector that is
 * ANDed with the operands (or stands alone without operands). Every
 * pattern is compiled when added (JIT where available), so a bad one is
 * reported before anything is read.
 */
#ifndef DK_FILTER_H
#define DK_FILTER_H

#include "err.h"
#include "record.h"

enum dk_field {
	DK_F_MODULE,
	DK_F_INSTANCE,
	DK_F_NAME,
	DK_F_STATISTIC,
	DK_F_CLASS,
};

struct dk_filter;

struct dk_filter *dk_filter_new(void);
void dk_filter_free(struct dk_filter *f);

/* Add an operand. 0, or -1 with err ("operand 'x': ..."). */
int dk_filter_add_operand(struct dk_filter *f, const char *operand,
    struct dk_err *err);
/* Set one field of the option selector (the last one given wins). */
int dk_filter_set_option(struct dk_filter *f, enum dk_field field,
    const char *pattern, struct dk_err *err);

/* Whether some selector can match kstats of this module. */
int dk_filter_module(const struct dk_filter *f, const char *module);
/* Whether some selector can match statistics of this kstat. */
int dk_filter_kstat(const struct dk_filter *f, const struct dk_kstat *ks);
/* Whether statistic stat of kstat ks is selected. */
int dk_filter_stat(const struct dk_filter *f, const struct dk_kstat *ks,
    const char *stat);

#endif
