/*
 * view.c - the table of views; see view.h.
 *
 * Columns, titles, types, widths and scales are dstat 0.7.4's (its
 * internal plugins, /usr/bin/dstat lines 580-1700), so the tables look the
 * same; the formulas are dstat's too, on dstatk's records. Where dstat's
 * source differs from what it computes elsewhere the comment says why.
 */
#include "view.h"

#include <string.h>

#include "collect.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

#define COL(n, e, o, t, w, s)                                                \
	{                                                                    \
		.nick = (n), .expr = (e), .op = (o), .fmt = {(t), (w), (s) } \
	}
#define RATE(n, e, t, w, s) COL(n, e, DK_OP_RATE, t, w, s)
#define GAUGE(n, e, t, w, s) COL(n, e, DK_OP_GAUGE, t, w, s)
#define PCT(n, e) COL(n, e, DK_OP_SHARE, 'p', 3, 34)

/*
 * dstat's cpu: user time includes nice, irq and softirq; guest time is
 * already inside user, so the whole leaves it out.
 */
#define CPU_WHOLE "user+nice+system+idle+iowait+irq+softirq+steal"

static const struct dk_col cpu_cols[] = {
	PCT("usr", "user+nice+irq+softirq"),
	PCT("sys", "system"),
	PCT("idl", "idle"),
	PCT("wai", "iowait"),
	PCT("stl", "steal"),
};

static const struct dk_col cpu_adv_cols[] = {
	PCT("usr", "user+nice"),
	PCT("sys", "system"),
	PCT("idl", "idle"),
	PCT("wai", "iowait"),
	PCT("hiq", "irq"),
	PCT("siq", "softirq"),
	PCT("stl", "steal"),
};

/* Everything but idle: dstat's 100 - idle%. */
static const struct dk_col cpu_use_cols[] = {
	PCT("", "user+nice+system+iowait+irq+softirq+steal"),
};

static const struct dk_col disk_cols[] = {
	RATE("read", "read_bytes", 'b', 5, 1024),
	RATE("writ", "write_bytes", 'b', 5, 1024),
};

static const struct dk_col io_cols[] = {
	RATE("read", "reads_completed", 'f', 5, 1000),
	RATE("writ", "writes_completed", 'f', 5, 1000),
};

static const struct dk_col net_cols[] = {
	RATE("recv", "rx_bytes", 'b', 5, 1024),
	RATE("send", "tx_bytes", 'b', 5, 1024),
};

/* Swap traffic in pages, shown in bytes (not pgpgin/pgpgout). */
static const struct dk_col page_cols[] = {
	{ .nick = "in",
	    .expr = "pswpin",
	    .op = DK_OP_RATE,
	    .fmt = { 'd', 5, 1024 },
	    .flags = DK_COL_PAGES },
	{ .nick = "out",
	    .expr = "pswpout",
	    .op = DK_OP_RATE,
	    .fmt = { 'd', 5, 1024 },
	    .flags = DK_COL_PAGES },
};

static const struct dk_col sys_cols[] = {
	RATE("int", "intr", 'd', 5, 1000),
	RATE("csw", "ctxt", 'd', 5, 1000),
};

/* dstat's "used": the cache that can be dropped is not used. */
#define MEM_USED "MemTotal-MemFree-Buffers-Cached-SReclaimable+Shmem"

static const struct dk_col mem_cols[] = {
	GAUGE("used", MEM_USED, 'f', 5, 1024),
	GAUGE("free", "MemFree", 'f', 5, 1024),
	GAUGE("buff", "Buffers", 'f', 5, 1024),
	GAUGE("cach", "Cached", 'f', 5, 1024),
};

static const struct dk_col mem_adv_cols[] = {
	GAUGE("total", "MemTotal", 'f', 5, 1024),
	GAUGE("used", MEM_USED, 'f', 5, 1024),
	GAUGE("free", "MemFree", 'f', 5, 1024),
	GAUGE("buff", "Buffers", 'f', 5, 1024),
	GAUGE("cach", "Cached", 'f', 5, 1024),
	GAUGE("dirty", "Dirty", 'f', 5, 1024),
	GAUGE("shmem", "Shmem", 'f', 5, 1024),
	GAUGE("recl", "SReclaimable", 'f', 5, 1024),
};

