/*
 * test_table.c - the table engine on snapshots built by hand, with known
 * snapshot times: every value asserted exactly.
 */
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/table.h"

#define SEC 1000000000ull

/*
 * A snapshot from a spec: kstats separated by ';', each
 * "module instance name stat=v ...". A plain value is a 64-bit counter,
 * "stat/32=v" a 32-bit one, "stat#=v" a gauge, "stat~=v" a double,
 * "stat$=text" a string. "@crtime=ns" sets the kstat's crtime.
 */
static const char *
unit_of(const char *name)
{
	if (strstr(name, "bytes") != NULL)
		return "bytes";
	return strstr(name, "_ns") != NULL ? "ns" : "1";
}

static void
add_stat(struct dk_snap *s, char *word)
{
	char *eq = strchr(word, '='), *val;
	size_t n;
	int rc;

	assert_non_null(eq);
	*eq = '\0';
	val = eq + 1;
	n = strlen(word);
	switch (word[n - 1]) {
	case '#':
		word[n - 1] = '\0';
		rc = dk_snap_gauge(s, word, strtoull(val, NULL, 10), "1");
		break;
	case '~':
		word[n - 1] = '\0';
		rc = dk_snap_double(s, word, strtod(val, NULL), "1");
		break;
	case '$':
		word[n - 1] = '\0';
		rc = dk_snap_string(s, word, val, strlen(val));
		break;
	default:
		if (n > 3 && strcmp(word + n - 3, "/32") == 0) {
			word[n - 3] = '\0';
			rc = dk_snap_counter(s, word, strtoull(val, NULL, 10),
			    32, "1");
		} else {
			rc = dk_snap_counter(s, word, strtoull(val, NULL, 10),
			    64, unit_of(word));
		}
	}
	assert_int_equal(rc, 0);
}

struct crfix {
	char key[128];
	uint64_t crtime;
};

static struct dk_snap *
build(uint64_t t, const char *spec)
{
	struct dk_snap *s = dk_snap_new();
	char *copy = strdup(spec), *ks, *save1 = NULL;
	struct crfix fix[16];
	size_t nfix = 0, i;

	assert_non_null(s);
	dk_snap_set_time(s, t);
	for (ks = strtok_r(copy, ";", &save1); ks != NULL;
	     ks = strtok_r(NULL, ";", &save1)) {
		char *save2 = NULL, *mod = strtok_r(ks, " ", &save2);
		char *inst = strtok_r(NULL, " ", &save2);
		char *name = strtok_r(NULL, " ", &save2), *w;

		assert_int_equal(dk_snap_begins(s,
				     dk_snap_strdup(s, mod, strlen(mod)), inst,
				     dk_snap_strdup(s, name, strlen(name)),
				     "test", "test"),
		    0);
		while ((w = strtok_r(NULL, " ", &save2)) != NULL) {
			if (strncmp(w, "@crtime=", 8) == 0) {
				(void)snprintf(fix[nfix].key,
				    sizeof(fix[nfix].key), "%s:%s:%s", mod,
				    inst, name);
				fix[nfix++].crtime = strtoull(w + 8, NULL, 10);
				continue;
			}
			add_stat(s, w);
		}
	}
	dk_snap_finish(s);
	for (i = 0; i < nfix; i++) {
		char *a = fix[i].key, *b = strchr(a, ':'), *c;

		*b++ = '\0';
		c = strchr(b, ':');
		*c++ = '\0';
		((struct dk_kstat *)(uintptr_t)dk_snap_find(s, a, b, c))
		    ->crtime_ns = fix[i].crtime;
	}
	free(copy);
	return s;
}

static char warnings[2048];

static void
warn(void *arg, const char *msg)
{
	size_t n = strlen(warnings);

	(void)arg;
	(void)snprintf(warnings + n, sizeof(warnings) - n, "%s%s",
	    n != 0 ? "\n" : "", msg);
}

