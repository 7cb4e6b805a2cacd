#!/bin/bash
# 100,000 log messages from firmware in blocking mode all arrive, in order,
# decoded. Called as: bash log_stress.sh RIVET STRESS_ELF
set -u
RIVET=$1
ELF=$2
out=$(mktemp)
trap 'rm -f "$out"' EXIT
start=$(date +%s.%N)
"$RIVET" run "$ELF" --timeout 100 --log-format '{message}' >"$out" 2>"$out.err"
code=$?
end=$(date +%s.%N)
if [ "$code" != 0 ]; then
    echo "FAIL: exit code $code: $(cat "$out.err")"
    exit 1
fi
# Every line seq 0..99999 exactly once, in order, then "done".
if ! awk 'BEGIN { n = 0 }
          /^seq / { if ($2 != n) { printf "FAIL: line %d is \"%s\", expected seq %d\n", NR, $0, n; exit 1 } n++; next }
          /^done$/ { if (n != 100000) { printf "FAIL: done after %d messages\n", n; exit 1 } done = 1; next }
          { printf "FAIL: unexpected line %d: %s\n", NR, $0; exit 1 }
          END { if (!done) { printf "FAIL: no done line (got %d messages)\n", n; exit 1 } }' "$out"; then
    exit 1
fi
if grep -q "dropped\|corrupt" "$out.err"; then
    echo "FAIL: $(cat "$out.err")"
    exit 1
fi
rm -f "$out.err"
echo "ok: 100000 messages in order in $(echo "$end - $start" | bc) s"
