/*
 * dstatk.c - main: picks dump mode (kstat-style records) or table mode
 * (dstat-style delta tables) from the command line.
 *
 * Dump mode: any of -j -L -q, --module --instance --name --statistic
 * --class, -T u|d, or an operand that is not a number. -p is dump mode too,
 * unless a table view is asked for on the same command line (then it is
 * dstat's -p, --proc, as in `dstatk -tcmndylp 5`). Everything else is
 * table mode, as dstat.
 */
#include <string.h>

#include "common.h"
#include "dump.h"
#include "table.h"

/* Short options of either mode that take an argument. */
static int
short_takes_arg(char c)
{
	return strchr("CDIMNSo", c) != NULL;
}

/* Long options that take an argument (as "--opt val"). */
static int
long_takes_arg(const char *opt)
{
	static const char *const with_arg[] = { "--output", "--root", "--stat",
		"--module", "--instance", "--name", "--statistic", "--class",
		NULL };
	size_t i;

	if (strchr(opt, '=') != NULL)
		return 0;
	for (i = 0; with_arg[i] != NULL; i++)
		if (strcmp(opt, with_arg[i]) == 0)
			return 1;
	return 0;
}

static int
is_dump_long(const char *opt)
{
	static const char *const dump_opts[] = { "--json", "--parseable",
		"--keys", "--quiet", "--module", "--instance", "--name",
		"--statistic", "--class", "--timestamp", NULL };
	size_t i, n;

	for (i = 0; dump_opts[i] != NULL; i++) {
		n = strlen(dump_opts[i]);
		if (strncmp(opt, dump_opts[i], n) == 0 &&
		    (opt[n] == '\0' || opt[n] == '='))
			return 1;
	}
	return 0;
}

struct scan {
	int dump;   /* a dump-only option or a selector operand */
	int p_flag; /* -p seen */
	int view;   /* a table view or table-only option seen */
};

/* One bundle of short options ("-tcmndylp"); returns arguments consumed. */
static int
scan_short(struct scan *sc, const char *arg, const char *next)
{
	const char *p;

	for (p = arg + 1; *p != '\0'; p++) {
		if (*p == 'T' && p[1] == '\0' && next != NULL &&
		    (strcmp(next, "u") == 0 || strcmp(next, "d") == 0)) {
			sc->dump = 1;
			return 1;
		}
		if (*p == 'T' && (p[1] == 'u' || p[1] == 'd') && p[2] == '\0') {
			sc->dump = 1;
			return 0;
		}
		if (strchr("jLq", *p) != NULL)
			sc->dump = 1;
		else if (*p == 'p')
			sc->p_flag = 1;
		else if (*p != 'h' && *p != 'V')
			sc->view = 1;
		if (short_takes_arg(*p))
			return p[1] == '\0' && next != NULL ? 1 : 0;
	}
	return 0;
}

static int
is_dump_mode(int argc, char **argv)
{
	struct scan sc = { 0, 0, 0 };
	int i;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i],
			   *next = i + 1 < argc ? argv[i + 1] : NULL;

		if (strcmp(a, "--") == 0) {
			for (i++; i < argc; i++)
				if (!cmd_is_number(argv[i]))
					sc.dump = 1;
			break;
		}
		if (a[0] == '-' && a[1] == '-') {
			if (is_dump_long(a))
				sc.dump = 1;
			else if (strcmp(a, "--root") != 0 &&
			    strncmp(a, "--root=", 7) != 0 &&
			    strcmp(a, "--help") != 0 &&
			    strcmp(a, "--version") != 0)
				sc.view = 1;
			if (long_takes_arg(a))
				i++;
		} else if (a[0] == '-' && a[1] != '\0') {
			i += scan_short(&sc, a, next);
		} else if (!cmd_is_number(a)) {
			sc.dump = 1;
		}
	}
	return sc.dump || (sc.p_flag && !sc.view);
}

int
main(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
		if (strcmp(argv[i], "--help") == 0 ||
		    strcmp(argv[i], "-h") == 0)
			cmd_help();
		if (strcmp(argv[i], "--version") == 0 ||
		    strcmp(argv[i], "-V") == 0)
			cmd_version();
	}
	cmd_signals_init();
	if (is_dump_mode(argc, argv))
		return dump_main(argc, argv);
	return table_main(argc, argv);
}
