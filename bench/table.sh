#!/bin/sh
# table.sh - table mode's cost, measured in one run against references
# taken in the same run and over the same seconds (the machine is shared
# and noisy: read the ratios, not the absolute figures).
#
#  1. per sample: dstatk -cdngy every 10 ms against a bare pread loop over
#     the same four files (bench/preadloop.c) at the same cadence, which
#     pays what any sampling tool pays (a wake-up, cold caches, the kernel
#     formatting the files): target within 1.3x. Also against the loop
#     without sleeping (the hot floor: the kernel's text alone);
#  2. against dstat -cdngy at its cadence (1 s, integers only): target 10x
#     cheaper per sample; startup plus the first line; and both without
#     waiting (dstat on a fake clock, bench/dstat_fastclock.py);
#  3. peak RSS of dstatk: target under 2 MiB.
#
# CPU time is the scheduler's exact runtime of each process
# (/proc/PID/schedstat: getrusage is tick-sampled on this kernel, useless
# for a process that runs 0.1 ms every 10 ms), read at the start and at the
# end of a window while both processes run, so start-up is left out. Each
# figure is the median of R windows of W seconds.
# Usage: sh bench/table.sh [path/to/dstatk]   (R=5 W=5 D=10)
set -eu
bin=${1:-./dstatk}
R=${R:-5}
W=${W:-5}
D=${D:-10}
tmp=$(mktemp -d)
pids=
trap 'kill $pids 2> /dev/null; rm -rf "$tmp"' EXIT
cc -O2 -o "$tmp/cputime" bench/cputime.c
cc -O2 -o "$tmp/preadloop" bench/preadloop.c
lib=$(dirname "$bin")/libdstatk.a
[ -f "$lib" ] || lib=build/libdstatk.a
cc -O2 -o "$tmp/hotloop" bench/hotloop.c "$lib" \
    $(pkg-config --libs jansson libpcre2-8 2> /dev/null || echo -ljansson -lpcre2-8)
files="/proc/stat /proc/diskstats /proc/net/dev /proc/vmstat"

runtime() { awk '{ print $1 }' "/proc/$1/schedstat"; }
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
us() { awk -v a="$1" 'BEGIN { printf "%.1f", a }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

# window seconds samples pid...: per-sample CPU (us) of each pid over the
# window, one line "us us ...".
window() {
	secs=$1 n=$2
	shift 2
	for p in "$@"; do runtime "$p"; done > "$tmp/a"
	sleep "$secs"
	for p in "$@"; do runtime "$p"; done > "$tmp/b"
	paste "$tmp/a" "$tmp/b" | awk -v n="$n" '{ printf "%.3f ", ($2 - $1) / 1000 / n }'
	echo
}

echo "== 1. per sample at a 10 ms delay, median of $R windows of $W s"
"$bin" -cdngy 0.01 > /dev/null &
dk=$!
"$tmp/preadloop" -i 0.01 100000000 $files &
pl=$!
pids="$dk $pl"
sleep 1
i=0
while [ $i -lt "$R" ]; do
	window "$W" $((W * 100)) $dk $pl
	i=$((i + 1))
done > "$tmp/w1"
kill $dk $pl
wait 2> /dev/null || true
"$tmp/cputime" "$tmp/preadloop" 20000 $files > "$tmp/hot"
hot=$(awk '{ printf "%.3f", $1 / 20000 * 1e6 }' "$tmp/hot")
d=$(awk '{ print $1 }' "$tmp/w1" | median)
p=$(awk '{ print $2 }' "$tmp/w1" | median)
echo "dstatk: $(us "$d") us/sample; pread loop at the same cadence: $(us "$p") us/sample; hot pread loop: $(us "$hot") us/sample"
echo "ratio dstatk / pread loop at the same cadence: $(ratio "$d" "$p") (target <= 1.3)"
echo "ratio dstatk / hot pread loop: $(ratio "$d" "$hot")"

echo "== 2. against dstat, $D samples at 1 s, side by side"
if command -v dstat > /dev/null 2>&1; then
	dstat --nocolor -cdngy 1 > /dev/null 2>&1 &
	ds=$!
	"$bin" -cdngy 1 > /dev/null &
	dk=$!
	pids="$ds $dk"
	sleep 2.5
	window "$D" "$D" $ds $dk > "$tmp/w2"
	kill $ds $dk
	wait 2> /dev/null || true
	a=$(awk '{ print $1 }' "$tmp/w2")
	b=$(awk '{ print $2 }' "$tmp/w2")
	echo "dstat: $(us "$a") us/sample; dstatk: $(us "$b") us/sample"
	echo "ratio dstat / dstatk per sample: $(ratio "$a" "$b") (target >= 10)"
	s1=$("$tmp/cputime" dstat --nocolor -cdngy 1 1 | awk '{ print $1 * 1e6 }')
	s2=$("$tmp/cputime" "$bin" -cdngy 1 1 | awk '{ print $1 * 1e6 }')
	echo "startup + first line: dstat $(us "$s1") us, dstatk $(us "$s2") us, ratio $(ratio "$s1" "$s2")"
	# Without waiting: dstat's loop on a fake clock (the reference's
	# method) against the same work in dstatk (bench/hotloop.c, built
	# against the library next to the binary).
	N=2000
	f1=$("$tmp/cputime" /usr/bin/python3 bench/dstat_fastclock.py --nocolor -cdngy 1 1 | awk '{ print $1 }')
	fn=$("$tmp/cputime" /usr/bin/python3 bench/dstat_fastclock.py --nocolor -cdngy 1 $((N + 1)) | awk '{ print $1 }')
	k1=$("$tmp/cputime" "$tmp/hotloop" 0 | awk '{ print $1 }')
	kn=$("$tmp/cputime" "$tmp/hotloop" $N | awk '{ print $1 }')
	fa=$(awk -v a="$fn" -v b="$f1" -v n=$N 'BEGIN { print (a - b) / n * 1e6 }')
	ka=$(awk -v a="$kn" -v b="$k1" -v n=$N 'BEGIN { print (a - b) / n * 1e6 }')
	echo "hot loop, $N samples: dstat $(us "$fa") us/sample, dstatk $(us "$ka") us/sample, ratio $(ratio "$fa" "$ka")"
else
	echo "dstat not installed: apt-get install dstat for this comparison"
fi

echo "== 3. peak RSS"
rss=$("$tmp/cputime" "$bin" -cdngy 0.01 200 | awk '{ print $2 }')
rssa=$("$tmp/cputime" "$bin" -a -tlmrsp --fs --vm --psi -i 0.01 200 | awk '{ print $2 }')
echo "dstatk -cdngy: $rss KiB; with most views: $rssa KiB (target < 2048)"
