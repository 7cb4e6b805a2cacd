#!/usr/bin/env bash
# Exact instructions of each call between bench_begin() and bench_end() in a
# firmware ELF for lm3s6965evb (QEMU -singlestep -d exec: one trace line per
# instruction, ending in the symbol it is in). Prints one line per marked
# call: the total, then count:function for each function it went through.
#   bench/log/profile.sh build/bench-log/call-deferred.elf
set -euo pipefail
elf=$1
trace=$(mktemp)
trap 'rm -f "$trace"' EXIT
timeout 60 qemu-system-arm -M lm3s6965evb -nographic -monitor none -serial null -kernel "$elf" \
    -semihosting-config enable=on,target=native -singlestep -d exec,nochain -D "$trace" >/dev/null 2>&1 || true
awk '$NF == "bench_begin" { inside = 1; n = 0; delete per; order = ""; next }
     $NF == "bench_end" && inside {
         line = n
         split(order, names, " ")
         for (i = 1; i in names; i++) line = line " " per[names[i]] ":" names[i]
         print line; inside = 0; next }
     inside { n++; if (!($NF in per)) order = order " " $NF; per[$NF]++ }' "$trace"