static struct dk_table *
table(const char *reqs, const struct dk_table_opts *o,
    const struct dk_snap *first)
{
	static char buf[512];
	const char *req[16];
	size_t n = 0;
	char *save = NULL, *r;
	struct dk_err err = { "" };
	struct dk_table_opts none = { 0 };
	struct dk_table *t;

	(void)snprintf(buf, sizeof(buf), "%s", reqs);
	for (r = strtok_r(buf, " ", &save); r != NULL;
	     r = strtok_r(NULL, " ", &save))
		req[n++] = r;
	warnings[0] = '\0';
	t = dk_table_new(req, n, o != NULL ? o : &none, first, warn, NULL,
	    &err);
	if (t == NULL)
		fail_msg("table %s: %s", reqs, err.msg);
	return t;
}

/* Values of the interval old..cur (old NULL: since boot). */
static struct dk_val *
values(struct dk_table *t, const struct dk_snap *old, const struct dk_snap *cur)
{
	static struct dk_val v[256];

	assert_true(dk_table_nvalues(t) <= 256);
	dk_table_compute(t, old, cur, 0, v);
	return v;
}

static void
assert_val(const struct dk_val *v, double want)
{
	if (v->state != DK_V_OK)
		fail_msg("state %d, want a value %.17g", v->state, want);
	if (v->v != want)
		fail_msg("value %.17g, want %.17g", v->v, want);
}

/* For values that went through a multiplication by 1e-7 or 1e-9. */
static void
assert_near(const struct dk_val *v, double want)
{
	double d = v->v - want;

	if (v->state != DK_V_OK)
		fail_msg("state %d, want a value %.17g", v->state, want);
	if (d > want * 1e-12 || d < -want * 1e-12)
		fail_msg("value %.17g, want %.17g", v->v, want);
}

#define CPU(u, n, s, i, w, q, sq, st)                                      \
	"cpu total times user=" #u "0000000 nice=" #n "0000000 system=" #s \
	"0000000 idle=" #i "0000000 iowait=" #w "0000000 irq=" #q          \
	"0000000 softirq=" #sq "0000000 steal=" #st                        \
	"0000000 guest=0 guest_nice=0"

static void
test_cpu_percent(void **state)
{
	struct dk_snap *a = build(10 * SEC, CPU(100, 10, 50, 800, 40, 0, 0, 0));
	struct dk_snap *b = build(11 * SEC, CPU(120, 15, 60, 850, 45, 3, 2, 5));
	struct dk_table *t = table("cpu", NULL, a);
	struct dk_val *v;

	(void)state;
	assert_int_equal(dk_table_nvalues(t), 5);
	assert_string_equal(dk_table_group(t, 0)->titles[0], "total cpu usage");
	assert_string_equal(dk_table_group(t, 0)->cols[4].nick, "stl");
	/* deltas: user 20 nice 5 sys 10 idle 50 wait 5 irq 3 soft 2 st 5 */
	v = values(t, a, b);
	assert_val(&v[0], 30); /* usr = user+nice+irq+softirq */
	assert_val(&v[1], 10);
	assert_val(&v[2], 50);
	assert_val(&v[3], 5);
	assert_val(&v[4], 5);
	/* Since boot: shares of the totals (1000 of which usr 110). */
	v = values(t, NULL, a);
	assert_val(&v[0], 11);
	assert_val(&v[2], 80);
	assert_val(&v[3], 4);
	/* No time passed: 0, as dstat. */
	v = values(t, a, a);
	assert_int_equal(v[0].state, DK_V_NONE);
	dk_table_free(t);
	dk_snap_free(a);
	dk_snap_free(b);
}

static void
test_cpu_adv_and_list(void **state)
{
	const char *cpus = CPU(100, 10, 50, 800, 40, 0, 0,
	    0) ";cpu 0 times user=10 idle=90;cpu 1 times user=50 idle=50";
	struct dk_snap *a = build(SEC, cpus);
	struct dk_table_opts o = { .cpus = "1,total,7" };
	struct dk_table *t = table("cpu sys cpu-adv", &o, a);
	const struct dk_group *g = dk_table_group(t, 0);
	struct dk_val *v;

	(void)state;
	/* cpu-adv takes cpu's place; sys has no data and is dropped. */
	assert_int_equal(dk_table_ngroups(t), 1);
	assert_string_equal(g->view, "cpu-adv");
	assert_int_equal(g->nblocks, 3);
	assert_int_equal(g->ncols, 7);
	assert_string_equal(g->titles[0], "cpu1 usage");
	assert_string_equal(g->titles[1], "total cpu usage");
	assert_string_equal(g->titles[2], "cpu7 usage");
	assert_string_equal(warnings,
	    "-C 7: not present (yet): its columns stay blank\n"
	    "view sys: no data on this system (/proc/stat)");
	v = values(t, NULL, a);
	assert_val(&v[0], 50);	       /* cpu1 usr */
	assert_val(&v[7], 110.0 / 10); /* total usr = user+nice */
	assert_val(&v[11], 0);	       /* total hiq */
	assert_int_equal(v[14].state, DK_V_NONE);
	dk_table_free(t);
	dk_snap_free(a);
}