static const struct dk_col swap_cols[] = {
	GAUGE("used", "used", 'd', 5, 1024),
	GAUGE("free", "size-used", 'd', 5, 1024),
};

static const struct dk_col load_cols[] = {
	GAUGE("1m", "avg1", 'f', 4, 0.5),
	GAUGE("5m", "avg5", 'f', 4, 0.5),
	GAUGE("15m", "avg15", 'f', 4, 0.5),
};

/*
 * procs_running counts the task reading /proc/stat, dstatk itself: dstat
 * takes one off. Unlike dstat, run and blk are not summed over the
 * intermediate updates of a line: they are gauges, shown as read.
 */
static const struct dk_col proc_cols[] = {
	{ .nick = "run",
	    .expr = "procs_running",
	    .op = DK_OP_GAUGE,
	    .fmt = { 'f', 3, 10 },
	    .offset = -1,
	    .flags = DK_COL_NONNEG },
	GAUGE("blk", "procs_blocked", 'f', 3, 10),
	RATE("new", "processes", 'f', 3, 10),
};

/* ERR and MIS have one global count instead of one per CPU. */
static const struct dk_col int_cols[] = {
	RATE("", "cpu*+count", 'd', 5, 1000),
};

static const struct dk_col time_cols[] = {
	COL("time", NULL, DK_OP_TIME, 's', 14, 0),
};

static const struct dk_col epoch_cols[] = {
	COL("epoch", NULL, DK_OP_EPOCH, 'f', 10, 0),
};

static const struct dk_col fs_cols[] = {
	{ .nick = "files",
	    .expr = "allocated",
	    .kname = "file-nr",
	    .op = DK_OP_GAUGE,
	    .fmt = { 'd', 6, 1000 } },
	{ .nick = "inodes",
	    .expr = "nr_inodes-nr_free_inodes",
	    .kname = "inode-nr",
	    .op = DK_OP_GAUGE,
	    .fmt = { 'd', 6, 1000 } },
};

static const struct dk_col vm_cols[] = {
	RATE("majpf", "pgmajfault", 'd', 5, 1000),
	RATE("minpf", "pgfault", 'd', 5, 1000),
	RATE("alloc", "pgalloc_*", 'd', 5, 1000),
	RATE("free", "pgfree", 'd', 5, 1000),
};

/*
 * dstat summed pgscan_direct_*, which counts pgscan_direct_throttle (a
 * count of throttling, not of pages) and, since 4.8, sums the same pages
 * twice through pgsteal_anon and pgsteal_file: the zones are named here.
 */
static const struct dk_col vm_adv_cols[] = {
	RATE("steal", "pgsteal_kswapd*+pgsteal_direct*+pgsteal_khugepaged*",
	    'd', 5, 1000),
	RATE("scanK", "pgscan_kswapd*", 'd', 5, 1000),
	RATE("scanD",
	    "pgscan_direct+pgscan_direct_dma+pgscan_direct_dma32+"
	    "pgscan_direct_normal+pgscan_direct_movable+pgscan_direct_high",
	    'd', 5, 1000),
	RATE("pgoru", "pageoutrun", 'd', 5, 1000),
	RATE("astll", "allocstall*", 'd', 5, 1000),
};

/*
 * Pressure stall: the share of the interval some (or all, "full") tasks
 * waited for the resource, from the exact stall time (ns) rather than the
 * kernel's 10-second averages: ns per second times 1e-7 is percent.
 */
#define PSI(n, i, k)                                                     \
	{                                                                \
		.nick = (n), .expr = "total", .inst = (i), .kname = (k), \
		.op = DK_OP_RATE, .fmt = { 'f', 4, 34 }, .mult = 1e-7    \
	}

static const struct dk_col psi_cols[] = {
	PSI("cpu", "cpu", "some"),
	PSI("io", "io", "some"),
	PSI("iof", "io", "full"),
	PSI("mem", "memory", "some"),
	PSI("memf", "memory", "full"),
};

#define LISTVIEW(m, k, d, tot, l, dflt)                               \
	.module = (m), .kname = (k), .mode = DK_IM_LIST, .disc = (d), \
	.total = (tot), .list = (l), .def = (dflt)

