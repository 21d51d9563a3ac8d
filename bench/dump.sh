#!/bin/sh
# dump.sh - dump mode's cost, measured in one run against references taken
# in the same run (the machine is shared and noisy: read the ratios).
#
#  1. startup plus one full dump (dstatk -p > /dev/null) against `cat` of
#     the same files, and against dstat's startup (dstat --nocolor 1 0);
#  2. per-sample cost of re-reading every core source in a loop
#     (dstatk -q at a 1 ms interval) against a bare pread loop over the
#     same files at the same cadence (bench/preadloop.c -i), CPU time from
#     the scheduler (bench/cputime.c);
#  3. peak RSS of the full dump.
#
# Usage: sh bench/dump.sh [path/to/dstatk]   (N=runs, S=samples)
set -eu
bin=${1:-./dstatk}
N=${N:-200}
S=${S:-2000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cc -O2 -o "$tmp/cputime" bench/cputime.c
cc -O2 -o "$tmp/preadloop" bench/preadloop.c

# The files a full dump reads on this machine (what strace shows).
files=""
for f in /proc/stat /proc/meminfo /proc/vmstat /proc/loadavg /proc/uptime \
    /proc/diskstats /proc/net/dev /proc/interrupts /proc/softirqs \
    /proc/pressure/cpu /proc/pressure/io /proc/pressure/memory \
    /proc/pressure/irq /proc/swaps /proc/sys/fs/file-nr \
    /proc/sys/fs/inode-nr; do
	[ -r "$f" ] && files="$files $f"
done

# cpu seconds (user+sys) of a command run N times, one process each.
loop_cpu() {
	cat > "$tmp/loop.sh" <<EOS
i=0
while [ \$i -lt $N ]; do "\$@" > /dev/null; i=\$((i + 1)); done
EOS
	"$tmp/cputime" sh "$tmp/loop.sh" "$@" | awk '{ printf "%.6f", $4 }'
}
cpu_of() { "$tmp/cputime" "$@" | awk '{ printf "%.9f", $1 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
per() { awk -v a="$1" -v n="$2" 'BEGIN { printf "%.1f", a / n * 1e6 }'; }

echo "== 1. startup + one full dump, $N runs each (CPU, whole process)"
empty=$(loop_cpu /bin/true)
d=$(loop_cpu "$bin" -p)
c=$(loop_cpu cat $files)
echo "dstatk -p: $(per "$d" "$N") us/run; cat of its $(echo $files | wc -w) files: $(per "$c" "$N") us/run; /bin/true: $(per "$empty" "$N") us/run"
echo "ratio dstatk -p / cat: $(ratio "$d" "$c") (target <= 1.5)"
echo "ratio without process start (minus /bin/true): $(ratio "$(awk -v a="$d" -v b="$empty" 'BEGIN{print a-b}')" "$(awk -v a="$c" -v b="$empty" 'BEGIN{print a-b}')")"
if command -v dstat > /dev/null 2>&1; then
	M=$((N / 10 > 5 ? N / 10 : 5))
	ds=$(N=$M loop_cpu dstat --nocolor 1 0)
	ds1=$(awk -v a="$ds" -v m="$M" 'BEGIN { print a / m }')
	echo "dstat startup: $(per "$ds1" 1) us/run over $M runs"
	echo "ratio dstat startup / dstatk -p: $(ratio "$ds1" "$(awk -v a="$d" -v n="$N" 'BEGIN{print a/n}')") (target >= 10)"
else
	echo "dstat not installed: apt-get install dstat for the startup comparison"
fi

echo "== 2. per sample, $S samples in one process, every 1 ms"
one=$(cpu_of "$bin" -q 0.001 1)
many=$(cpu_of "$bin" -q 0.001 $((S + 1)))
dk=$(awk -v a="$many" -v b="$one" 'BEGIN { print a - b }')
fl=$(cpu_of "$tmp/preadloop" -i 0.001 "$S" $files)
hot=$(cpu_of "$tmp/preadloop" "$S" $files)
echo "dstatk -q: $(per "$dk" "$S") us/sample; pread loop at the same cadence: $(per "$fl" "$S") us/sample; without sleeping: $(per "$hot" "$S") us/sample"
echo "ratio per sample dstatk / pread loop at the same cadence: $(ratio "$dk" "$fl")"

echo "== 3. peak RSS"
rss=$("$tmp/cputime" "$bin" -p | awk '{ print $2 }')
rssj=$("$tmp/cputime" "$bin" -j | awk '{ print $2 }')
echo "dstatk -p: $rss KiB; dstatk -j: $rssj KiB (target < 2048)"
