/* test_filter.c - selectors: globs, regexes, %HH, operands and options. */
#include "helpers.h"

#include <stdarg.h>
#include <string.h>

#include "../lib/escape.h"
#include "../lib/filter.h"

/* A filter from operands (NULL-terminated); fails the test on error. */
static struct dk_filter *
filter_of(const char *op, ...)
{
	struct dk_filter *f = dk_filter_new();
	struct dk_err err = { "" };
	va_list ap;

	assert_non_null(f);
	va_start(ap, op);
	for (; op != NULL; op = va_arg(ap, const char *))
		if (dk_filter_add_operand(f, op, &err) != 0)
			fail_msg("operand '%s': %s", op, err.msg);
	va_end(ap);
	return f;
}

static void
set_opt(struct dk_filter *f, enum dk_field field, const char *pattern)
{
	struct dk_err err = { "" };

	if (dk_filter_set_option(f, field, pattern, &err) != 0)
		fail_msg("option '%s': %s", pattern, err.msg);
}

static struct dk_kstat
kstat(const char *module, const char *instance, const char *name,
    const char *class)
{
	struct dk_kstat ks = { .module = module,
		.instance = instance,
		.name = name,
		.class = class,
		.source = "src" };

	return ks;
}

/* Whether f selects module:instance:name:stat (class "misc"). */
static int
sel(const struct dk_filter *f, const char *module, const char *instance,
    const char *name, const char *stat)
{
	struct dk_kstat ks = kstat(module, instance, name, "misc");
	int s = dk_filter_stat(f, &ks, stat);

	/* A selected statistic implies its kstat and module pass. */
	if (s && (!dk_filter_kstat(f, &ks) || !dk_filter_module(f, module)))
		fail_msg("%s:%s:%s:%s selected but its kstat is not", module,
		    instance, name, stat);
	return s;
}

/* The error of adding operand op to a new filter. */
static void
operand_error(const char *op, const char *want)
{
	struct dk_filter *f = dk_filter_new();
	struct dk_err err = { "" };

	assert_int_equal(dk_filter_add_operand(f, op, &err), -1);
	assert_string_equal(err.msg, want);
	dk_filter_free(f);
}

static void
test_empty_filter(void **state)
{
	struct dk_filter *f = dk_filter_new();

	(void)state;
	assert_true(dk_filter_module(f, "anything"));
	assert_true(sel(f, "cpu", "0", "times", "user"));
	assert_true(sel(f, "", "", "", ""));
	dk_filter_free(f);
	dk_filter_free(NULL);
}

static void
test_globs(void **state)
{
	struct dk_filter *f;

	(void)state;
	f = filter_of("cpu", NULL);
	assert_true(sel(f, "cpu", "0", "times", "user"));
	assert_false(sel(f, "cpux", "0", "times", "user"));
	assert_false(sel(f, "vcpu", "0", "times", "user"));
	assert_true(dk_filter_module(f, "cpu"));
	assert_false(dk_filter_module(f, "mem"));
	dk_filter_free(f);

	f = filter_of("c*:1*:t?mes:[iu]*", NULL);
	assert_true(sel(f, "cpu", "1", "times", "user"));
	assert_true(sel(f, "c", "10", "tames", "idle"));
	assert_false(sel(f, "cpu", "2", "times", "user"));
	assert_false(sel(f, "cpu", "1", "tiimes", "user"));
	assert_false(sel(f, "cpu", "1", "times", "nice"));
	assert_false(sel(f, "mem", "1", "times", "user"));
	dk_filter_free(f);

	/* [!...], ranges, and '\' quoting a metacharacter. */
	f = filter_of(":[!a-c]*::\\*", NULL);
	assert_true(sel(f, "m", "d0", "n", "*"));
	assert_false(sel(f, "m", "b0", "n", "*"));
	assert_false(sel(f, "m", "d0", "n", "x"));
	dk_filter_free(f);

	/* A glob matches '/' and a leading '.' like any byte. */
	f = filter_of("swap:*sda*", NULL);
	assert_true(sel(f, "swap", "/dev/sda2", "swap", "size"));
	dk_filter_free(f);
	f = filter_of("swap:/dev/*", NULL);
	assert_true(sel(f, "swap", "/dev/sda2", "swap", "size"));
	assert_false(sel(f, "swap", "/swapfile", "swap", "size"));
	dk_filter_free(f);
}