const struct dk_view dk_views[] = {
	{ .name = "cpu",
	    .opt = 'c',
	    .desc = "CPU usage, percent",
	    LISTVIEW("cpu", "times", DK_DISC_CPU, DK_TOT_KSTAT, 'C', "total"),
	    .title = "total cpu usage",
	    .inst_title = "cpu%s usage",
	    .share = CPU_WHOLE,
	    .cols = cpu_cols,
	    .ncols = N(cpu_cols) },
	{ .name = "cpu-adv",
	    .desc = "CPU usage with hard and soft IRQ time",
	    LISTVIEW("cpu", "times", DK_DISC_CPU, DK_TOT_KSTAT, 'C', "total"),
	    .title = "total cpu usage",
	    .inst_title = "cpu%s usage",
	    .share = CPU_WHOLE,
	    .cols = cpu_adv_cols,
	    .ncols = N(cpu_adv_cols) },
	{ .name = "cpu-use",
	    .desc = "busy percent, one column per CPU",
	    .module = "cpu",
	    .kname = "times",
	    .mode = DK_IM_COLS,
	    .disc = DK_DISC_CPU,
	    .total = DK_TOT_KSTAT,
	    .list = 'C',
	    .title = "per cpu usage",
	    .share = CPU_WHOLE,
	    .cols = cpu_use_cols,
	    .ncols = N(cpu_use_cols) },
	{ .name = "disk",
	    .opt = 'd',
	    .desc = "disk bytes read and written",
	    LISTVIEW("disk", "io", DK_DISC_DISK, DK_TOT_DISK, 'D', "total"),
	    .title = "dsk/total",
	    .inst_title = "dsk/%s",
	    .cols = disk_cols,
	    .ncols = N(disk_cols) },
	{ .name = "io",
	    .opt = 'r',
	    .desc = "disk requests completed",
	    LISTVIEW("disk", "io", DK_DISC_DISK, DK_TOT_DISK, 'D', "total"),
	    .title = "io/total",
	    .inst_title = "io/%s",
	    .cols = io_cols,
	    .ncols = N(io_cols) },
	{ .name = "net",
	    .opt = 'n',
	    .desc = "network bytes received and sent",
	    LISTVIEW("net", "stats", DK_DISC_NET, DK_TOT_NET, 'N', "total"),
	    .title = "net/total",
	    .inst_title = "net/%s",
	    .cols = net_cols,
	    .ncols = N(net_cols) },
	{ .name = "page",
	    .opt = 'g',
	    .desc = "swap paging in and out, bytes",
	    .module = "vm",
	    .kname = "vmstat",
	    .inst = "0",
	    .title = "paging",
	    .cols = page_cols,
	    .ncols = N(page_cols) },
	{ .name = "sys",
	    .opt = 'y',
	    .desc = "interrupts and context switches",
	    .module = "sys",
	    .kname = "stat",
	    .inst = "0",
	    .title = "system",
	    .cols = sys_cols,
	    .ncols = N(sys_cols) },
	{ .name = "mem",
	    .opt = 'm',
	    .desc = "memory used, free, buffers, cache",
	    .module = "mem",
	    .kname = "meminfo",
	    .inst = "0",
	    .title = "memory usage",
	    .cols = mem_cols,
	    .ncols = N(mem_cols) },
	{ .name = "mem-adv",
	    .desc = "memory with total, dirty, shmem, "
		    "reclaimable",
	    .module = "mem",
	    .kname = "meminfo",
	    .inst = "0",
	    .title = "advanced memory usage",
	    .cols = mem_adv_cols,
	    .ncols = N(mem_adv_cols) },
	{ .name = "swap",
	    .opt = 's',
	    .desc = "swap used and free",
	    LISTVIEW("swap", "swap", DK_DISC_SWAP, DK_TOT_ALL, 'S', "total"),
	    .title = "swap",
	    .inst_title = "swp/%s",
	    .cols = swap_cols,
	    .ncols = N(swap_cols) },
	{ .name = "load",
	    .opt = 'l',
	    .desc = "load averages",
	    .module = "load",
	    .kname = "loadavg",
	    .inst = "0",
	    .title = "load avg",
	    .cols = load_cols,
	    .ncols = N(load_cols) },
	{ .name = "proc",
	    .opt = 'p',
	    .desc = "runnable and blocked tasks, forks",
	    .module = "sys",
	    .kname = "stat",
	    .inst = "0",
	    .title = "procs",
	    .cols = proc_cols,
	    .ncols = N(proc_cols) },
	{ .name = "int",
	    .opt = 'i',
	    .desc = "interrupts per IRQ",
	    .module = "intr",
	    .kname = "irq",
	    .mode = DK_IM_COLS,
	    .disc = DK_DISC_IRQ,
	    .total = DK_TOT_ALL,
	    .list = 'I',
	    .title = "interrupts",
	    .cols = int_cols,
	    .ncols = N(int_cols) },
	{ .name = "time",
	    .opt = 't',
	    .desc = "date and time of the sample",
	    .mode = DK_IM_CLOCK,
	    .title = "system",
	    .cols = time_cols,
	    .ncols = N(time_cols) },
	{ .name = "epoch",
	    .opt = 'T',
	    .desc = "seconds since the epoch",
	    .mode = DK_IM_CLOCK,
	    .title = "epoch",
	    .cols = epoch_cols,
	    .ncols = N(epoch_cols) },
	{ .name = "fs",
	    .desc = "open files and inodes in use",
	    .module = "fs",
	    .kname = "file-nr",
	    .inst = "0",
	    .title = "filesystem",
	    .cols = fs_cols,
	    .ncols = N(fs_cols) },
	{ .name = "vm",
	    .desc = "page faults, allocations and frees",
	    .module = "vm",
	    .kname = "vmstat",
	    .inst = "0",
	    .title = "virtual memory",
	    .cols = vm_cols,
	    .ncols = N(vm_cols) },
	{ .name = "vm-adv",
	    .desc = "page reclaim: stolen, scanned, stalls",
	    .module = "vm",
	    .kname = "vmstat",
	    .inst = "0",
	    .title = "advanced virtual memory",
	    .cols = vm_adv_cols,
	    .ncols = N(vm_adv_cols) },
	{ .name = "psi",
	    .desc = "pressure stall, percent of the interval",
	    .module = "psi",
	    .kname = "some",
	    .inst = "cpu",
	    .title = "pressure stall",
	    .cols = psi_cols,
	    .ncols = N(psi_cols) },
};