#define DISK(dev, type, part, r, w)                                     \
	"disk " dev " io read_bytes=" #r " write_bytes=" #w             \
	" reads_completed=" #r " writes_completed=0 read_time_ns/32=0;" \
	"disk " dev " info partition=" #part " devtype$=" type

static void
test_disk_totals(void **state)
{
	struct dk_snap *a = build(100 * SEC,
	    DISK("sda", "disk", 0, 1000, 0) ";" DISK("sda1", "partition", 1,
		900, 0) ";" DISK("dm-0", "dm", 0, 900, 0) ";" DISK("loop0",
		"loop", 0, 5, 0) ";" DISK("zram0", "zram", 0, 7,
		0) ";" DISK("nvme0n1", "disk", 0, 2000, 0) ";" DISK("md0", "md",
		0, 3, 0) ";uptime 0 uptime uptime=10000000000");
	struct dk_snap *b = build(102 * SEC,
	    DISK("sda", "disk", 0, 3048, 0) ";" DISK("sda1", "partition", 1,
		2948, 0) ";" DISK("dm-0", "dm", 0, 2948, 0) ";" DISK("loop0",
		"loop", 0, 2053,
		0) ";" DISK("zram0", "zram", 0, 2055, 0) ";" DISK("nvme0n1",
		"disk", 0, 6096, 0) ";" DISK("md0", "md", 0, 2051, 0));
	struct dk_table_opts o = { .disks = "total,sda1,loop0" };
	struct dk_table *t = table("disk", NULL, a);
	struct dk_val *v;

	(void)state;
	/* Only sda and nvme0n1: 2048 + 4096 bytes in 2 s. */
	v = values(t, a, b);
	assert_val(&v[0], 3072);
	assert_val(&v[1], 0);
	/* Since boot: (1000 + 2000) over 10 s of uptime. */
	v = values(t, NULL, a);
	assert_val(&v[0], 300);
	dk_table_free(t);
	/* Listed explicitly, partitions and loops show as themselves. */
	t = table("disk io", &o, a);
	assert_string_equal(dk_table_group(t, 0)->titles[1], "dsk/sda1");
	assert_string_equal(dk_table_group(t, 1)->titles[2], "io/loop0");
	v = values(t, a, b);
	assert_val(&v[0], 3072);
	assert_val(&v[2], 1024);
	assert_val(&v[4], 1024);
	assert_val(&v[6], 3072); /* io total: 6144 requests / 2 s */
	dk_table_free(t);
	dk_snap_free(a);
	dk_snap_free(b);
}

/* -f: whole devices with activity, whatever the number of fields. */
static void
test_disk_full(void **state)
{
	struct dk_snap *a = build(SEC,
	    DISK("loop0", "loop", 0, 0, 0) ";" DISK("loop1", "loop", 0, 8,
		0) ";" DISK("sda", "disk", 0, 10, 0) ";" DISK("sda1",
		"partition", 1, 10, 0) ";" DISK("dm-0", "dm", 0, 4,
		0) ";" DISK("zram0", "zram", 0, 0, 0));
	struct dk_table_opts o = { .full = 1 };
	struct dk_table *t = table("disk", &o, a);
	const struct dk_group *g = dk_table_group(t, 0);

	(void)state;
	assert_int_equal(g->nblocks, 2);
	assert_string_equal(g->titles[0], "dsk/loop1");
	assert_string_equal(g->titles[1], "dsk/sda");
	dk_table_free(t);
	dk_snap_free(a);
}

#define NET(i, r, s) "net " i " stats rx_bytes=" #r " tx_bytes=" #s

