#!/bin/sh
# run.sh - dstatk -j output validated against schemas/ by an independent
# validator (Debian's python3-jsonschema), on fixture trees and on this
# machine; and proof that the schema rejects what it must.
set -u
bin=$1
schema=schemas/dstatk-json.schema.json
v="/usr/bin/python3 tests/schema/validate.py $schema"
pass=0 fail=0
check() { # name, then a command whose output is validated
	name=$1
	shift
	if out=$("$@" | $v 2>&1); then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "schema $name: $out"
	fi
}
reject() { # name, JSON text that must be rejected
	if printf '%s' "$2" | $v > /dev/null 2>&1; then
		fail=$((fail + 1))
		echo "schema $1: accepted a bad document"
	else
		pass=$((pass + 1))
	fi
}
for root in tests/fixtures/*/; do
	[ -d "$root/proc" ] || continue
	check "$root" "$bin" --root "$root" -j
done
check live "$bin" -j
check live-interval "$bin" -j -T u cpu:total 0.05 3
good='[{"module":"m","instance":"0","name":"n","class":"c","type":1,"snaptime":1.000000000,"data":{"crtime":1.000000000,"snaptime":1.000000000,"x":18446744073709551615},"snaptime_ns":1000000000,"crtime_ns":1000000000,"source":"/proc/x","meta":{"crtime":{"type":"hrtime","kind":"timestamp","clock":"boottime","unit":"s"},"snaptime":{"type":"hrtime","kind":"timestamp","clock":"boottime","unit":"s"},"x":{"type":"uint64","kind":"counter","width":64,"unit":"1"}}}]'
if printf '%s' "$good" | $v > /dev/null 2>&1; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "schema: rejected a good document"; fi
reject no-width "$(printf '%s' "$good" | sed 's/"width":64,//')"
reject over-u64 "$(printf '%s' "$good" | sed 's/18446744073709551615/18446744073709551616/')"
reject string-gauge "$(printf '%s' "$good" | sed 's/"type":"uint64","kind":"counter","width":64/"type":"string","kind":"gauge"/')"
reject extra-member "$(printf '%s' "$good" | sed 's/"type":1,/"type":1,"bogus":2,/')"
reject meta-mismatch "$(printf '%s' "$good" | sed 's/"x":{"type"/"y":{"type"/')"
echo "schema: $pass passed, $fail failed"
[ $fail = 0 ]
