/*
 * table.c - table mode: dstat-style delta tables on the terminal, CSV to
 * a file.
 *
 * The library computes and renders (lib/table.h, lib/render.h,
 * lib/csv.h); this file parses dstat's options, keeps the schedule, talks
 * to the terminal and owns the CSV file:
 *
 * - samples are taken at absolute deadlines on CLOCK_MONOTONIC (first
 *   line at once, then every delay), so there is no drift; a sample that
 *   comes a whole delay late is reported on its line ("missed N ticks")
 *   and the schedule skips ahead instead of bursting;
 * - on a terminal with a delay over one second the current line is
 *   redrawn in place every second with the average so far (carriage
 *   return and erase-line), unless --noupdate;
 * - on a terminal the table is cut to its width (re-fitted on SIGWINCH)
 *   and the header repeats so a whole block fits on the screen;
 * - anywhere else: no colour unless --color asks, and never a cursor
 *   code, a cut or a redraw;
 * - count is the number of lines, the since-boot line included: 0 prints
 *   the header alone;
 * - SIGINT and SIGTERM end after the line being drawn, output flushed.
 */
#include "table.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../lib/collect.h"
#include "../lib/csv.h"
#include "../lib/render.h"
#include "../lib/table.h"
#include "common.h"

#define NS_PER_SEC 1000000000ull
#define MAX_REQ 128
/* Room --debug keeps for its timing column when fitting the width. */
#define DEBUG_RESERVE 8
/* Below this many rows dstat does not repeat headers. */
#define MIN_ROWS 6

struct topts {
	const char *req[MAX_REQ];
	size_t nreq;
	struct dk_table_opts t;
	const char *root;
	const char *output;
	int color; /* -1: when stdout is a terminal */
	int bw, bits, flt, integer, noheaders, noupdate, debug, list;
	uint64_t delay_ns;
	uint64_t count; /* lines; UINT64_MAX: forever */
};

struct run {
	struct topts *o;
	struct dk_collector *coll;
	struct dk_modset mods;
	struct dk_snap *prev, *cur;
	struct dk_table *t;
	struct dk_want *want; /* what the table reads, for later samples */
	struct dk_val *vals;
	struct dk_render r;
	struct dk_sb sb;
	int tty;	   /* stdout is a terminal */
	size_t rows, cols; /* its size */
	size_t nvis;	   /* groups that fit */
	size_t since_hdr;  /* lines since the last header */
	int drawn;	   /* an intermediate update is on screen */
	int warned_cut;	   /* "trimming output" said once */
	int csv;	   /* the --output file, or -1 */
	const char *csv_path;
	uint64_t sample_ns; /* what the last sample took, for --debug */
	char seen[8][256];  /* provider warnings already shown */
};

static volatile sig_atomic_t winch_flag;

static void
on_winch(int sig)
{
	(void)sig;
	winch_flag = 1;
}

/* -------------------------------------------------------------------- */
/* Options */

enum {
	OPT_BITS = 256,
	OPT_BW,
	OPT_COLOR,
	OPT_NOCOLOR,
	OPT_DEBUG,
	OPT_FLOAT,
	OPT_INTEGER,
	OPT_LIST,
	OPT_NOHEADERS,
	OPT_NOUPDATE,
	OPT_ROOT,
	OPT_STAT,
	OPT_VIEW = 1000, /* + index in dk_views */
};

static const struct option fixed_opts[] = {
	{ "all", no_argument, NULL, 'a' },
	{ "vmstat", no_argument, NULL, 'v' },
	{ "full", no_argument, NULL, 'f' },
	{ "output", required_argument, NULL, 'o' },
	{ "bits", no_argument, NULL, OPT_BITS },
	{ "bw", no_argument, NULL, OPT_BW },
	{ "black-on-white", no_argument, NULL, OPT_BW },
	{ "color", no_argument, NULL, OPT_COLOR },
	{ "nocolor", no_argument, NULL, OPT_NOCOLOR },
	{ "debug", no_argument, NULL, OPT_DEBUG },
	{ "float", no_argument, NULL, OPT_FLOAT },
	{ "integer", no_argument, NULL, OPT_INTEGER },
	{ "list", no_argument, NULL, OPT_LIST },
	{ "noheaders", no_argument, NULL, OPT_NOHEADERS },
	{ "noupdate", no_argument, NULL, OPT_NOUPDATE },
	{ "root", required_argument, NULL, OPT_ROOT },
	{ "stat", required_argument, NULL, OPT_STAT },
	{ "filesystem", no_argument, NULL, 'F' },
};