static void
test_net_totals(void **state)
{
	struct dk_snap *a = build(SEC,
	    NET("lo", 100, 100) ";" NET("eth0", 1000, 500) ";" NET("veth1a2b",
		10, 10) ";" NET("br0", 10, 10) ";" NET("br-1234", 10,
		10) ";" NET("bond0", 10, 10) ";" NET("eth0.100", 10,
		10) ";" NET("docker0", 10, 10) ";" NET("wlan0", 200,
		100) ";" NET("ifb0", 9,
		9) ";uptime 0 uptime uptime=100000000000");
	struct dk_snap *b = build(SEC + SEC / 2,
	    NET("lo", 10100, 10100) ";" NET("eth0", 2000,
		1500) ";" NET("veth1a2b", 5000, 5000) ";" NET("br0", 5000,
		5000) ";" NET("br-1234", 5000, 5000) ";" NET("bond0", 5000,
		5000) ";" NET("eth0.100", 5000, 5000) ";" NET("docker0", 5000,
		5000) ";" NET("wlan0", 500, 100) ";" NET("ifb0", 5000, 5000));
	struct dk_table_opts o = { .nets = "lo,total" };
	struct dk_table *t = table("net", &o, a);
	struct dk_val *v;

	(void)state;
	v = values(t, a, b);
	/* lo: 10000 in 0.5 s */
	assert_val(&v[0], 20000);
	/* total: eth0 and wlan0, (1000 + 300) and 1000 in 0.5 s */
	assert_val(&v[2], 2600);
	assert_val(&v[3], 2000);
	/* Since boot too (dstat showed 0): 1200 and 600 over 100 s. */
	v = values(t, NULL, a);
	assert_val(&v[2], 12);
	assert_val(&v[3], 6);
	dk_table_free(t);
	dk_snap_free(a);
	dk_snap_free(b);
}

static void
test_wrap_and_reset(void **state)
{
	struct dk_snap *a = build(SEC,
	    "intr 30 irq cpu0/32=4294967040 cpu1/32=10;"
	    "sys 0 stat intr=1000 ctxt=5000");
	struct dk_snap *b = build(2 * SEC,
	    "intr 30 irq cpu0/32=256 cpu1/32=20;"
	    "sys 0 stat intr=500 ctxt=5100");
	struct dk_table_opts o = { .irqs = "30" };
	struct dk_table *t = table("int sys", &o, a);
	struct dk_val *v;

	(void)state;
	v = values(t, a, b);
	/* 2^32 - 4294967040 + 256 = 512, plus 10 on cpu1 */
	assert_val(&v[0], 522);
	/* intr went backwards in 64 bits: a reset, no value */
	assert_int_equal(v[1].state, DK_V_RESET);
	assert_val(&v[2], 100);
	dk_table_free(t);
	dk_snap_free(a);
	dk_snap_free(b);
}

/* A device that appears, one that vanishes, one re-created. */
static void
test_devices_come_and_go(void **state)
{
	struct dk_snap *a = build(SEC,
	    DISK("sda", "disk", 0, 1000, 0) ";" DISK("sdc", "disk", 0, 500,
		0) ";" DISK("sdd", "disk", 0, 800, 0));
	/* sdd was re-created: its crtime is this reading's time. */
	struct dk_snap *b = build(2 * SEC,
	    DISK("sda", "disk", 0, 2000, 0) ";" DISK("sdb", "disk", 0, 300,
		0) ";disk sdd io read_bytes=100 @crtime=2000000000");
	struct dk_snap *c = build(3 * SEC,
	    DISK("sda", "disk", 0, 3000, 0) ";" DISK("sdb", "disk", 0, 700,
		0) ";" DISK("sdc", "disk", 0, 600,
		0) ";"
		   "disk sdd io read_bytes=300 @crtime=2000000000");
	struct dk_table_opts o = { .disks = "sda,sdb,sdc,sdd,total" };
	struct dk_table *t = table("disk", &o, a);
	struct dk_val *v;

	(void)state;
	assert_string_equal(warnings,
	    "-D sdb: not present (yet): its columns stay blank");
	assert_int_equal(dk_table_group(t, 0)->nblocks, 5);
	v = values(t, a, b);
	assert_val(&v[0], 1000);
	assert_int_equal(v[2].state, DK_V_NONE); /* sdb: new, no old */
	assert_int_equal(v[4].state, DK_V_NONE); /* sdc: gone */
	assert_int_equal(v[6].state, DK_V_NONE); /* sdd: re-created */
	assert_val(&v[8], 1000);		 /* total: sda only */
	v = values(t, b, c);
	assert_val(&v[0], 1000);
	assert_val(&v[2], 400);
	assert_int_equal(v[4].state, DK_V_NONE); /* sdc: back, no old */
	assert_val(&v[6], 200);
	assert_val(&v[8], 1600);
	dk_table_free(t);
	dk_snap_free(a);
	dk_snap_free(b);
	dk_snap_free(c);
}

