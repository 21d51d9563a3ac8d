/* helpers.c - shared pieces of the unit tests; see helpers.h. */
#include "helpers.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

char th_warnings[4096];

static int
want_module(void *arg, const char *module)
{
	const char *list = arg;
	size_t n = strlen(module);

	while (list != NULL && *list != '\0') {
		const char *end = strchr(list, ',');
		size_t len = end != NULL ? (size_t)(end - list) : strlen(list);

		if (len == n && strncmp(list, module, n) == 0)
			return 1;
		list = end != NULL ? end + 1 : NULL;
	}
	return 0;
}

static void
warn(void *arg, const char *msg)
{
	size_t used = strlen(th_warnings);

	(void)arg;
	(void)snprintf(th_warnings + used, sizeof(th_warnings) - used, "%s%s",
	    used != 0 ? "\n" : "", msg);
}

struct dk_snap *
th_collect(const char *root, const char *modules)
{
	struct dk_err err = { "" };
	struct dk_collector *c = dk_collector_new(root, &err);
	struct dk_snap *s = dk_snap_new();

	th_warnings[0] = '\0';
	if (c == NULL)
		fail_msg("collector: %s", err.msg);
	assert_non_null(s);
	if (dk_collect(c, s, modules != NULL ? want_module : NULL,
		(void *)(uintptr_t)modules, warn, NULL, &err) != 0)
		fail_msg("collect: %s", err.msg);
	dk_collector_free(c);
	return s;
}

static int
split4(const char *key, char f[4][256])
{
	int i = 0;
	const char *p = key;

	for (i = 0; i < 4; i++) {
		const char *end = strchr(p, ':');
		size_t len =
		    end != NULL && i < 3 ? (size_t)(end - p) : strlen(p);

		if (len >= 256)
			return -1;
		memcpy(f[i], p, len);
		f[i][len] = '\0';
		if (i < 3) {
			if (end == NULL)
				return i + 1;
			p = end + 1;
		}
	}
	return 4;
}

const struct dk_stat *
th_stat(const struct dk_snap *s, const char *key)
{
	char f[4][256];
	const struct dk_kstat *ks;

	if (split4(key, f) != 4)
		fail_msg("bad key %s", key);
	ks = dk_snap_find(s, f[0], f[1], f[2]);
	return ks != NULL ? dk_kstat_stat(ks, f[3]) : NULL;
}

uint64_t
th_u64(const struct dk_snap *s, const char *key)
{
	const struct dk_stat *st = th_stat(s, key);

	if (st == NULL)
		fail_msg("no statistic %s", key);
	return dk_stat_u64(st);
}

int
th_has(const struct dk_snap *s, const char *key)
{
	char f[4][256];

	if (split4(key, f) != 3)
		fail_msg("bad kstat key %s", key);
	return dk_snap_find(s, f[0], f[1], f[2]) != NULL;
}

static void
mkdirs(char *path)
{
	char *p;

	for (p = path + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(path, 0755) != 0 && errno != EEXIST)
			fail_msg("mkdir %s: %s", path, strerror(errno));
		*p = '/';
	}
}

void
th_write(const char *root, const char *path, const char *text)
{
	char full[4096];
	FILE *f;

	(void)snprintf(full, sizeof(full), "%s/%s", root, path);
	mkdirs(full);
	f = fopen(full, "w");
	if (f == NULL)
		fail_msg("cannot write %s: %s", full, strerror(errno));
	(void)fputs(text, f);
	(void)fclose(f);
}

char *
th_tmpdir(void)
{
	char tmpl[] = "/tmp/dstatk-test-XXXXXX";
	char *d = mkdtemp(tmpl);

	if (d == NULL)
		fail_msg("mkdtemp: %s", strerror(errno));
	return strdup(d);
}

void
th_rmtree(char *dir)
{
	char cmd[4200];

	(void)snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fail_msg("cannot remove %s", dir);
	free(dir);
}

void
th_expect_bad(const char *path, const char *module, const struct th_bad *cases,
    size_t ncases)
{
	size_t i;

	for (i = 0; i < ncases; i++) {
		char *root = th_tmpdir();
		struct dk_snap *s;

		th_write(root, path, cases[i].text);
		s = th_collect(root, module);
		if (dk_snap_count(s) != 0)
			fail_msg("case %zu (%s): %zu kstats emitted", i,
			    cases[i].text, dk_snap_count(s));
		assert_string_equal(th_warnings, cases[i].warning);
		dk_snap_free(s);
		th_rmtree(root);
	}
}

void
th_expect_absent(const char *module)
{
	char *root = th_tmpdir();
	struct dk_snap *s = th_collect(root, module);

	assert_int_equal(dk_snap_count(s), 0);
	assert_string_equal(th_warnings, "");
	dk_snap_free(s);
	th_rmtree(root);
}
