/*
 * common.h - what both halves of the command (dump and table) share:
 * exit statuses, messages to the user, whole-report output, signals.
 */
#ifndef DK_CMD_COMMON_H
#define DK_CMD_COMMON_H

#include <stddef.h>
#include <stdint.h>

/* Exit statuses (documented in the man page). */
enum {
	EXIT_MATCH = 0,	  /* something matched / ran to the end */
	EXIT_NOMATCH = 1, /* nothing matched */
	EXIT_USAGE = 2,	  /* bad option, operand or pattern */
	EXIT_FATAL = 3,	  /* cannot read, cannot write, out of memory */
};

/* "dstatk: message\n" on stderr. */
void cmd_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* A usage error: message, the pointer to --help, exit 2. */
void cmd_usage_error(const char *fmt, ...)
    __attribute__((format(printf, 1, 2), noreturn));
/* A fatal error: message, exit 3. */
void cmd_fatal(const char *fmt, ...)
    __attribute__((format(printf, 1, 2), noreturn));

/*
 * Write a whole report to fd in one go (retrying short writes). A reader
 * that went away (EPIPE) ends the program quietly with status 0; any other
 * failure is fatal (exit 3) with "write error: ...".
 */
void cmd_write_all(int fd, const char *buf, size_t len);

/*
 * SIGINT/SIGTERM set a flag instead of killing: loops finish the current
 * report and stop. SIGPIPE is ignored (EPIPE is handled by the writer).
 */
void cmd_signals_init(void);
int cmd_stop_requested(void);

/*
 * Sleep until an absolute CLOCK_MONOTONIC deadline (ns). Returns early
 * (non-zero) when a stop was requested.
 */
int cmd_sleep_until(uint64_t deadline_ns);
uint64_t cmd_monotonic_ns(void);

/*
 * Parse an interval in seconds ("1", "0.25", "5.5"): a positive decimal
 * with up to 9 fractional digits. Returns 0 and *ns, or -1.
 */
int cmd_parse_interval(const char *s, uint64_t *ns);
/* Parse a count: a decimal integer >= 0. Returns 0 or -1. */
int cmd_parse_count(const char *s, uint64_t *count);
/* Whether s looks like an interval or count operand: [0-9]+(\.[0-9]+)? */
int cmd_is_number(const char *s);

/*
 * DSTATK_TEST_SNAPTIME (nanoseconds): every snapshot time fixed at that
 * value, for reproducible output in tests. Returns 0 when unset.
 */
uint64_t cmd_test_snaptime(void);

/* The text of --help and --version (stdout, exit 0). */
void cmd_help(void);
void cmd_version(void);

#endif