#define NFIXED (sizeof(fixed_opts) / sizeof(fixed_opts[0]))

/* The fixed options, then --<view> for every view, then the end mark. */
static struct option *
long_options(void)
{
	struct option *lo = calloc(NFIXED + dk_nviews + 1, sizeof(*lo));
	size_t i;

	if (lo == NULL)
		cmd_fatal("out of memory");
	memcpy(lo, fixed_opts, sizeof(fixed_opts));
	for (i = 0; i < dk_nviews; i++) {
		lo[NFIXED + i].name = dk_views[i].name;
		lo[NFIXED + i].has_arg = no_argument;
		lo[NFIXED + i].val = OPT_VIEW + (int)i;
	}
	return lo;
}

static void
add_req(struct topts *o, const char *req)
{
	if (o->nreq == MAX_REQ)
		cmd_usage_error("too many views");
	o->req[o->nreq++] = req;
}

/* The view a dstat letter stands for ('p' is --proc here). */
static const char *
letter_view(int c)
{
	size_t i;

	for (i = 0; i < dk_nviews; i++)
		if (dk_views[i].opt == c)
			return dk_views[i].name;
	return NULL;
}

/* -M a,b,c (or "list"); the string is argv's and outlives the run. */
static void
add_mods(struct topts *o, char *arg)
{
	char *item, *save = NULL;

	for (item = strtok_r(arg, ",", &save); item != NULL;
	     item = strtok_r(NULL, ",", &save)) {
		if (strcmp(item, "list") == 0)
			o->list = 1;
		else if (dk_view_find(item) == NULL)
			cmd_usage_error("unknown view %s (see --list)", item);
		else
			add_req(o, item);
	}
}

static void
add_group(struct topts *o, const char *const *names)
{
	for (; *names != NULL; names++)
		add_req(o, *names);
}

static int
option_flag(struct topts *o, int c, const char *arg)
{
	switch (c) {
	case 'o':
		o->output = arg;
		break;
	case OPT_BITS:
		o->bits = 1;
		break;
	case OPT_BW:
		o->bw = 1;
		break;
	case OPT_COLOR:
		o->color = 1;
		break;
	case OPT_NOCOLOR:
		o->color = 0;
		break;
	case OPT_DEBUG:
		o->debug++;
		break;
	case OPT_FLOAT:
		o->flt = 1;
		break;
	case OPT_INTEGER:
		o->integer = 1;
		break;
	case OPT_LIST:
		o->list = 1;
		break;
	case OPT_NOHEADERS:
		o->noheaders = 1;
		break;
	case OPT_NOUPDATE:
		o->noupdate = 1;
		break;
	case OPT_ROOT:
		o->root = arg;
		break;
	default:
		return 0;
	}
	return 1;
}

static int
option_list(struct topts *o, int c, const char *arg)
{
	switch (c) {
	case 'C':
		o->t.cpus = arg;
		break;
	case 'D':
		o->t.disks = arg;
		break;
	case 'N':
		o->t.nets = arg;
		break;
	case 'I':
		o->t.irqs = arg;
		break;
	case 'S':
		o->t.swaps = arg;
		break;
	case 'f':
		o->t.full = 1;
		break;
	default:
		return 0;
	}
	return 1;
}

