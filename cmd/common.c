/* common.c - messages, output, signals and timing for the command. */
#include "common.h"

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t stop_flag;

static void vwarn_line(const char *fmt, va_list ap)
    __attribute__((format(printf, 1, 0)));

static void
vwarn_line(const char *fmt, va_list ap)
{
	char msg[1024];

	(void)vsnprintf(msg, sizeof(msg), fmt, ap);
	(void)fprintf(stderr, "dstatk: %s\n", msg);
}

void
cmd_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn_line(fmt, ap);
	va_end(ap);
}

void
cmd_usage_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn_line(fmt, ap);
	va_end(ap);
	(void)fputs("Try 'dstatk --help' for more information.\n", stderr);
	exit(EXIT_USAGE);
}

void
cmd_fatal(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn_line(fmt, ap);
	va_end(ap);
	exit(EXIT_FATAL);
}

void
cmd_write_all(int fd, const char *buf, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, buf, len);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			if (errno == EPIPE)
				exit(EXIT_MATCH);
			cmd_fatal("write error: %s", strerror(errno));
		}
		buf += n;
		len -= (size_t)n;
	}
}

static void
on_stop(int sig)
{
	(void)sig;
	stop_flag = 1;
}

void
cmd_signals_init(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_stop;
	(void)sigemptyset(&sa.sa_mask);
	(void)sigaction(SIGINT, &sa, NULL);
	(void)sigaction(SIGTERM, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	(void)sigaction(SIGPIPE, &sa, NULL);
}

int
cmd_stop_requested(void)
{
	return stop_flag != 0;
}

uint64_t
cmd_monotonic_ns(void)
{
	struct timespec ts;

	(void)clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

int
cmd_sleep_until(uint64_t deadline_ns)
{
	struct timespec ts;

	ts.tv_sec = (time_t)(deadline_ns / 1000000000u);
	ts.tv_nsec = (long)(deadline_ns % 1000000000u);
	while (!stop_flag) {
		int rc =
		    clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL);

		if (rc == 0)
			return 0;
		if (rc != EINTR)
			return 0;
	}
	return 1;
}

int
cmd_is_number(const char *s)
{
	const char *p = s;

	while (*p >= '0' && *p <= '9')
		p++;
	if (p == s)
		return 0;
	if (*p == '.') {
		const char *q = ++p;

		while (*p >= '0' && *p <= '9')
			p++;
		if (p == q)
			return 0;
	}
	return *p == '\0';
}

int
cmd_parse_interval(const char *s, uint64_t *ns)
{
	uint64_t sec = 0, frac = 0, scale = 100000000u;
	const char *p = s;

	if (!cmd_is_number(s))
		return -1;
	for (; *p >= '0' && *p <= '9'; p++) {
		if (sec > 1000000000u)
			return -1; /* over 31 years: surely a mistake */
		sec = sec * 10 + (uint64_t)(*p - '0');
	}
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9'; p++, scale /= 10)
			frac += (uint64_t)(*p - '0') * scale;
	*ns = sec * 1000000000u + frac;
	return *ns == 0 ? -1 : 0;
}

int
cmd_parse_count(const char *s, uint64_t *count)
{
	uint64_t n = 0;
	const char *p;

	if (*s == '\0')
		return -1;
	for (p = s; *p != '\0'; p++) {
		if (*p < '0' || *p > '9' || n > (UINT64_MAX - 9) / 10)
			return -1;
		n = n * 10 + (uint64_t)(*p - '0');
	}
	*count = n;
	return 0;
}

void
cmd_version(void)
{
	(void)printf("dstatk %s\n", DSTATK_VERSION);
	exit(EXIT_MATCH);
}

void
cmd_help(void)
{
	(void)fputs(
	    "usage: dstatk [-p | -j | -L | -q] [-T u|d] [--root dir] [--module m]\n"
	    "              [--instance i] [--name n] [--statistic s] [--class c]\n"
	    "              [module[:instance[:name[:statistic]]] ...] [interval [count]]\n"
	    "       dstatk [-acdfgilmnrstTvy] [--proc] [-C cpus] [-D disks] [-I irqs]\n"
	    "              [-M views] [-N interfaces] [-S swaps] [-o file] [--stat key]\n"
	    "              [table options] [delay [count]]\n"
	    "       dstatk -h | --help | -V | --version\n"
	    "\n"
	    "Dump mode (kstat-style records; fields are globs or /PCRE2/, %HH escapes):\n"
	    "  -p, --parseable    module:instance:name:statistic<TAB>value per line\n"
	    "  -j, --json         one JSON array per report (schemas/dstatk-json.schema.json)\n"
	    "  -L, --keys         the keys only\n"
	    "  -q, --quiet        print nothing; exit 0 if something matched, 1 if not\n"
	    "  -T u|d             timestamp before each report (epoch seconds or a date)\n"
	    "  --module M  --instance I  --name N  --statistic S  --class C\n"
	    "                     one more selector, ANDed with the operands\n"
	    "  --root DIR         read /proc and /sys under DIR\n"
	    "  interval: seconds (fractions allowed); count: reports (default forever)\n"
	    "\n"
	    "Table mode: dstatk [views] [options] [delay [count]]   (no view: -cdngy)\n"
	    "  -c, --cpu          cpu usage (--cpu-adv: with hiq siq; --cpu-use: per CPU)\n"
	    "  -d, --disk         disk bytes read/written per second\n"
	    "  -r, --io           disk requests per second\n"
	    "  -n, --net          network bytes received/sent per second\n"
	    "  -g, --page         swap paging in/out\n"
	    "  -y, --sys          interrupts and context switches per second\n"
	    "  -m, --mem          memory used/free/buffers/cache (--mem-adv: more)\n"
	    "  -s, --swap         swap used/free\n"
	    "  -l, --load         load averages\n"
	    "      --proc         runnable, blocked tasks, forks (-p next to other views)\n"
	    "  -i, --int          interrupts per IRQ\n"
	    "  -t, --time         time of the sample\n"
	    "  -T, --epoch        seconds since the epoch\n"
	    "      --fs --vm --vm-adv --psi   files/inodes, faults, reclaim, pressure stall\n"
	    "  -a, --all          -cdngy                  -v, --vmstat  --proc -mgdyc\n"
	    "  -M view,...        views by name           -M list, --list   list the views\n"
	    "      --stat m:i:n:s add one statistic as a column\n"
	    "  -C 0,3,total  -D sda,total  -N eth0,total  -I 5,eth0  -S swap1,total\n"
	    "                     CPUs ('all'), disks (or /dev paths), interfaces, IRQs, swap\n"
	    "  -f, --full         every device instead of the totals\n"
	    "      --bits         bits for bytes          --float, --integer   number format\n"
	    "      --color, --nocolor, --bw               colours (NO_COLOR honoured)\n"
	    "      --noheaders    header once only\n"
	    "      --noupdate     no intermediate updates\n"
	    "  -o, --output FILE  also write CSV to FILE (appended)\n"
	    "      --debug        time each sample took, per line\n"
	    "  delay: seconds (fractions allowed, default 1); count: lines (default forever,\n"
	    "  0: header only)\n"
	    "\n"
	    "Exit status: 0 matched or ran to the end, 1 nothing matched, 2 usage error,\n"
	    "3 fatal error (cannot read the root, cannot write). See dstatk(1).\n",
	    stdout);
	exit(EXIT_MATCH);
}

uint64_t
cmd_test_snaptime(void)
{
	const char *s = getenv("DSTATK_TEST_SNAPTIME");
	uint64_t v;

	if (s == NULL || cmd_parse_count(s, &v) != 0)
		return 0;
	return v;
}
