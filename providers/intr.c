/*
 * intr.c - interrupts per IRQ and per CPU.
 *
 * Reads /proc/interrupts: a header "CPU0 CPU1 ..." naming the online CPUs
 * (possibly with gaps), then one row per IRQ, "<irq>: <count per CPU>
 * <chip> <hwirq> <trigger> <actions>", then the architecture's rows (NMI,
 * LOC, ... with a text after the counts; ERR and MIS with one global
 * count). Format: Documentation/filesystems/proc.rst, "/proc/interrupts";
 * kernel/irq/proc.c show_interrupts() and arch_show_interrupts() (x86:
 * arch/x86/kernel/irq.c). Each count is an unsigned int in the kernel.
 *
 * Emits intr:<irq>:irq per row, <irq> the row's label without the colon:
 * cpu<N> per CPU of the header (32-bit counters), or count for the global
 * rows, and description (the text after the counts, blanks collapsed) when
 * there is one.
 */
#include <stdint.h>
#include <string.h>

#include "../lib/collect.h"
#include "../lib/parse.h"
#include "../lib/strbuf.h"
#include "providers.h"

#define SRC "/proc/interrupts"

/* "CPU" and a CPU number: enough for any 32-bit number. */
#define CPU_WORD_MAX DK_CPU_WORD_MAX

/* A row as parse_row() found it. */
struct row {
	const char *label; /* the IRQ, without the colon */
	size_t labellen;
	const char *counts; /* where the counts start */
	const char *rest;   /* after the last count */
	unsigned n;	    /* how many counts */
	int global;	    /* one system-wide count, not one per CPU */
};

/*
 * Rows with one count for the whole system: ERR and MIS on x86 (MIPS and
 * Alpha print ERR, 32-bit ARM prints Err). Known by name, so the statistic
 * does not change with the number of CPUs.
 */
static int
is_global(const char *label, size_t len)
{
	return len == 3 &&
	    (memcmp(label, "ERR", 3) == 0 || memcmp(label, "MIS", 3) == 0 ||
		memcmp(label, "Err", 3) == 0);
}

/*
 * Split a row into label, counts and the text after them. A row may have
 * fewer counts than the header has CPUs; a count is a number followed by
 * a blank, so a chip name such as "12-edge" is never taken for one.
 */
static int
parse_row(const char *p, unsigned ncpu, struct row *r)
{
	const char *q;
	uint64_t v;
	unsigned max;

	r->label = p = dk_skip_blanks(p);
	while (!dk_at_sep(p) && *p != ':')
		p++;
	r->labellen = (size_t)(p - r->label);
	if (*p != ':' || r->labellen == 0)
		return -1;
	r->counts = ++p;
	r->global = is_global(r->label, r->labellen);
	max = r->global ? 1 : ncpu;
	for (r->n = 0; r->n < max; r->n++) {
		q = p;
		if (dk_scan_u64(&q, &v) != 0 || !dk_at_sep(q))
			break;
		p = q;
	}
	r->rest = p;
	return 0;
}

/* The text after the counts with runs of blanks made one space, trimmed. */
static void
collapse(struct dk_sb *sb, const char *p)
{
	const char *w;
	size_t len;

	dk_sb_reset(sb);
	while ((len = dk_scan_word(&p, &w)) != 0) {
		if (sb->len != 0)
			dk_sb_putc(sb, ' ');
		dk_sb_add(sb, w, len);
	}
}

/* Add the counts: named after the header's CPUs, or "count". */
static int
add_counts(struct dk_ctx *ctx, const char *hdr, const struct row *r)
{
	char name[CPU_WORD_MAX];
	const char *p = r->counts, *w;
	union dk_value v;
	size_t len;
	unsigned i;

	if (r->global) {
		(void)dk_scan_u64(&p, &v.u);
		return dk_snap_counter(ctx->snap, "count", v.u, 32, "1");
	}
	memcpy(name, "cpu", 3);
	for (i = 0; i < r->n; i++) {
		/* The header was checked and has a word for every count. */
		len = dk_scan_word(&hdr, &w);
		memcpy(name + 3, w + 3, len - 3);
		(void)dk_scan_u64(&p, &v.u);
		if (dk_snap_add(ctx->snap, name, len, DK_T_UINT64, DK_K_COUNTER,
			32, "1", v) != 0)
			return -1;
	}
	return 0;
}

static int
intr_row(struct dk_ctx *ctx, const char *hdr, unsigned ncpu, const char *line,
    unsigned lineno, struct dk_sb *sb)
{
	struct row r;

	if (parse_row(line, ncpu, &r) != 0)
		return dk_ctx_bad_line(ctx, SRC, lineno, "bad interrupt label");
	if (r.n == 0)
		return dk_ctx_bad_line(ctx, SRC, lineno, "no interrupt counts");
	if (dk_snap_begin(ctx->snap, "intr", r.label, r.labellen, "irq", "intr",
		SRC) != 0 ||
	    add_counts(ctx, hdr, &r) != 0)
		return -1;
	collapse(sb, r.rest);
	if (dk_sb_failed(sb))
		return dk_err_set(ctx->err, "out of memory");
	if (sb->len == 0)
		return 0;
	return dk_snap_string(ctx->snap, "description", sb->buf, sb->len);
}

static int
collect(struct dk_ctx *ctx)
{
	struct dk_text t;
	struct dk_lines it;
	struct dk_sb sb;
	const char *hdr, *line;
	size_t len;
	unsigned ncpu;
	int rc = dk_ctx_read(ctx, SRC, 0, &t);

	if (rc != 0)
		return rc < 0 ? -1 : 0;
	dk_lines_init(&it, t.data);
	if (dk_lines_next(&it, &hdr, &len) != 0)
		return 0;
	ncpu = dk_cpu_header(hdr);
	if (ncpu == 0)
		return dk_ctx_bad_line(ctx, SRC, it.lineno, "bad CPU header");
	/* One buffer for every row's description, freed with the sample. */
	dk_sb_init(&sb);
	while (rc == 0 && dk_lines_next(&it, &line, &len) == 0) {
		/* Captures in the wild hold empty lines (the procfs one does).
		 */
		if (!dk_at_eol(line))
			rc = intr_row(ctx, hdr, ncpu, line, it.lineno, &sb);
	}
	dk_sb_release(&sb);
	return rc;
}

const struct dk_provider dk_provider_intr = {
	.module = "intr",
	.description = "interrupts per IRQ and per CPU",
	.sources = SRC,
	.collect = collect,
};