static void
test_gauges(void **state)
{
	struct dk_snap *a = build(SEC,
	    "mem 0 meminfo MemTotal#=1000000 MemFree#=300000 "
	    "Buffers#=10000 Cached#=200000 SReclaimable#=50000 "
	    "Shmem#=20000 Dirty#=7;"
	    "sys 0 stat procs_running#=1 procs_blocked#=2 processes=100;"
	    "swap /dev/sda2 swap size#=4000 used#=1000;"
	    "swap /swapfile swap size#=2000 used#=500;"
	    "load 0 loadavg avg1~=0.25 avg5~=1.5 avg15~=2;"
	    "fs 0 file-nr allocated#=375 unused#=0 max#=999;"
	    "fs 0 inode-nr nr_inodes#=41663 nr_free_inodes#=663");
	struct dk_table_opts o = { .swaps = "sda2,total" };
	struct dk_table *t = table("mem proc swap load fs mem-adv", &o, a);
	struct dk_val *v = values(t, NULL, a);

	(void)state;
	/* used = 1000000 - 300000 - 10000 - 200000 - 50000 + 20000 */
	assert_val(&v[0], 460000);
	assert_val(&v[1], 300000);
	assert_val(&v[3], 200000);
	assert_val(&v[4], 0); /* run: 1 - dstatk itself */
	assert_val(&v[5], 2);
	assert_string_equal(dk_table_group(t, 2)->titles[0], "swp/sda2");
	assert_string_equal(dk_table_group(t, 2)->titles[1], "swap");
	assert_val(&v[7], 1000);
	assert_val(&v[8], 3000);
	assert_val(&v[9], 1500);
	assert_val(&v[10], 4500);
	assert_val(&v[11], 0.25);
	assert_val(&v[13], 2);
	assert_val(&v[14], 375);
	assert_val(&v[15], 41000);
	assert_val(&v[16], 1000000);
	assert_val(&v[21], 7);
	dk_table_free(t);
	dk_snap_free(a);
}

static void
test_page_vm_psi(void **state)
{
	struct dk_snap *a = build(SEC,
	    "vm 0 vmstat pswpin=10 pswpout=0 pgfault=1000 pgmajfault=1 "
	    "pgalloc_dma=5 pgalloc_normal=100 pgalloc_movable=0 pgfree=50 "
	    "pgsteal_kswapd=1 pgsteal_direct=1 pgsteal_anon=2 "
	    "pgscan_direct=4 pgscan_direct_throttle=9 allocstall_normal=1;"
	    "psi cpu some total=0 avg10~=1;psi io some total=0;"
	    "psi io full total=0");
	struct dk_snap *b = build(3 * SEC,
	    "vm 0 vmstat pswpin=14 pswpout=2 pgfault=3000 pgmajfault=5 "
	    "pgalloc_dma=7 pgalloc_normal=300 pgalloc_movable=0 pgfree=250 "
	    "pgsteal_kswapd=5 pgsteal_direct=3 pgsteal_anon=8 "
	    "pgscan_direct=10 pgscan_direct_throttle=99 allocstall_normal=5;"
	    "psi cpu some total=500000000;psi io some total=20000000;"
	    "psi io full total=2000");
	struct dk_table_opts o = { .pagesize = 4096 };
	struct dk_table *t = table("page vm vm-adv psi", &o, a);
	struct dk_val *v = values(t, a, b);

	(void)state;
	assert_val(&v[0], 4 * 4096 / 2);
	assert_val(&v[1], 4096);
	assert_val(&v[2], 2);	 /* majpf */
	assert_val(&v[3], 1000); /* minpf */
	assert_val(&v[4], 101);	 /* pgalloc_*: 202 in 2 s */
	assert_val(&v[5], 100);
	assert_val(&v[6], 3); /* steal: kswapd + direct, not anon */
	assert_val(&v[8], 3); /* scanD: not the throttle count */
	assert_int_equal(v[9].state, DK_V_NONE); /* no pageoutrun */
	assert_val(&v[10], 2);
	/* psi: 0.5 s of stall in 2 s is 25 % */
	assert_val(&v[11], 25);
	assert_near(&v[12], 1);
	assert_near(&v[13], 0.0001);
	assert_int_equal(v[14].state, DK_V_NONE); /* no memory psi */
	dk_table_free(t);
	dk_snap_free(a);
	dk_snap_free(b);
}

