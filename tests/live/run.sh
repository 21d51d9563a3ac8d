#!/bin/sh
# run.sh - live accuracy of table mode on this machine: generate a known
# load, let dstatk watch the same seconds (CSV with its epoch column, so
# every rate is multiplied back by the time it covered) and compare.
#
#  1. bytes sent over loopback (-N lo) against the payload: within 5 %;
#  2. bytes written with O_DIRECT (-D <disk of the test directory>)
#     against the bytes written: within 5 %; and against the kernel's own
#     counter read before and after: within 1 %;
#  3. a busy loop pinned to one CPU (-C N): that CPU busy 100 % within 5;
#  4. a quiet interval against vmstat 1 (interrupts, context switches,
#     cpu busy) and iostat (kB read and written per second), side by side.
#
# The machine is shared: the checks leave room for what others do, and a
# failed comparison prints both sides. Needs python3 (loopback traffic),
# dd, taskset, vmstat (procps) and iostat (sysstat).
# Usage: sh tests/live/run.sh path/to/dstatk [directory on a real disk]
set -u
bin=$1
dir=${2:-$(pwd)}
tmp=$(mktemp -d)
pass=0
fail=0
trap 'rm -rf "$tmp"; rm -f "$dir/.dstatk-live.$$"' EXIT
for c in python3 dd taskset vmstat iostat; do
	command -v $c > /dev/null || { echo "live: $c missing"; exit 1; }
done
py=$(command -v /usr/bin/python3 || command -v python3)

ok() { pass=$((pass + 1)); echo "live: ok: $1"; }
bad() { fail=$((fail + 1)); echo "live: FAIL: $1"; }

# total csv column: sum of rate * seconds over the rows after the first,
# the seconds from the epoch column (column 1).
total() {
	awk -F, -v col="$2" '
	/^[0-9]/ { if (seen) sum += $col * ($1 - prev); prev = $1; seen = 1 }
	END { printf "%.0f\n", sum }' "$1"
}
# within a b pct: |a - b| <= pct % of b
within() {
	awk -v a="$1" -v b="$2" -v p="$3" 'BEGIN { d = a - b; if (d < 0) d = -d;
	    exit !(d <= b * p / 100) }'
}

# 1. Loopback: 300 MB through a TCP connection while dstatk watches lo.
N=300000000
"$bin" -T -N lo -n --output "$tmp/net.csv" 1 7 > /dev/null &
watch=$!
sleep 1.5
"$py" - "$N" << 'EOF'
import socket, sys, threading
n = int(sys.argv[1]); got = [0]
srv = socket.socket(); srv.bind(("127.0.0.1", 0)); srv.listen(1)
def sink():
    c, _ = srv.accept()
    while True:
        b = c.recv(1 << 20)
        if not b: break
        got[0] += len(b)
t = threading.Thread(target=sink); t.start()
cl = socket.create_connection(srv.getsockname())
buf = b"x" * (1 << 20); left = n
while left > 0:
    k = cl.send(buf[:min(left, len(buf))]); left -= k
cl.close(); t.join()
assert got[0] == n
EOF
wait $watch
recv=$(total "$tmp/net.csv" 2)
send=$(total "$tmp/net.csv" 3)
if within "$recv" $N 5 && within "$send" $N 5; then
	ok "loopback: recv $recv send $send bytes for $N sent"
else
	bad "loopback: recv $recv send $send bytes for $N sent"
fi

# 2. O_DIRECT writes to the disk under the test directory.
dev=$(df -P "$dir" | awk 'NR == 2 { print $1 }')
dev=$(basename "$(readlink -f "$dev")")
[ -e "/sys/class/block/$dev/partition" ] &&
    dev=$(basename "$(dirname "$(readlink -f "/sys/class/block/$dev")")")
W=$((512 * 1048576))
# Write back what earlier steps (a build) left dirty, so the window holds
# the test's writes and little else.
sync
before=$(awk -v d="$dev" '$3 == d { printf "%.0f\n", $10 * 512 }' /proc/diskstats)
"$bin" -T -D "$dev" -d --output "$tmp/disk.csv" 1 6 > /dev/null &
watch=$!
sleep 1.5
dd if=/dev/zero of="$dir/.dstatk-live.$$" bs=1M count=512 oflag=direct \
    conv=fsync 2> /dev/null
