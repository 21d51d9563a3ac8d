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
	(void)fputs("usage: dstatk [-p | -j | -L | -q] [-T u|d] [--root dir]\n"
		    "              [--module m] [--instance i] [--name n]\n"
		    "              [--statistic s] [--class c]\n"
		    "              [module[:instance[:name[:statistic]]] ...]\n"
		    "              [interval [count]]\n"
		    "       dstatk [-cdngymslrit --proc ...] [table options]\n"
		    "              [delay [count]]\n",
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
