#!/bin/bash
# After frames cut short in no-block-trim mode (tests/firmware/log/trim.cpp)
# the decoder resynchronises: the junk is skipped and reported, every line
# that is shown is whole and right, and the frames after the flood all
# arrive in order. Called as: bash log_trim.sh RIVET TRIM_ELF
set -u
RIVET=$1
ELF=$2
out=$(mktemp)
trap 'rm -f "$out" "$out.err"' EXIT
"$RIVET" run "$ELF" --timeout 60 --log-format '{message}' >"$out" 2>"$out.err"
code=$?
if [ "$code" != 0 ]; then
    echo "FAIL: exit code $code: $(cat "$out.err")"
    exit 1
fi
grep -q 'skipped [0-9]* corrupt log frames' "$out.err" ||
    { echo "FAIL: nothing was cut short, so nothing was tested: $(cat "$out.err")"; exit 1; }
awk 'NR == 1 { if ($0 != "start") { print "FAIL: first line: " $0; exit 1 } next }
     /^flood text / { if ($0 != "flood text long enough to be cut short in the ring") { print "FAIL: " $0; exit 1 } floods++; next }
     /^flood / { if (NF != 3 || ($2 * 7919) % 4294967296 != $3) { print "FAIL: " $0; exit 1 } floods++; next }
     /^after the flood / { if ($4 != after) { print "FAIL: after the flood " after " expected: " $0; exit 1 } after++; next }
     { print "FAIL: unexpected line " NR ": " $0; exit 1 }
     END { if (after != 5) { print "FAIL: " after " of 5 lines after the flood"; exit 1 }
           printf "ok: %d flood lines whole, 5 after the flood in order\n", floods }' "$out"
