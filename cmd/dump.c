/*
 * dump.c - dump mode: kstat-style reports of the selected records, once or
 * every interval, as human blocks, -p lines, -L keys or -j JSON.
 */
#include "dump.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../lib/collect.h"
#include "../lib/dump.h"
#include "../lib/filter.h"
#include "common.h"

enum format { F_HUMAN, F_PARSEABLE, F_KEYS, F_JSON, F_QUIET };

struct dump_opts {
	enum format format;
	int nformats; /* how many of -p -j -L -q were given */
	char tstamp;  /* 'u', 'd' or 0 */
	const char *root;
	uint64_t interval_ns; /* 0: one report */
	uint64_t count;	      /* reports; 0 = forever (with an interval) */
	struct dk_filter *filter;
};

enum {
	OPT_MODULE = 256,
	OPT_INSTANCE,
	OPT_NAME,
	OPT_STATISTIC,
	OPT_CLASS,
	OPT_ROOT,
	OPT_TIMESTAMP
};

static const struct option longopts[] = {
	{ "parseable", no_argument, NULL, 'p' },
	{ "json", no_argument, NULL, 'j' },
	{ "keys", no_argument, NULL, 'L' },
	{ "quiet", no_argument, NULL, 'q' },
	{ "timestamp", required_argument, NULL, OPT_TIMESTAMP },
	{ "module", required_argument, NULL, OPT_MODULE },
	{ "instance", required_argument, NULL, OPT_INSTANCE },
	{ "name", required_argument, NULL, OPT_NAME },
	{ "statistic", required_argument, NULL, OPT_STATISTIC },
	{ "class", required_argument, NULL, OPT_CLASS },
	{ "root", required_argument, NULL, OPT_ROOT },
	{ NULL, 0, NULL, 0 },
};

static void
set_format(struct dump_opts *o, enum format f)
{
	if (o->nformats++ > 0 && o->format != f)
		cmd_usage_error("-p, -j, -L and -q are mutually exclusive");
	o->format = f;
}

static void
set_tstamp(struct dump_opts *o, const char *arg)
{
	if (strcmp(arg, "u") != 0 && strcmp(arg, "d") != 0)
		cmd_usage_error("-T takes u (seconds since the epoch) or d "
				"(a date), not '%s'",
		    arg);
	o->tstamp = arg[0];
}

static void
set_field(struct dump_opts *o, enum dk_field field, const char *arg)
{
	struct dk_err err;

	if (dk_filter_set_option(o->filter, field, arg, &err) != 0)
		cmd_usage_error("%s", err.msg);
}

static void
parse_option(struct dump_opts *o, int c)
{
	switch (c) {
	case 'p':
		set_format(o, F_PARSEABLE);
		break;
	case 'j':
		set_format(o, F_JSON);
		break;
	case 'L':
		set_format(o, F_KEYS);
		break;
	case 'q':
		set_format(o, F_QUIET);
		break;
	case 'T':
	case OPT_TIMESTAMP:
		set_tstamp(o, optarg);
		break;
	case OPT_MODULE:
		set_field(o, DK_F_MODULE, optarg);
		break;
	case OPT_INSTANCE:
		set_field(o, DK_F_INSTANCE, optarg);
		break;
	case OPT_NAME:
		set_field(o, DK_F_NAME, optarg);
		break;
	case OPT_STATISTIC:
		set_field(o, DK_F_STATISTIC, optarg);
		break;
	case OPT_CLASS:
		set_field(o, DK_F_CLASS, optarg);
		break;
	case OPT_ROOT:
		o->root = optarg;
		break;
	default:
		cmd_usage_error("unknown option in dump mode "
				"(table options do not mix with -p -j -L -q)");
	}
}

static void
parse_operands(struct dump_opts *o, int argc, char **argv)
{
	int nnum = 0, i;
	struct dk_err err;

	for (i = optind; i < argc; i++) {
		const char *a = argv[i];

		if (!cmd_is_number(a)) {
			if (dk_filter_add_operand(o->filter, a, &err) != 0)
				cmd_usage_error("%s", err.msg);
			continue;
		}
		if (nnum == 0 && cmd_parse_interval(a, &o->interval_ns) != 0)
			cmd_usage_error("bad interval '%s': want a number of "
					"seconds greater than 0",
			    a);
		if (nnum == 1 &&
		    (cmd_parse_count(a, &o->count) != 0 || o->count == 0))
			cmd_usage_error("bad count '%s': want a whole number "
					"of reports, at least 1",
			    a);
		if (nnum == 2)
			cmd_usage_error("too many numbers: '%s' (the syntax "
					"is [interval [count]])",
			    a);
		nnum++;
	}
	if (nnum == 0)
		o->count = 1;
}

