/*
 * helpers.h - shared pieces of the cmocka unit tests.
 *
 * Tests run from the project root; fixture roots are tests/fixtures/<case>.
 */
#ifndef DK_TEST_HELPERS_H
#define DK_TEST_HELPERS_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/* cmocka.h needs the four headers above first. */
#include <cmocka.h>

#include "../lib/collect.h"
#include "../lib/snapshot.h"

/* Warnings collected by th_collect (one string, lines joined by '\n'). */
extern char th_warnings[4096];

/*
 * Collect the providers whose module is in the comma-separated list
 * (NULL: all) from a fixture root. Fails the test on error.
 */
struct dk_snap *th_collect(const char *root, const char *modules);

/* The statistic named by "module:instance:name:statistic"; NULL if absent. */
const struct dk_stat *th_stat(const struct dk_snap *s, const char *key);
/* Its unsigned value; fails the test if absent. */
uint64_t th_u64(const struct dk_snap *s, const char *key);
/* Whether the kstat module:instance:name exists. */
int th_has(const struct dk_snap *s, const char *key);

/* A malformed source and the exact warning it must give. */
struct th_bad {
	const char *text, *warning;
};

/*
 * For each case, in a fresh root: write path with the case's text, collect
 * module, and assert that nothing was emitted and the warning is exact.
 */
void th_expect_bad(const char *path, const char *module,
    const struct th_bad *cases, size_t ncases);

/*
 * In an empty root the module's sources are missing: no kstats and no
 * warning (a source this kernel lacks is not an error).
 */
void th_expect_absent(const char *module);

/* Write a file (creating directories) under a temporary root. */
void th_write(const char *root, const char *path, const char *text);
/* A new empty temporary directory (mkdtemp); remove with th_rmtree. */
char *th_tmpdir(void);
void th_rmtree(char *dir);

#endif
