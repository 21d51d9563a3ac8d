/*
 * hotloop.c - table mode's work per sample without waiting: collect,
 * compute and render dstatk -cdngy's views N times in a row and write each
 * line to stdout, as dstat's loop does on a fake clock
 * (bench/dstat_fastclock.py). Built by bench/table.sh against the
 * library. Usage: hotloop N
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "../lib/collect.h"
#include "../lib/render.h"
#include "../lib/table.h"

int main(int argc, char **argv);

int
main(int argc, char **argv)
{
	static const char *const req[] = { "cpu", "disk", "net", "page",
		"sys" };
	struct dk_err err = { "" };
	struct dk_modset mods = { { 0 }, 0 };
	struct dk_table_opts o = { .pagesize = 4096 };
	struct dk_render r = { 0, 0, 0 };
	struct dk_collector *c = dk_collector_new("/", &err);
	struct dk_snap *a = dk_snap_new(), *b = dk_snap_new(), *s;
	struct dk_table *t;
	struct dk_want *w;
	struct dk_val v[64];
	struct dk_sb sb;
	long i, n = argc > 1 ? atol(argv[1]) : 1000;

	if (c == NULL || a == NULL || b == NULL ||
	    dk_modset_add(&mods, req, 5, &err) != 0 ||
	    dk_collect(c, a, dk_modset_want, &mods, NULL, NULL, &err) != 0 ||
	    (t = dk_table_new(req, 5, &o, a, NULL, NULL, &err)) == NULL) {
		fprintf(stderr, "hotloop: %s\n", err.msg);
		return 3;
	}
	dk_modset_del(&mods, "uptime");
	/* As the command does: later samples build what the table reads. */
	w = dk_want_new();
	if (w == NULL || dk_table_want(t, w) != 0)
		return 3;
	dk_collector_set_want(c, w);
	dk_sb_init(&sb);
	for (i = 0; i < n; i++) {
		dk_collect(c, b, dk_modset_want, &mods, NULL, NULL, &err);
		dk_table_compute(t, a, b, 0, v);
		dk_sb_reset(&sb);
		dk_render_row(&sb, t, v, dk_table_ngroups(t), 1, &r);
		dk_sb_putc(&sb, '\n');
		if (write(STDOUT_FILENO, sb.buf, sb.len) < 0)
			return 3;
		s = a;
		a = b;
		b = s;
	}
	dk_sb_release(&sb);
	dk_table_free(t);
	dk_snap_free(a);
	dk_snap_free(b);
	dk_collector_free(c);
	dk_want_free(w);
	return 0;
}