/*
 * getopt cannot take "-T u" as an optional argument, and a -T without u
 * or d belongs to table mode: main() already routed "-T u|d" here, so -T
 * always takes an argument in dump mode.
 */
static void
parse_args(struct dump_opts *o, int argc, char **argv)
{
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, "pjLqT:", longopts, NULL)) != -1) {
		if (c == '?' && optopt != 0 && strchr("T", optopt) != NULL)
			cmd_usage_error("option -%c needs an argument", optopt);
		if (c == '?' && optopt != 0)
			cmd_usage_error("unknown option -%c in dump mode",
			    optopt);
		if (c == '?')
			cmd_usage_error("unknown option '%s' in dump mode",
			    argv[optind - 1]);
		parse_option(o, c);
	}
	parse_operands(o, argc, argv);
}

static void
put_timestamp(struct dk_sb *sb, char kind, int json)
{
	time_t now = time(NULL);
	char date[64];
	struct tm tm;

	if (kind == 'u') {
		dk_sb_i64(sb, (int64_t)now);
		dk_sb_putc(sb, '\n');
		return;
	}
	/* kstat's C-locale _DATE_FMT. */
	if (localtime_r(&now, &tm) == NULL ||
	    strftime(date, sizeof(date), "%a %b %e %H:%M:%S %Z %Y", &tm) == 0)
		date[0] = '\0';
	dk_sb_printf(sb, json ? "\"%s\"\n" : "%s\n", date);
}

static size_t
render(struct dk_sb *sb, const struct dump_opts *o, struct dk_snap *s)
{
	switch (o->format) {
	case F_PARSEABLE:
		return dk_dump_parseable(sb, s, o->filter);
	case F_KEYS:
		return dk_dump_keys(sb, s, o->filter);
	case F_JSON:
		return dk_dump_json(sb, s, o->filter);
	case F_HUMAN:
		return dk_dump_human(sb, s, o->filter);
	case F_QUIET:
	default:
		return dk_dump_count(s, o->filter);
	}
}

static void
on_warning(void *arg, const char *msg)
{
	(void)arg;
	cmd_warn("%s", msg);
}

static int
want_module(void *arg, const char *module)
{
	return dk_filter_module(arg, module);
}

/* One report, built whole and written in one go. */
static size_t
report(const struct dump_opts *o, struct dk_collector *c, struct dk_snap *snap,
    struct dk_sb *sb, int first)
{
	struct dk_err err;
	size_t n;

	if (dk_collect(c, snap, want_module, o->filter, on_warning, NULL,
		&err) != 0)
		cmd_fatal("%s", err.msg);
	dk_sb_reset(sb);
	if (!first && o->format != F_QUIET)
		dk_sb_putc(sb, '\n');
	if (o->tstamp != 0)
		put_timestamp(sb, o->tstamp, o->format == F_JSON);
	n = render(sb, o, snap);
	if (dk_sb_failed(sb))
		cmd_fatal("out of memory");
	if (sb->len > 0)
		cmd_write_all(STDOUT_FILENO, sb->buf, sb->len);
	return n;
}

static int
run(const struct dump_opts *o)
{
	struct dk_err err;
	struct dk_collector *c = dk_collector_new(o->root, &err);
	struct dk_snap *snap = dk_snap_new();
	struct dk_sb sb;
	uint64_t i, start = cmd_monotonic_ns();
	int matched = 0;

	if (c == NULL)
		cmd_fatal("%s", err.msg);
	dk_collector_fix_time(c, cmd_test_snaptime());
	if (snap == NULL)
		cmd_fatal("out of memory");
	dk_sb_init(&sb);
	for (i = 0; o->count == 0 || i < o->count; i++) {
		if (i > 0 && cmd_sleep_until(start + i * o->interval_ns) != 0)
			break;
		if (report(o, c, snap, &sb, i == 0) > 0)
			matched = 1;
		if (cmd_stop_requested())
			break;
	}
	dk_sb_release(&sb);
	dk_snap_free(snap);
	dk_collector_free(c);
	return matched ? EXIT_MATCH : EXIT_NOMATCH;
}

int
dump_main(int argc, char **argv)
{
	struct dump_opts o = { .format = F_HUMAN, .root = "/" };
	int rc;

	o.filter = dk_filter_new();
	if (o.filter == NULL)
		cmd_fatal("out of memory");
	parse_args(&o, argc, argv);
	rc = run(&o);
	dk_filter_free(o.filter);
	return rc;
}