static void
test_irq_selection(void **state)
{
	struct dk_snap *a = build(SEC,
	    "intr 0 irq cpu0/32=900 cpu1/32=0;"
	    "intr 1 irq cpu0/32=900;"
	    "intr 24 irq cpu0/32=5 cpu1/32=5 description$=IO-APIC;"
	    "intr 26 irq cpu0/32=6 cpu1/32=5 description$=ttyS0;"
	    "intr 30 irq cpu0/32=60 cpu1/32=5 description$=virtio0,eth0;"
	    "intr 31 irq cpu0/32=60 cpu1/32=5;"
	    "intr 40 irq cpu0/32=600 cpu1/32=5;"
	    "intr LOC irq cpu0/32=5000 cpu1/32=5000;"
	    "intr ERR irq count/32=0");
	struct dk_table_opts o = { .irqs = "ETH0,ttys0,LOC,nosuch" };
	struct dk_table *t = table("int", NULL, a);
	const struct dk_group *g = dk_table_group(t, 0);

	(void)state;
	/* Busy (over 10), numbered, not 0 1 2 8: the last three. */
	assert_int_equal(g->nblocks, 1);
	assert_int_equal(g->ncols, 3);
	assert_string_equal(g->cols[0].nick, "30");
	assert_string_equal(g->cols[1].nick, "31");
	assert_string_equal(g->cols[2].nick, "40");
	assert_string_equal(g->titles[0], "interrupts");
	dk_table_free(t);
	t = table("int", &o, a);
	g = dk_table_group(t, 0);
	assert_int_equal(g->ncols, 3);
	assert_string_equal(g->cols[0].nick, "30");
	assert_string_equal(g->cols[1].nick, "26");
	assert_string_equal(g->cols[2].nick, "LOC");
	assert_string_equal(warnings, "-I nosuch: no such interrupt");
	dk_table_free(t);
	dk_snap_free(a);
}

static void
test_stat_columns(void **state)
{
	struct dk_snap *a = build(SEC,
	    DISK("sda", "disk", 0, 1000, 0) ";mem 0 meminfo MemFree#=4096;"
					    "cpu 0 times user_ns=0");
	struct dk_snap *b = build(3 * SEC,
	    DISK("sda", "disk", 0, 5000, 0) ";mem 0 meminfo MemFree#=8192;"
					    "cpu 0 times user_ns=1000000000");
	struct dk_table *t =
	    table("disk:sda:io:read_bytes "
		  "mem:0:meminfo:MemFree disk:sda:info:devtype "
		  "cpu:0:times:user_ns",
		NULL, a);
	const struct dk_group *g = dk_table_group(t, 0);
	struct dk_val *v;
	struct dk_err err = { "" };
	const char *bad[] = { "disk:sdz:io:read_bytes" };

	(void)state;
	assert_int_equal(dk_table_ngroups(t), 4);
	assert_string_equal(g->titles[0], "disk/sda");
	assert_string_equal(dk_table_group(t, 1)->titles[0], "mem");
	assert_true(g->stat);
	assert_string_equal(g->cols[0].nick, "read_bytes");
	assert_int_equal(g->cols[0].fmt.type, 'b');
	assert_int_equal(g->cols[0].fmt.width, 5);
	assert_int_equal(g->cols[0].width, 10);
	assert_int_equal(dk_table_group(t, 1)->cols[0].fmt.type, 'd');
	v = values(t, a, b);
	assert_val(&v[0], 2000);
	assert_val(&v[1], 8192);
	assert_string_equal(v[2].s, "disk");
	assert_val(&v[3], 50); /* 1 s of 2: 50 % */
	dk_table_free(t);
	assert_null(dk_table_new(bad, 1, &(struct dk_table_opts) { 0 }, a, NULL,
	    NULL, &err));
	assert_string_equal(err.msg,
	    "--stat disk:sdz:io:read_bytes: no such statistic");
	dk_snap_free(a);
	dk_snap_free(b);
}