static void
option(struct topts *o, int c, char *arg)
{
	static const char *const all[] = { "cpu", "disk", "net", "page", "sys",
		NULL };
	static const char *const vmstat[] = { "proc", "mem", "page", "disk",
		"sys", "cpu", NULL };
	const char *view = c < 128 ? letter_view(c) : NULL;

	if (view != NULL)
		add_req(o, view);
	else if (c >= OPT_VIEW && (size_t)(c - OPT_VIEW) < dk_nviews)
		add_req(o, dk_views[c - OPT_VIEW].name);
	else if (c == 'F')
		add_req(o, "fs");
	else if (c == 'a')
		add_group(o, all);
	else if (c == 'v')
		add_group(o, vmstat);
	else if (c == 'M')
		add_mods(o, arg);
	else if (c == OPT_STAT)
		add_req(o, arg);
	else if (!option_flag(o, c, arg) && !option_list(o, c, arg))
		cmd_usage_error("unknown option (see --help)");
}

static void
operands(struct topts *o, int argc, char **argv, int i)
{
	if (argc - i > 2)
		cmd_usage_error("too many operands: %s", argv[i + 2]);
	if (i < argc && cmd_parse_interval(argv[i], &o->delay_ns) != 0)
		cmd_usage_error("bad delay %s: seconds > 0, as 1 or 0.5",
		    argv[i]);
	if (i + 1 < argc && cmd_parse_count(argv[i + 1], &o->count) != 0)
		cmd_usage_error("bad count %s", argv[i + 1]);
}

/*
 * -D takes device paths as dstat does: /dev/sda, or a symlink such as
 * /dev/disk/by-id/... or /dev/mapper/vg-root, is the kernel's name (sda,
 * dm-0). The list is rebuilt in a buffer that lives as long as the run.
 */
static const char *
resolve_disks(const char *list)
{
	static char out[4096];
	char copy[4096], real[4096], *item, *save = NULL;
	size_t n = 0;

	if (list == NULL || strstr(list, "/dev/") == NULL)
		return list;
	(void)snprintf(copy, sizeof(copy), "%s", list);
	out[0] = '\0';
	for (item = strtok_r(copy, ",", &save); item != NULL;
	     item = strtok_r(NULL, ",", &save)) {
		const char *name = item;

		if (strncmp(item, "/dev/", 5) == 0) {
			name = item + 5;
			if (realpath(item, real) != NULL &&
			    strncmp(real, "/dev/", 5) == 0)
				name = real + 5;
		}
		n += (size_t)snprintf(out + n,
		    n < sizeof(out) ? sizeof(out) - n : 0, "%s%s",
		    n > 0 ? "," : "", name);
	}
	if (n >= sizeof(out))
		cmd_usage_error("-D list too long");
	return out;
}

/*
 * dstat's time format, by its variable or dstatk's own. The pointer is
 * the environment's: it lasts.
 */
static const char *
time_format(void)
{
	const char *f = getenv("DSTATK_TIMEFMT");

	if (f == NULL || *f == '\0')
		f = getenv("DSTAT_TIMEFMT");
	return f != NULL && *f != '\0' ? f : "%d-%m %H:%M:%S";
}

static void
parse(struct topts *o, int argc, char **argv)
{
	static const char *const dflt[] = { "cpu", "disk", "net", "page", "sys",
		NULL };
	struct option *lo = long_options();
	int c;

	memset(o, 0, sizeof(*o));
	o->color = -1;
	o->root = "/";
	o->delay_ns = NS_PER_SEC;
	o->count = UINT64_MAX;
	opterr = 0;
	while ((c = getopt_long(argc, argv,
		    ":acdfgilmno:prstTvyC:D:I:M:N:S:", lo, NULL)) != -1) {
		if (c == '?')
			cmd_usage_error("unknown option %s", argv[optind - 1]);
		if (c == ':')
			cmd_usage_error("option %s needs an argument",
			    argv[optind - 1]);
		option(o, c, optarg);
	}
	free(lo);
	operands(o, argc, argv, optind);
	if (o->flt && o->integer)
		cmd_usage_error("--float and --integer are mutually exclusive");
	if (o->nreq == 0 && !o->list)
		add_group(o, dflt);
	o->t.disks = resolve_disks(o->t.disks);
	o->t.debug = o->debug;
	o->t.timefmt = time_format();
	o->t.pagesize = (unsigned long)sysconf(_SC_PAGESIZE);
}

/* -------------------------------------------------------------------- */
/* Terminal */

