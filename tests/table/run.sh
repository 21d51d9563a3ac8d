#!/bin/sh
# run.sh - table mode from the outside, where goldens cannot look: CSV
# files (new, appended, every column on a narrow terminal, a full disk, a
# file size limit), signals, missed ticks, the schedule, and no escape
# code ever reaching a pipe.
# Usage: sh tests/table/run.sh path/to/dstatk
set -u
bin=$1
root=tests/fixtures/table-basic
tmp=$(mktemp -d)
pass=0
fail=0
trap 'rm -rf "$tmp"' EXIT
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "table: FAIL: $1"; }
esc=$(printf '\033')
# fields per line of a CSV block must all be the same from its column
# line on: prints the distinct counts of the lines after the header.
fields() { awk -F, 'NR >= '"$2"' { print NF }' "$1" | sort -u | tr '\n' ' '; }

# 1. A new file: 4 metadata lines, groups, columns, one row per line.
"$bin" --root $root -cdn --output "$tmp/a.csv" 0.01 3 > /dev/null
if [ "$(wc -l < "$tmp/a.csv")" = 9 ] &&
    head -1 "$tmp/a.csv" | grep -q '^"dstatk .* CSV output"$' &&
    sed -n 5p "$tmp/a.csv" | grep -qx '"total cpu usage",,,,,"dsk/total",,"net/total",' &&
    sed -n 6p "$tmp/a.csv" | grep -qx '"usr","sys","idl","wai","stl","read","writ","recv","send"' &&
    sed -n 7p "$tmp/a.csv" | grep -qx '11.566771819137749,3.1545741324921135,84.12197686645636,1.0515247108307044,0.10515247108307045,3145728,1572864,7000,1500' &&
    [ "$(fields "$tmp/a.csv" 5)" = "9 " ]; then ok; else
	bad "new CSV file"
	cat "$tmp/a.csv"
fi

# 2. Appending: two blank lines, host and command lines, the header.
cp "$tmp/a.csv" "$tmp/b.csv"
"$bin" --root $root -c --output "$tmp/b.csv" 1 1 > /dev/null
if cmp -s "$tmp/a.csv" "$(head -9 "$tmp/b.csv" > "$tmp/b9"; echo "$tmp/b9")" &&
    sed -n 10,11p "$tmp/b.csv" | grep -c '^$' | grep -q 2 &&
    sed -n 12p "$tmp/b.csv" | grep -q '^"Host:"' &&
    sed -n 13p "$tmp/b.csv" | grep -q '^"Cmdline:","dstatk --root .* -c --output .* 1 1"' &&
    [ "$(wc -l < "$tmp/b.csv")" = 16 ]; then ok; else
	bad "appended CSV"
	cat "$tmp/b.csv"
fi

# 3. Every column in the CSV, whatever the terminal shows.
script -qec "stty cols 40 rows 25; $bin --root $root -cdngy --output $tmp/c.csv 1 1" \
    /dev/null > "$tmp/c.out" 2>&1
if grep -q '>' "$tmp/c.out" &&
    sed -n 6p "$tmp/c.csv" | grep -q '"int","csw"$'; then ok; else
	bad "narrow terminal: CSV lost columns"
fi

# 4. A full disk: a clear message, status 3.
"$bin" --root $root -c --output /dev/full 1 1 > /dev/null 2> "$tmp/err"
st=$?
if [ $st = 3 ] && grep -qx 'dstatk: cannot write /dev/full: No space left on device' "$tmp/err"
then ok; else
	bad "/dev/full: status $st, $(cat "$tmp/err")"
fi

# 5. A file size limit mid-run: the rows already written stay whole.
sh -c "trap '' XFSZ; ulimit -f 8; exec $bin --root $root -cdngylm --output $tmp/d.csv 0.001 2000" \
    > /dev/null 2> "$tmp/err"
st=$?
# The last byte is a newline: tail -c 1 | wc -l counts it.
last=$(tail -c 1 "$tmp/d.csv" | wc -l)
if [ $st = 3 ] && [ "$last" = 1 ] && [ "$(fields "$tmp/d.csv" 6)" = "20 " ] &&
    grep -q 'cannot write .*d.csv: File too large' "$tmp/err"; then ok; else
	bad "file size limit: status $st, last byte '$last', fields $(fields "$tmp/d.csv" 6), $(cat "$tmp/err")"
fi

# 6. SIGINT and SIGTERM: the lines out are whole, status 0.
for sig in INT TERM; do
	"$bin" -c --output "$tmp/s.csv" 0.2 > "$tmp/s.out" &
	pid=$!
	sleep 1
	kill -$sig $pid
	wait $pid
	st=$?
	if [ $st = 0 ] && [ "$(tail -c 1 "$tmp/s.out" | wc -l)" = 1 ] &&
	    [ "$(fields "$tmp/s.csv" 6)" = "5 " ] &&
	    [ "$(grep -c '^ *[0-9]' "$tmp/s.out")" -ge 4 ]; then ok; else
		bad "SIG$sig: status $st"
	fi
	rm -f "$tmp/s.csv"
done

# 7. A stopped process misses ticks: said on the next line, lines exact.
"$bin" -c 0.2 8 > "$tmp/m.out" &
pid=$!
sleep 0.5
kill -STOP $pid
sleep 1.3
kill -CONT $pid
wait $pid
if grep -q 'missed [0-9]* ticks' "$tmp/m.out" &&
    [ "$(grep -c '^ *[0-9]' "$tmp/m.out")" = 8 ]; then ok; else
	bad "missed ticks"
	cat "$tmp/m.out"
fi

# 8. count is exact; 0 is the header alone.
n=$("$bin" --root $root -c 0.01 5 | grep -c '^ *[0-9]')
z=$("$bin" --root $root -c 0.01 0 | wc -l)
[ "$n" = 5 ] && [ "$z" = 2 ] && ok || bad "count: 5 gave $n lines, 0 gave $z"

# 9. Absolute deadlines: 21 lines at 0.1 s take 2 s, not more.
t0=$(date +%s%N)
"$bin" -c 0.1 21 > /dev/null
t1=$(date +%s%N)
ms=$(((t1 - t0) / 1000000))
[ $ms -ge 1990 ] && [ $ms -lt 2100 ] && ok || bad "21 lines at 0.1 s took $ms ms"

# 10. Never an escape code in a pipe, whatever the options.
for args in "" "-a -f" "--bw" "--bits --float" "-tTcdngylmrsp --fs --vm --psi" \
    "--noupdate --noheaders" "--debug"; do
	# shellcheck disable=SC2086
	NO_COLOR= TERM=xterm "$bin" $args 0.01 2 2> /dev/null > "$tmp/p.out"
	if grep -q "$esc" "$tmp/p.out"; then bad "escape code in a pipe: $args"; else ok; fi
done

echo "table: $pass passed, $fail failed"
[ $fail = 0 ]