static void
test_regex(void **state)
{
	struct dk_filter *f;

	(void)state;
	/* Unanchored, as in kstat. */
	f = filter_of("/pu/", NULL);
	assert_true(dk_filter_module(f, "cpu"));
	assert_true(dk_filter_module(f, "vcpu0"));
	assert_false(dk_filter_module(f, "mem"));
	dk_filter_free(f);
	f = filter_of("/^cpu$/", NULL);
	assert_true(dk_filter_module(f, "cpu"));
	assert_false(dk_filter_module(f, "vcpu"));
	dk_filter_free(f);
	/* The instance as text: /^1[0-9]$/ matches 10 to 19. */
	f = filter_of(":/^1[0-9]$/", NULL);
	assert_true(sel(f, "cpu", "10", "times", "user"));
	assert_true(sel(f, "cpu", "19", "times", "user"));
	assert_false(sel(f, "cpu", "1", "times", "user"));
	assert_false(sel(f, "cpu", "100", "times", "user"));
	dk_filter_free(f);
	/* '/' inside a regex: the text between the first and last '/'. */
	f = filter_of("swap:/dev/sd[ab]/", NULL);
	assert_true(sel(f, "swap", "/dev/sda2", "swap", "size"));
	assert_false(sel(f, "swap", "/dev/sdc2", "swap", "size"));
	assert_false(sel(f, "swap", "dev", "swap", "size"));
	dk_filter_free(f);
	/* "//" is the empty regex: it matches anything. */
	f = filter_of("//", NULL);
	assert_true(dk_filter_module(f, "cpu"));
	assert_true(sel(f, "", "0", "n", "s"));
	dk_filter_free(f);
	/* A lone "/" and "/x" are globs. */
	f = filter_of(":/", ":/x", NULL);
	assert_true(sel(f, "m", "/", "n", "s"));
	assert_true(sel(f, "m", "/x", "n", "s"));
	assert_false(sel(f, "m", "a/x", "n", "s"));
	dk_filter_free(f);
	/* Case sensitive. */
	f = filter_of(":::/^mem/", NULL);
	assert_true(sel(f, "mem", "0", "meminfo", "memfree"));
	assert_false(sel(f, "mem", "0", "meminfo", "MemFree"));
	dk_filter_free(f);
}

static void
test_bad_regex(void **state)
{
	(void)state;
	operand_error("/[/",
	    "bad regular expression /[/ in operand '/[/': missing terminating "
	    "] for character class at offset 1");
	operand_error("cpu::/a(b/",
	    "bad regular expression /a(b/ in operand 'cpu::/a(b/': missing "
	    "closing parenthesis at offset 3");
	operand_error(":::/*x/",
	    "bad regular expression /*x/ in operand ':::/*x/': quantifier does "
	    "not follow a repeatable item at offset 0");
}

static void
test_fifth_field(void **state)
{
	(void)state;
	operand_error("a:b:c:d:e",
	    "bad operand 'a:b:c:d:e': more than four fields "
	    "(module:instance:name:statistic; write ':' in a name as %3A)");
	operand_error("::::",
	    "bad operand '::::': more than four fields "
	    "(module:instance:name:statistic; write ':' in a name as %3A)");
	/* A ':' inside a regex is a separator too. */
	operand_error(":::/a:b/",
	    "bad operand ':::/a:b/': more than four fields "
	    "(module:instance:name:statistic; write ':' in a name as %3A)");
}