/* The terminal's size: the tty's, else LINES and COLUMNS, else 25x80. */
static void
term_size(struct run *rn)
{
	struct winsize ws;
	const char *l = getenv("LINES"), *c = getenv("COLUMNS");

	rn->rows = 25;
	rn->cols = 80;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) {
		rn->rows = ws.ws_row;
		rn->cols = ws.ws_col;
		return;
	}
	if (l != NULL && atoi(l) > 0)
		rn->rows = (size_t)atoi(l);
	if (c != NULL && atoi(c) > 0)
		rn->cols = (size_t)atoi(c);
}

/* Colour by default only for a terminal that has it and a user who wants
 * it (https://no-color.org). */
static int
want_color(const struct topts *o, int tty)
{
	const char *nc = getenv("NO_COLOR"), *term = getenv("TERM");

	if (o->color >= 0)
		return o->color;
	if (!tty || (nc != NULL && *nc != '\0'))
		return 0;
	return term != NULL && *term != '\0' && strcmp(term, "dumb") != 0;
}

static void
setup_terminal(struct run *rn)
{
	struct sigaction sa;

	rn->tty = isatty(STDOUT_FILENO);
	rn->r.color = want_color(rn->o, rn->tty);
	rn->r.bw = rn->o->bw;
	rn->r.cellflags = (rn->o->bits ? DK_CELL_BITS : 0) |
	    (rn->o->flt ? DK_CELL_FLOAT : 0) |
	    (rn->o->integer ? DK_CELL_INTEGER : 0);
	if (!rn->tty)
		return;
	term_size(rn);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_winch;
	(void)sigemptyset(&sa.sa_mask);
	(void)sigaction(SIGWINCH, &sa, NULL);
}

static void
flush(struct run *rn)
{
	cmd_write_all(STDOUT_FILENO, rn->sb.buf, rn->sb.len);
	dk_sb_reset(&rn->sb);
}

/* Fit the table to the terminal; 1 if what is visible changed. */
static int
fit(struct run *rn)
{
	size_t nvis = dk_table_ngroups(rn->t);

	if (rn->tty) {
		if (winch_flag) {
			winch_flag = 0;
			term_size(rn);
		}
		nvis = dk_render_fit(rn->t, rn->cols,
		    rn->o->debug ? DEBUG_RESERVE : 0);
	}
	if (nvis == rn->nvis)
		return 0;
	if (nvis < dk_table_ngroups(rn->t) && !rn->warned_cut) {
		cmd_warn("terminal too narrow: the table is cut to its width");
		rn->warned_cut = 1;
	}
	rn->nvis = nvis;
	return 1;
}

/*
 * Before a line's first drawing: a header when the visible groups changed
 * or, on a terminal, when a header, the lines since and the line being
 * drawn fill the screen.
 */
static void
line_start(struct run *rn)
{
	int changed = fit(rn);
	int repeat = rn->tty && !rn->o->noheaders && rn->rows >= MIN_ROWS &&
	    rn->since_hdr + 3 >= rn->rows;

	if (changed || repeat) {
		dk_render_header(&rn->sb, rn->t, rn->nvis, &rn->r);
		rn->since_hdr = 0;
	}
}

/* -------------------------------------------------------------------- */
/* CSV */

/* The command line for the CSV header, taken before getopt permutes it. */
static void
command_line(struct dk_sb *cmdline, int argc, char **argv)
{
	int i;

	dk_sb_puts(cmdline, "dstatk");
	for (i = 1; i < argc; i++) {
		dk_sb_putc(cmdline, ' ');
		dk_sb_puts(cmdline, argv[i]);
	}
}

static const char *
user_name(char *buf, size_t cap)
{
	const char *u = getenv("USER");

	if (u == NULL || *u == '\0')
		u = getenv("LOGNAME");
	if (u != NULL && *u != '\0')
		return u;
	(void)snprintf(buf, cap, "%lu", (unsigned long)geteuid());
	return buf;
}

/*
 * Write a whole row, or nothing: a short write (a full disk) is undone,
 * so the rows already in the file stay whole.
 */