wait $watch
after=$(awk -v d="$dev" '$3 == d { printf "%.0f\n", $10 * 512 }' /proc/diskstats)
writ=$(total "$tmp/disk.csv" 3)
kern=$((after - before))
if within "$writ" $W 5; then
	ok "disk $dev: $writ bytes written seen for $W written"
else
	bad "disk $dev: $writ bytes written seen for $W written"
fi
# The kernel's counter moved over a little more time than the CSV rows.
if within "$writ" "$kern" 1 || [ "$writ" -le "$kern" ] &&
    within "$writ" "$kern" 3; then
	ok "disk $dev: $writ bytes against the kernel's $kern"
else
	bad "disk $dev: $writ bytes against the kernel's $kern"
fi

# 3. A busy loop on the last CPU for the whole window.
cpu=$(($(getconf _NPROCESSORS_ONLN) - 1))
taskset -c $cpu sh -c 'end=$(($(date +%s) + 7)); while [ $(date +%s) -lt $end ]; do :; done' &
burn=$!
sleep 0.5
"$bin" -C $cpu -c --output "$tmp/cpu.csv" 1 5 > /dev/null
wait $burn
busy=$(awk -F, '/^[0-9]/ { n++; if (n > 1) { s += $1 + $2 + $5; k++ } }
    END { printf "%.1f", s / k }' "$tmp/cpu.csv")
if within "$busy" 100 5; then
	ok "cpu$cpu: busy $busy % (usr+sys+stl) under a busy loop"
else
	bad "cpu$cpu: busy $busy % (usr+sys+stl) under a busy loop, want 100"
fi

# 4. A quiet interval, side by side with vmstat and iostat. Starting a
# program reads it from disk unless it is cached, and that read would fall
# in one tool's first second and not in the other's: warm them first.
cat "$bin" "$(command -v vmstat)" "$(command -v iostat)" > /dev/null
vmstat -n 1 5 > "$tmp/vm.txt" &
iostat -d -k -y 1 4 "$dev" > "$tmp/io.txt" &
"$bin" -c -y -D "$dev" -d --output "$tmp/q.csv" 1 5 > /dev/null
wait
# vmstat rows after the since-boot one: in, cs, us + sy
awk 'NR > 3 { print $11, $12, $13 + $14 }' "$tmp/vm.txt" > "$tmp/vm.cols"
awk -F, '/^[0-9]/ { n++; if (n > 1) print $6, $7, $1 + $2, $8 / 1024, $9 / 1024 }' \
    "$tmp/q.csv" > "$tmp/dk.cols"
awk '$1 == dev { print $3, $4 }' dev="$dev" "$tmp/io.txt" > "$tmp/io.cols"
echo "live: quiet seconds, dstatk (int csw busy% rkB/s wkB/s) | vmstat (in cs us+sy) | iostat (rkB/s wkB/s):"
paste -d'|' "$tmp/dk.cols" "$tmp/vm.cols" "$tmp/io.cols" | sed 's/^/live:   /'
# The tools start within a few milliseconds of each other but their
# seconds never line up exactly, so each comparison is over the sum of the
# quiet seconds: a burst at a boundary moves between two seconds, not out
# of the window.
if paste "$tmp/dk.cols" "$tmp/vm.cols" | awk '
    function off(a, b, rel, abs) { d = a - b; if (d < 0) d = -d;
	return d > abs && d > rel * (a > b ? a : b) }
    { i1 += $1; i2 += $6; c1 += $2; c2 += $7; b1 += $3; b2 += $8 }
    END { exit off(i1, i2, 0.15, 60) || off(c1, c2, 0.15, 60) ||
	off(b1, b2, 0, 8) }'; then
	ok "quiet interval agrees with vmstat (sums: 15 % or 60, 8 cpu points)"
else
	bad "quiet interval differs from vmstat"
fi
if paste "$tmp/dk.cols" "$tmp/io.cols" | awk '
    function off(a, b) { d = a - b; if (d < 0) d = -d;
	return d > 512 && d > 0.1 * (a > b ? a : b) }
    { r1 += $4; r2 += $6; w1 += $5; w2 += $7 }
    END { exit off(r1, r2) || off(w1, w2) }'; then
	ok "quiet interval agrees with iostat (sums: 10 % or 512 kB)"
else
	bad "quiet interval differs from iostat"
fi

echo "live: $pass passed, $fail failed"
[ $fail = 0 ]