static void
test_empty_fields(void **state)
{
	struct dk_filter *f;

	(void)state;
	f = filter_of("::times:user", NULL);
	assert_true(sel(f, "cpu", "0", "times", "user"));
	assert_true(sel(f, "cpu", "total", "times", "user"));
	assert_true(sel(f, "proc", "1", "times", "user"));
	assert_false(sel(f, "cpu", "0", "times", "idle"));
	assert_false(sel(f, "cpu", "0", "util", "user"));
	assert_true(dk_filter_module(f, "anything"));
	dk_filter_free(f);
	/* "cpu", "cpu:", "cpu:::" are the same selector. */
	f = filter_of("cpu:::", NULL);
	assert_true(sel(f, "cpu", "3", "x", "y"));
	assert_false(sel(f, "mem", "3", "x", "y"));
	dk_filter_free(f);
	f = filter_of("cpu:", NULL);
	assert_true(sel(f, "cpu", "3", "x", "y"));
	assert_false(sel(f, "mem", "3", "x", "y"));
	dk_filter_free(f);
	/* The empty operand selects everything. */
	f = filter_of("", NULL);
	assert_true(sel(f, "mem", "0", "meminfo", "MemTotal"));
	dk_filter_free(f);
	/* Pseudo-statistics are matched like statistics. */
	f = filter_of(":::snaptime", NULL);
	assert_true(sel(f, "cpu", "0", "times", "snaptime"));
	assert_false(sel(f, "cpu", "0", "times", "crtime"));
	dk_filter_free(f);
}

/* A key with ':', '%' and ' ' escaped as dstatk prints it selects it. */
static void
test_escaped_key(void **state)
{
	struct dk_filter *f;
	struct dk_sb sb;

	(void)state;
	f = filter_of("pci:0:0000%3A03%3A00.0:link_speed", NULL);
	assert_true(sel(f, "pci", "0", "0000:03:00.0", "link_speed"));
	assert_false(sel(f, "pci", "0", "0000%3A03%3A00.0", "link_speed"));
	assert_false(sel(f, "pci", "0", "0000:03:00.1", "link_speed"));
	dk_filter_free(f);
	/* Lower-case hex, and the escape inside a regex. */
	f = filter_of("zfs/tank%3aprod::/^a%3Ab$/", NULL);
	assert_true(sel(f, "zfs/tank:prod", "0", "a:b", "x"));
	assert_false(sel(f, "zfs/tank:prod", "0", "a:bc", "x"));
	dk_filter_free(f);
	/* Built with the key escape itself: every odd byte round-trips. */
	dk_sb_init(&sb);
	dk_sb_puts(&sb, "swap:");
	dk_esc_key(&sb, "/tmp/a b:c%d\te");
	f = filter_of(sb.buf, NULL);
	assert_true(sel(f, "swap", "/tmp/a b:c%d\te", "swap", "size"));
	assert_false(sel(f, "swap", "/tmp/a b:c%d e", "swap", "size"));
	dk_filter_free(f);
	dk_sb_release(&sb);
	/* "%2Fx/" is a glob for the name "/x/"; "/x/" would be a regex. */
	f = filter_of(":%2Fx/", NULL);
	assert_true(sel(f, "m", "/x/", "n", "s"));
	assert_false(sel(f, "m", "a/x/", "n", "s"));
	dk_filter_free(f);
	/* A lone '%' is a literal '%'. */
	f = filter_of(":::100%", NULL);
	assert_true(sel(f, "m", "0", "n", "100%"));
	dk_filter_free(f);
	/* "%00" is not a NUL that would cut the pattern short. */
	f = filter_of(":::a%00b", NULL);
	assert_false(sel(f, "m", "0", "n", "a"));
	dk_filter_free(f);
	f = filter_of(":::/a%00b/", NULL);
	assert_false(sel(f, "m", "0", "n", "xyz"));
	dk_filter_free(f);
}

static void
test_or_and(void **state)
{
	struct dk_filter *f;

	(void)state;
	/* Operands are ORed, the fields of one operand ANDed. */
	f = filter_of("cpu:0", "mem", ":::idle", NULL);
	assert_true(sel(f, "cpu", "0", "times", "user"));
	assert_true(sel(f, "mem", "0", "meminfo", "MemTotal"));
	assert_true(sel(f, "cpu", "1", "times", "idle"));
	assert_false(sel(f, "cpu", "1", "times", "user"));
	assert_false(sel(f, "net", "lo", "stats", "rx_bytes"));
	assert_true(dk_filter_module(f, "net")); /* ":::idle" could match */
	dk_filter_free(f);
	f = filter_of("cpu:0", "mem", NULL);
	assert_true(dk_filter_module(f, "cpu"));
	assert_true(dk_filter_module(f, "mem"));
	assert_false(dk_filter_module(f, "net"));
	dk_filter_free(f);
	/* Matched by two operands: selected (once). */
	f = filter_of("cpu", "cpu:0:times:user", NULL);
	assert_true(sel(f, "cpu", "0", "times", "user"));
	dk_filter_free(f);
}