const size_t dk_nviews = N(dk_views);

const struct dk_view *
dk_view_find(const char *name)
{
	size_t i;

	if (strcmp(name, "filesystem") == 0)
		name = "fs";
	for (i = 0; i < dk_nviews; i++)
		if (strcmp(dk_views[i].name, name) == 0)
			return &dk_views[i];
	return NULL;
}

/* Pad what was appended since start to width (at least one blank). */
static void
pad_to(struct dk_sb *sb, size_t start, size_t width)
{
	size_t used = sb->len - start;

	dk_sb_pad(sb, ' ', used < width ? width - used : 1);
}

/*
 * Its short option, or the long one; -p alone is dump mode, so proc is
 * --proc (-p only works next to other views).
 */
static void
list_options(struct dk_sb *sb, const struct dk_view *v)
{
	if (v->opt != 0 && v->opt != 'p')
		dk_sb_printf(sb, "-%c", v->opt);
	else
		dk_sb_printf(sb, "--%s", v->name);
	if (v->list != 0)
		dk_sb_printf(sb, " -%c", v->list);
}

static void
list_columns(struct dk_sb *sb, const struct dk_view *v)
{
	size_t i;

	if (v->mode == DK_IM_COLS) {
		dk_sb_puts(sb,
		    v->disc == DK_DISC_IRQ ? "one per IRQ" : "one per CPU");
		return;
	}
	for (i = 0; i < v->ncols; i++)
		dk_sb_printf(sb, "%s%s", i != 0 ? " " : "", v->cols[i].nick);
}

void
dk_view_list(struct dk_sb *sb)
{
	size_t i, start;

	dk_sb_puts(sb,
	    "view     options       columns                        "
	    "            sources\n");
	for (i = 0; i < dk_nviews; i++) {
		const struct dk_view *v = &dk_views[i];
		const struct dk_provider *p =
		    v->module != NULL ? dk_provider_find(v->module) : NULL;

		start = sb->len;
		dk_sb_puts(sb, v->name);
		pad_to(sb, start, 9);
		start = sb->len;
		list_options(sb, v);
		pad_to(sb, start, 14);
		start = sb->len;
		list_columns(sb, v);
		pad_to(sb, start, 43);
		if (p != NULL)
			dk_sb_puts(sb, p->sources);
		else
			dk_sb_puts(sb, "the clock");
		dk_sb_printf(sb, "\n%23s%s\n", "", v->desc);
	}
}