static void
csv_write(struct run *rn, const char *buf, size_t len)
{
	struct stat st;
	off_t start = fstat(rn->csv, &st) == 0 ? st.st_size : -1;
	size_t done = 0;

	while (done < len) {
		ssize_t n = write(rn->csv, buf + done, len - done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			int e = n < 0 ? errno : ENOSPC;

			if (start >= 0)
				(void)ftruncate(rn->csv, start);
			cmd_fatal("cannot write %s: %s", rn->csv_path,
			    strerror(e));
		}
		done += (size_t)n;
	}
}

static void
csv_open(struct run *rn, const char *cmdline)
{
	struct dk_csv_meta m;
	struct dk_sb line;
	struct stat st;
	char host[256], date[64], ubuf[32];
	time_t now = time(NULL);
	struct tm tm;

	rn->csv_path = rn->o->output;
	rn->csv =
	    open(rn->csv_path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
	if (rn->csv < 0)
		cmd_fatal("cannot open %s: %s", rn->csv_path, strerror(errno));
	if (gethostname(host, sizeof(host)) != 0)
		(void)snprintf(host, sizeof(host), "unknown");
	host[sizeof(host) - 1] = '\0';
	date[0] = '\0';
	if (localtime_r(&now, &tm) != NULL)
		(void)strftime(date, sizeof(date), "%d %b %Y %H:%M:%S %Z", &tm);
	dk_sb_init(&line);
	m.program = "dstatk " DSTATK_VERSION;
	m.host = host;
	m.user = user_name(ubuf, sizeof(ubuf));
	m.cmdline = cmdline;
	m.date = date;
	m.append = fstat(rn->csv, &st) == 0 && st.st_size > 0;
	dk_csv_header(&line, rn->t, &m);
	if (dk_sb_failed(&line))
		cmd_fatal("out of memory");
	csv_write(rn, line.buf, line.len);
	dk_sb_release(&line);
}

static void
csv_row(struct run *rn)
{
	struct dk_sb line;

	if (rn->csv < 0)
		return;
	dk_sb_init(&line);
	dk_csv_row(&line, rn->t, rn->vals);
	if (dk_sb_failed(&line))
		cmd_fatal("out of memory");
	csv_write(rn, line.buf, line.len);
	dk_sb_release(&line);
}

/* -------------------------------------------------------------------- */
/* Sampling */

/* A provider's complaint, once: the same file fails every sample. */
static void
collect_warn(void *arg, const char *msg)
{
	struct run *rn = arg;
	size_t i;

	for (i = 0; i < sizeof(rn->seen) / sizeof(rn->seen[0]); i++) {
		if (rn->seen[i][0] == '\0') {
			(void)snprintf(rn->seen[i], sizeof(rn->seen[i]), "%s",
			    msg);
			break;
		}
		if (strncmp(rn->seen[i], msg, sizeof(rn->seen[i]) - 1) == 0)
			return;
	}
	cmd_warn("%s", msg);
}

static void
table_warn(void *arg, const char *msg)
{
	(void)arg;
	cmd_warn("%s", msg);
}

static uint64_t
wall_ns(void)
{
	struct timespec ts;

	(void)clock_gettime(CLOCK_REALTIME, &ts);
	return (uint64_t)ts.tv_sec * NS_PER_SEC + (uint64_t)ts.tv_nsec;
}

/* One sample into rn->cur and the values since rn->prev (NULL: boot). */
static void
sample(struct run *rn, const struct dk_snap *since, uint64_t tick_wall)
{
	struct dk_err err = { "" };
	uint64_t t0 = cmd_monotonic_ns();

	if (dk_collect(rn->coll, rn->cur, dk_modset_want, &rn->mods,
		collect_warn, rn, &err) != 0)
		cmd_fatal("%s", err.msg);
	dk_table_compute(rn->t, since, rn->cur, tick_wall, rn->vals);
	rn->sample_ns = cmd_monotonic_ns() - t0;
}

/*
 * Draw the current values: an intermediate update replaces the line on
 * screen; a final line ends with a newline.
 */
static void
draw(struct run *rn, int final, unsigned long missed)
{
	if (!rn->drawn)
		line_start(rn);
	if (rn->drawn)
		dk_sb_puts(&rn->sb, "\r\033[2K");
	dk_render_row(&rn->sb, rn->t, rn->vals, rn->nvis, final, &rn->r);
	if (rn->o->debug)
		dk_render_debug(&rn->sb, (double)rn->sample_ns / 1e6, &rn->r);
	if (missed > 0)
		dk_render_missed(&rn->sb, missed, &rn->r);
	dk_render_reset(&rn->sb, &rn->r);
	rn->drawn = !final;
	if (final) {
		dk_sb_putc(&rn->sb, '\n');
		rn->since_hdr++;
	}
	if (dk_sb_failed(&rn->sb))
		cmd_fatal("out of memory");
	flush(rn);
}

static void
swap_snaps(struct run *rn)
{
	struct dk_snap *s = rn->prev;

	rn->prev = rn->cur;
	rn->cur = s;
}

/* -------------------------------------------------------------------- */
/* The schedule */

/*
 * The intermediate updates of one line, one a second until its final
 * deadline. Ticks already past are skipped: only the final line counts.
 * Returns non-zero when a stop was requested.
 */
static int
updates(struct run *rn, uint64_t line_start_ns, uint64_t final_ns,
    uint64_t wall0, uint64_t mono0)
{
	uint64_t dl;

	for (dl = line_start_ns + NS_PER_SEC; dl < final_ns; dl += NS_PER_SEC) {
		if (cmd_monotonic_ns() > dl)
			continue;
		if (cmd_sleep_until(dl))
			return 1;
		sample(rn, rn->prev, wall0 + (dl - mono0));
		draw(rn, 0, 0);
	}
	return 0;
}

static void
run_loop(struct run *rn, uint64_t mono0, uint64_t wall0)
{
	const struct topts *o = rn->o;
	int upd = rn->tty && !o->noupdate && o->delay_ns > NS_PER_SEC;
	uint64_t line = 1, lines = 1, missed, late, final_ns;

	while ((o->count == UINT64_MAX || lines < o->count) &&
	    !cmd_stop_requested()) {
		final_ns = mono0 + line * o->delay_ns;
		if (upd &&
		    updates(rn, final_ns - o->delay_ns, final_ns, wall0, mono0))
			break;
		if (cmd_sleep_until(final_ns))
			break;
		/* A whole delay late: say so and skip the missed lines. */
		late = cmd_monotonic_ns() - final_ns;
		missed = late >= o->delay_ns ? late / o->delay_ns : 0;
		sample(rn, rn->prev,
		    wall0 + (final_ns - mono0) + (missed > 0 ? late : 0));
		draw(rn, 1, (unsigned long)missed);
		csv_row(rn);
		swap_snaps(rn);
		line += 1 + missed;
		lines++;
	}
	if (rn->drawn) {
		dk_render_reset(&rn->sb, &rn->r);
		dk_sb_putc(&rn->sb, '\n');
		flush(rn);
	}
}

/* -------------------------------------------------------------------- */
/* Start and end */

static void
debug_views(const struct run *rn)
{
	size_t i;

	for (i = 0; i < dk_table_ngroups(rn->t); i++) {
		const struct dk_group *g = dk_table_group(rn->t, i);
		const struct dk_view *v = dk_view_find(g->view);
		const struct dk_provider *p = v != NULL && v->module != NULL ?
		    dk_provider_find(v->module) :
		    NULL;

		cmd_warn("view %s reads %s", g->view,
		    p != NULL	  ? p->sources :
			v != NULL ? "the clock" :
				    "its statistic");
	}
}

/*
 * A table that cannot be built: a bad --stat is a usage error (the
 * library's message starts with the option), nothing to show is "nothing
 * matched", anything else is fatal.
 */
static void
table_failed(const struct dk_err *err)
{
	if (strncmp(err->msg, "--stat", 6) == 0)
		cmd_usage_error("%s", err->msg);
	cmd_warn("%s", err->msg);
	exit(
	    strcmp(err->msg, "out of memory") == 0 ? EXIT_FATAL : EXIT_NOMATCH);
}

static void
start(struct run *rn, const char *cmdline)
{
	struct dk_err err = { "" };

	if (dk_modset_add(&rn->mods, rn->o->req, rn->o->nreq, &err) != 0)
		cmd_usage_error("%s", err.msg);
	rn->coll = dk_collector_new(rn->o->root, &err);
	if (rn->coll == NULL)
		cmd_fatal("%s", err.msg);
	rn->prev = dk_snap_new();
	rn->cur = dk_snap_new();
	if (rn->prev == NULL || rn->cur == NULL)
		cmd_fatal("out of memory");
	rn->sample_ns = cmd_monotonic_ns();
	if (dk_collect(rn->coll, rn->cur, dk_modset_want, &rn->mods,
		collect_warn, rn, &err) != 0)
		cmd_fatal("%s", err.msg);
	rn->sample_ns = cmd_monotonic_ns() - rn->sample_ns;
	rn->t = dk_table_new(rn->o->req, rn->o->nreq, &rn->o->t, rn->cur,
	    table_warn, NULL, &err);
	if (rn->t == NULL)
		table_failed(&err);
	rn->want = dk_want_new();
	if (rn->want == NULL || dk_table_want(rn->t, rn->want) != 0)
		cmd_fatal("out of memory");
	dk_collector_set_want(rn->coll, rn->want);
	rn->vals = calloc(dk_table_nvalues(rn->t), sizeof(*rn->vals));
	if (rn->vals == NULL)
		cmd_fatal("out of memory");
	if (rn->o->debug)
		debug_views(rn);
	setup_terminal(rn);
	rn->csv = -1;
	if (rn->o->output != NULL)
		csv_open(rn, cmdline);
}

/* The header, and the since-boot line from the sample start() took. */
static void
first_line(struct run *rn, uint64_t wall)
{
	uint64_t t0 = cmd_monotonic_ns();

	(void)fit(rn);
	dk_render_header(&rn->sb, rn->t, rn->nvis, &rn->r);
	if (rn->o->count == 0) {
		flush(rn);
		return;
	}
	dk_table_compute(rn->t, NULL, rn->cur, wall, rn->vals);
	rn->sample_ns += cmd_monotonic_ns() - t0;
	draw(rn, 1, 0);
	csv_row(rn);
	swap_snaps(rn);
	/* uptime was for this line only. */
	dk_modset_del(&rn->mods, "uptime");
}

static void
finish(struct run *rn)
{
	if (rn->csv >= 0 && close(rn->csv) != 0)
		cmd_fatal("cannot write %s: %s", rn->csv_path, strerror(errno));
	dk_sb_release(&rn->sb);
	free(rn->vals);
	dk_collector_free(rn->coll);
	rn->coll = NULL;
	dk_want_free(rn->want);
	dk_table_free(rn->t);
	dk_snap_free(rn->prev);
	dk_snap_free(rn->cur);
}

int
table_main(int argc, char **argv)
{
	struct topts o;
	struct run rn;
	struct dk_sb cmdline;
	uint64_t mono0, wall0;

	dk_sb_init(&cmdline);
	command_line(&cmdline, argc, argv);
	if (dk_sb_failed(&cmdline))
		cmd_fatal("out of memory");
	parse(&o, argc, argv);
	if (o.list) {
		struct dk_sb sb;

		dk_sb_init(&sb);
		dk_view_list(&sb);
		cmd_write_all(STDOUT_FILENO, sb.buf, sb.len);
		dk_sb_release(&sb);
		dk_sb_release(&cmdline);
		return EXIT_MATCH;
	}
	memset(&rn, 0, sizeof(rn));
	rn.o = &o;
	dk_sb_init(&rn.sb);
	mono0 = cmd_monotonic_ns();
	wall0 = wall_ns();
	start(&rn, cmdline.buf);
	first_line(&rn, wall0);
	if (o.count > 1)
		run_loop(&rn, mono0, wall0);
	finish(&rn);
	dk_sb_release(&cmdline);
	return EXIT_MATCH;
}
