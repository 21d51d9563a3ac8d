/*
 * softirq.c - softirqs per type and per CPU.
 *
 * Reads /proc/softirqs: a header "CPU0 CPU1 ..." naming the possible CPUs,
 * then one row per softirq type, "HI: <count per CPU>", the types of
 * softirq_to_name[] (HI TIMER NET_TX NET_RX BLOCK IRQ_POLL TASKLET SCHED
 * HRTIMER RCU). Format: Documentation/filesystems/proc.rst,
 * "/proc/softirqs"; fs/proc/softirqs.c show_softirqs(). Each count is an
 * unsigned int in the kernel (include/linux/kernel_stat.h).
 *
 * Emits softirq:<N>:softirqs per CPU of the header, one 32-bit counter
 * per row, named by the row's label without the colon.
 */
#include <stdint.h>
#include <string.h>

#include "../lib/collect.h"
#include "../lib/parse.h"
#include "providers.h"

#define SRC "/proc/softirqs"

/* The kernel has 10 types; room for many more before giving up. */
#define MAX_ROWS 64
/* "CPU" and a CPU number: enough for any 32-bit number. */
#define CPU_WORD_MAX DK_CPU_WORD_MAX

/*
 * The file is one row per type and the kstats are one per CPU, so each
 * row keeps a cursor that moves one count along per CPU.
 */
struct row {
	const char *label;
	size_t labellen;
	const char *p; /* the next count */
	unsigned lineno;
};

/* "  NET_RX:" into a row; -1 without a label and colon. */
static int
parse_label(const char *p, unsigned lineno, struct row *r)
{
	r->label = p = dk_skip_blanks(p);
	while (!dk_at_sep(p) && *p != ':')
		p++;
	r->labellen = (size_t)(p - r->label);
	if (*p != ':' || r->labellen == 0)
		return -1;
	r->p = p + 1;
	r->lineno = lineno;
	return 0;
}

/* Find the rows: 0 and *nrows, or -1 with ctx->err. */
static int
find_rows(struct dk_ctx *ctx, struct dk_lines *it, struct row *rows,
    size_t *nrows)
{
	const char *line;
	size_t len;

	*nrows = 0;
	while (dk_lines_next(it, &line, &len) == 0) {
		if (dk_at_eol(line))
			continue;
		if (*nrows == MAX_ROWS)
			return dk_ctx_bad_line(ctx, SRC, it->lineno,
			    "too many softirq rows");
		if (parse_label(line, it->lineno, &rows[*nrows]) != 0)
			return dk_ctx_bad_line(ctx, SRC, it->lineno,
			    "bad softirq label");
		if (dk_stat_name_reserved(rows[*nrows].label,
			rows[*nrows].labellen))
			return dk_ctx_bad_line(ctx, SRC, it->lineno,
			    "reserved statistic name");
		(*nrows)++;
	}
	return 0;
}

/* One CPU's kstat: the next count of every row. */
static int
add_cpu(struct dk_ctx *ctx, const char *inst, size_t instlen, struct row *rows,
    size_t nrows)
{
	union dk_value v;
	size_t i;

	if (dk_snap_begin(ctx->snap, "softirq", inst, instlen, "softirqs",
		"intr", SRC) != 0)
		return -1;
	for (i = 0; i < nrows; i++) {
		struct row *r = &rows[i];

		if (dk_at_eol(r->p))
			return dk_ctx_bad_line(ctx, SRC, r->lineno,
			    "fewer counts than CPUs");
		if (dk_scan_u64(&r->p, &v.u) != 0 || !dk_at_sep(r->p))
			return dk_ctx_bad_line(ctx, SRC, r->lineno,
			    "bad softirq count");
		if (dk_snap_add(ctx->snap, r->label, r->labellen, DK_T_UINT64,
			DK_K_COUNTER, 32, "1", v) != 0)
			return -1;
	}
	return 0;
}

static int
collect(struct dk_ctx *ctx)
{
	struct dk_text t;
	struct dk_lines it;
	struct row rows[MAX_ROWS];
	const char *hdr, *w;
	size_t len, nrows, i;
	int rc = dk_ctx_read(ctx, SRC, 0, &t);

	if (rc != 0)
		return rc < 0 ? -1 : 0;
	dk_lines_init(&it, t.data);
	if (dk_lines_next(&it, &hdr, &len) != 0)
		return 0;
	if (dk_cpu_header(hdr) == 0)
		return dk_ctx_bad_line(ctx, SRC, it.lineno, "bad CPU header");
	if (find_rows(ctx, &it, rows, &nrows) != 0)
		return -1;
	if (nrows == 0)
		return 0;
	/* The instance is the number after "CPU". */
	while ((len = dk_scan_word(&hdr, &w)) != 0)
		if (add_cpu(ctx, w + 3, len - 3, rows, nrows) != 0)
			return -1;
	for (i = 0; i < nrows; i++)
		if (!dk_at_eol(rows[i].p))
			return dk_ctx_bad_line(ctx, SRC, rows[i].lineno,
			    "more counts than CPUs");
	return 0;
}

const struct dk_provider dk_provider_softirq = {
	.module = "softirq",
	.description = "softirqs per type and per CPU",
	.sources = SRC,
	.collect = collect,
};
