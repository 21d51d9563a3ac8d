#!/bin/sh
# run.sh - table mode on a real terminal (tmux), checked on what the
# screen shows:
#
#  1. intermediate updates redraw the line in place (delay 3: the screen
#     keeps 4 lines while the line is updated, the final line stays);
#  2. the header repeats so that header, lines and the line being drawn
#     fill the screen (10 rows: 7 lines per header);
#  3. the table is cut to the terminal's width with '>' and re-fitted on
#     SIGWINCH when the window shrinks;
#  4. colour on a terminal, none with NO_COLOR or --nocolor;
#  5. SIGINT ends after the line on screen, with status 0.
#
# Needs tmux. Usage: sh tests/tty/run.sh path/to/dstatk
# Exits non-zero on the first failure. Uses its own tmux server socket.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(pwd)/tests/fixtures/table-basic
sock=dstatk-tty-$$
tmp=$(mktemp -d)
fail=0
pass=0
command -v tmux > /dev/null || { echo "tty: tmux not installed"; exit 1; }

cleanup() {
	tmux -L "$sock" kill-server 2> /dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT

# start W H command: a fresh session running command, then a marker.
start() {
	tmux -L "$sock" kill-session -t t 2> /dev/null
	tmux -L "$sock" new-session -d -s t -x "$1" -y "$2" \
	    "env TERM=xterm $3; echo EXIT=\$?; sleep 60"
}
screen() { tmux -L "$sock" capture-pane -p -t t; }
screen_esc() { tmux -L "$sock" capture-pane -p -e -t t; }
history() { tmux -L "$sock" capture-pane -p -S -200 -t t; }
nonempty() { screen | grep -c .; }
ok() { pass=$((pass + 1)); }
bad() {
	echo "tty: FAIL: $1"
	screen | sed 's/^/  | /'
	fail=$((fail + 1))
}
# wait_for pattern seconds: until the screen shows it.
wait_for() {
	i=0
	while [ $i -lt $(($2 * 10)) ]; do
		screen | grep -q -- "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# 1. Intermediate updates: 2 header lines, the since-boot line, then the
# line being averaged, redrawn in place twice before it is final.
start 100 20 "$bin -c 3 2"
wait_for 'usr sys' 5 || bad "no header"
sleep 1.5
n1=$(nonempty)
sleep 1
n2=$(nonempty)
wait_for 'EXIT=0' 5 || bad "delay 3 count 2 did not end with status 0"
n3=$(screen | grep -c '^ *[0-9]')
if [ "$n1" = 4 ] && [ "$n2" = 4 ] && [ "$n3" = 2 ]; then ok; else
	bad "updates not in place: $n1 and $n2 lines while updating, $n3 data lines at the end (want 4 4 2)"
fi

# 2. Header repetition on a 10-row terminal: blocks of 7 lines.
start 100 10 "$bin --root $root -c 0.05 17"
wait_for 'EXIT=0' 10 || bad "17 lines did not end"
history > "$tmp/h"
heads=$(grep -c 'usr sys' "$tmp/h")
first=$(grep -n 'usr sys' "$tmp/h" | sed -n 2p | cut -d: -f1)
if [ "$heads" = 3 ] && [ "$first" = 11 ]; then ok; else
	bad "headers: $heads (want 3), second at line $first (want 11)"
	sed 's/^/  h /' "$tmp/h"
fi
start 100 10 "$bin --root $root -c --noheaders 0.05 17"
wait_for 'EXIT=0' 10 || bad "--noheaders run did not end"
heads=$(history | grep -c 'usr sys')
[ "$heads" = 1 ] && ok || bad "--noheaders: $heads headers (want 1)"

# 3. Cut to 40 columns, and re-fitted when the window shrinks.
start 40 20 "$bin --root $root -cdngy 1 2"
wait_for 'EXIT=0' 5 || bad "40 columns run did not end"
if screen | grep -q -- '^--total-cpu-usage-- -dsk/total->$' &&
    screen | grep -q -- '^ 12   3  84   1   0|3072k 1536k>$' &&
    [ "$(screen | awk 'length > 40' | wc -l)" = 0 ]; then ok; else
	bad "not cut to 40 columns"
fi
start 120 20 "$bin -cdngyl 0.5"
wait_for 'load-avg' 5 || bad "wide table not shown"
tmux -L "$sock" resize-window -t t -x 40 -y 20
sleep 1.5
last=$(screen | grep -- '-total-cpu-usage' | tail -1)
if [ "$last" = '--total-cpu-usage-- -dsk/total->' ] &&
    screen | tail -n +"$(screen | grep -n 'usr sys' | tail -1 | cut -d: -f1)" |
    grep '|' | grep -qv '>$'; then
	bad "after SIGWINCH some lines are not cut"
elif [ "$last" = '--total-cpu-usage-- -dsk/total->' ]; then
	ok
else
	bad "no re-fitted header after SIGWINCH (last title: $last)"
fi
tmux -L "$sock" send-keys -t t C-c

# 4. Colour by default on a terminal; none with NO_COLOR or --nocolor.
start 100 20 "$bin --root $root -c 1 1"
wait_for 'EXIT=0' 5
screen_esc | grep -q "$(printf '\033')\\[" && ok || bad "no colour on a terminal"
start 100 20 "env NO_COLOR=1 $bin --root $root -c 1 1"
wait_for 'EXIT=0' 5
screen_esc | grep -q "$(printf '\033')\\[" && bad "colour despite NO_COLOR" || ok
start 100 20 "$bin --root $root -c --nocolor 1 1"
wait_for 'EXIT=0' 5
screen_esc | grep -q "$(printf '\033')\\[" && bad "colour despite --nocolor" || ok

# 5. SIGINT in the middle of a line's updates: the line ends, status 0.
start 100 20 "$bin -c 5"
wait_for 'usr sys' 5 || bad "no header"
sleep 2.5
tmux -L "$sock" send-keys -t t C-c
if wait_for 'EXIT=0' 3 && screen | grep -q '^EXIT=0$'; then ok; else
	bad "SIGINT did not end cleanly on a fresh line"
fi

echo "tty: $pass passed, $fail failed"
[ $fail = 0 ]