/* A sum over nothing is 0; a sum of which nothing could be taken is not. */
static void
test_empty_totals(void **state)
{
	struct dk_snap *a = build(SEC,
	    DISK("sda", "disk", 0, 1000, 0) ";cpu total times user=1");
	struct dk_table *t = table("disk swap", NULL, a);
	struct dk_val *v = values(t, NULL, a);

	(void)state;
	/* No uptime: the since-boot rate of sda cannot be had. */
	assert_int_equal(v[0].state, DK_V_NONE);
	assert_int_equal(v[1].state, DK_V_NONE);
	/* No swap area at all: nothing used, nothing free. */
	assert_val(&v[2], 0);
	assert_val(&v[3], 0);
	dk_table_free(t);
	dk_snap_free(a);
}

static void
test_modset_and_errors(void **state)
{
	struct dk_modset m = { { 0 }, 0 };
	struct dk_err err = { "" };
	const char *ok[] = { "cpu", "disk", "io", "time", "disk:sda:io:x" };
	const char *bad[] = { "cpu", "nosuch" };
	const char *badkey[] = { "nomodule:0:x:y" };

	(void)state;
	assert_int_equal(dk_modset_add(&m, ok, 5, &err), 0);
	assert_int_equal(m.n, 3);
	assert_true(dk_modset_want(&m, "uptime"));
	assert_true(dk_modset_want(&m, "cpu"));
	assert_true(dk_modset_want(&m, "disk"));
	assert_false(dk_modset_want(&m, "net"));
	dk_modset_del(&m, "uptime");
	assert_false(dk_modset_want(&m, "uptime"));
	assert_int_equal(dk_modset_add(&m, bad, 2, &err), -1);
	assert_string_equal(err.msg, "unknown view nosuch");
	assert_int_equal(dk_modset_add(&m, badkey, 1, &err), -1);
	assert_string_equal(err.msg,
	    "--stat nomodule:0:x:y: no such module nomodule");
}

static void
test_clock(void **state)
{
	struct dk_snap *a = build(SEC, "cpu total times user=1");
	struct dk_table_opts o = { .timefmt = "%H:%M:%S", .debug = 1 };
	struct dk_table *t = table("epoch time", &o, a);
	struct dk_val v[2];

	(void)state;
	assert_int_equal(dk_table_group(t, 0)->cols[0].fmt.width, 13);
	assert_int_equal(dk_table_group(t, 1)->cols[0].fmt.width, 12);
	setenv("TZ", "UTC", 1);
	dk_table_compute(t, NULL, a, 1795311032123000000ull, v);
	assert_near(&v[0], 1795311032.123);
	assert_string_equal(v[1].s, "01:30:32.123");
	dk_table_free(t);
	dk_snap_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cpu_percent),
		cmocka_unit_test(test_cpu_adv_and_list),
		cmocka_unit_test(test_disk_totals),
		cmocka_unit_test(test_disk_full),
		cmocka_unit_test(test_net_totals),
		cmocka_unit_test(test_wrap_and_reset),
		cmocka_unit_test(test_devices_come_and_go),
		cmocka_unit_test(test_gauges),
		cmocka_unit_test(test_page_vm_psi),
		cmocka_unit_test(test_irq_selection),
		cmocka_unit_test(test_stat_columns),
		cmocka_unit_test(test_empty_totals),
		cmocka_unit_test(test_modset_and_errors),
		cmocka_unit_test(test_clock),
	};

	return cmocka_run_group_tests_name("table", tests, NULL, NULL);
}
