#!/usr/bin/env bash
# `make fuzz-long`: every libFuzzer target for RIVET_FUZZ_SECONDS (10
# minutes in the fuzz-long preset), two at a time, then one line per target:
# how many inputs it ran and whether it stayed clean (no crash, leak,
# timeout or out-of-memory). New inputs stay in build/fuzz-long.
set -uo pipefail
cd "$(dirname "$0")/.."
log=build/fuzz-long/fuzz-long.log
mkdir -p build/fuzz-long
ctest --preset fuzz-long >"$log" 2>&1
status=$?
echo "fuzzer                          result  runs        seconds  coverage"
# libFuzzer ends each run with "Done N runs in S second(s)"; its last
# status line carries the coverage reached.
awk '
    # Verbose ctest output: every line of test N starts with "N: ".
    { id = $1; sub(/:$/, "", id) }
    $2 == "Test" && $3 == "command:" { name[id] = $4; sub(/.*\//, "", name[id]) }
    / cov: / { for (i = 1; i <= NF; i++) if ($i == "cov:") cov[id] = $(i + 1) }
    $2 == "Done" && $4 == "runs" { runs[id] = $3; secs[id] = $6 }
    /Test +#[0-9]+: / {
        n = $0; sub(/.*Test +#/, "", n); sub(/:.*/, "", n)
        result[n] = ($0 ~ /Passed/) ? "clean" : "FAILED"
    }
    END { for (n in result) printf "%-31s %-7s %-11s %-8s %s\n", name[n], result[n], runs[n], secs[n], cov[n] }
' "$log" | sort
echo "full output: $log"
exit $status
