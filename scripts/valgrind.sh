#!/bin/sh
# valgrind.sh - dump and table runs under valgrind: no errors, no leaks.
set -eu
bin=$1
run() {
	valgrind -q --error-exitcode=9 --leak-check=full \
	    --errors-for-leak-kinds=definite,indirect "$@" > /dev/null
}
run "$bin" -p
run "$bin" -j
run "$bin" --root tests/fixtures/procfs -j
run "$bin" -p cpu:total 0.01 3
run "$bin" -p '/c/:/^[0-9]+$/' nosuch || [ $? -eq 1 ]
run "$bin" --nocolor -cdngy 0.01 3
echo "valgrind: clean"