static void
test_options(void **state)
{
	struct dk_filter *f = dk_filter_new();
	struct dk_kstat ks;

	(void)state;
	/* Options alone form one selector, fields ANDed. */
	set_opt(f, DK_F_MODULE, "cpu");
	set_opt(f, DK_F_STATISTIC, "/^(user|idle)$/");
	assert_true(sel(f, "cpu", "0", "times", "user"));
	assert_false(sel(f, "cpu", "0", "times", "nice"));
	assert_false(sel(f, "mem", "0", "times", "user"));
	assert_false(dk_filter_module(f, "mem"));
	/* The last value of an option wins. */
	set_opt(f, DK_F_MODULE, "mem");
	assert_false(sel(f, "cpu", "0", "times", "user"));
	assert_true(sel(f, "mem", "0", "times", "user"));
	set_opt(f, DK_F_MODULE, "");
	assert_true(sel(f, "cpu", "0", "times", "user"));
	dk_filter_free(f);

	/* --class is ANDed with the operands. */
	f = filter_of("cpu", "disk", NULL);
	set_opt(f, DK_F_CLASS, "disk");
	ks = kstat("cpu", "0", "times", "cpu");
	assert_false(dk_filter_kstat(f, &ks));
	assert_false(dk_filter_stat(f, &ks, "user"));
	ks = kstat("disk", "sda", "io", "disk");
	assert_true(dk_filter_kstat(f, &ks));
	assert_true(dk_filter_stat(f, &ks, "read_bytes"));
	ks = kstat("net", "lo", "stats", "disk");
	assert_false(dk_filter_kstat(f, &ks));
	dk_filter_free(f);

	/* --module with operands: both must hold. */
	f = filter_of("mem", "cpu:1", NULL);
	set_opt(f, DK_F_MODULE, "cpu");
	assert_false(dk_filter_module(f, "mem"));
	assert_true(dk_filter_module(f, "cpu"));
	assert_true(sel(f, "cpu", "1", "times", "user"));
	assert_false(sel(f, "cpu", "0", "times", "user"));
	assert_false(sel(f, "mem", "0", "meminfo", "MemTotal"));
	dk_filter_free(f);

	/* Option values are not split on ':', and are %HH-decoded. */
	f = dk_filter_new();
	set_opt(f, DK_F_NAME, "0000:03:00.0");
	set_opt(f, DK_F_INSTANCE, "a%20b");
	assert_true(sel(f, "pci", "a b", "0000:03:00.0", "x"));
	assert_false(sel(f, "pci", "a%20b", "0000:03:00.0", "x"));
	dk_filter_free(f);
}

static void
test_option_errors(void **state)
{
	struct dk_filter *f = dk_filter_new();
	struct dk_err err = { "" };

	(void)state;
	assert_int_equal(dk_filter_set_option(f, DK_F_MODULE, "/(/", &err), -1);
	assert_string_equal(err.msg,
	    "bad regular expression /(/ in --module: "
	    "missing closing parenthesis at offset 1");
	assert_int_equal(dk_filter_set_option(f, DK_F_CLASS, "/[x/", &err), -1);
	assert_string_equal(err.msg,
	    "bad regular expression /[x/ in --class: "
	    "missing terminating ] for character "
	    "class at offset 2");
	dk_filter_free(f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty_filter),
		cmocka_unit_test(test_globs),
		cmocka_unit_test(test_regex),
		cmocka_unit_test(test_bad_regex),
		cmocka_unit_test(test_fifth_field),
		cmocka_unit_test(test_empty_fields),
		cmocka_unit_test(test_escaped_key),
		cmocka_unit_test(test_or_and),
		cmocka_unit_test(test_options),
		cmocka_unit_test(test_option_errors),
	};

	return cmocka_run_group_tests_name("filter", tests, NULL, NULL);
}
