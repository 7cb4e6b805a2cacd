#!/usr/bin/env bash
# The PL081 DMA against the CPU (bench/run.sh calls this; prints a Markdown
# section): the instructions the core executes to copy 4 KiB on QEMU's
# mps2-an505, counted exactly by QEMU (-singlestep -d exec) in each
# bench_begin() .. bench_end() stretch of bench/dma/copy.cpp.
# Uses the firmware build (make firmware).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
elf=${RIVET_FIRMWARE_BUILD:-$root/build/firmware}/bench/dma/bench-mps2-an505-dma-copy.elf

trace=$(mktemp)
trap 'rm -f "$trace"' EXIT
timeout 120 qemu-system-arm -M mps2-an505 -nographic -monitor none -serial null -kernel "$elf" \
    -semihosting-config enable=on,target=native -singlestep -d exec,nochain -D "$trace" \
    >/dev/null 2>&1 || true
# Every stretch, in order (GCC may clone bench_end: match the prefix).
read -r -a n < <(awk '$NF == "bench_begin" { inside = 1; n = 0; next }
                      $NF ~ /^bench_end/ && inside { printf "%d ", n; inside = 0 }
                      inside { n++ }
                      END { print "" }' "$trace")

cat <<MD
## DMA (PL081) against the CPU

\`bench/dma/run.sh\`: \`bench/dma/copy.cpp\` built by \`make firmware\` (GCC $(arm-none-eabi-gcc -dumpversion),
\`-Os\`), run on QEMU's mps2-an505 (Cortex-M33). Instructions the core executes to copy 4 KiB (1024
words) from one static buffer to another, counted exactly by QEMU (\`-singlestep -d exec\`) between the
return from \`bench_begin()\` and the call of \`bench_end()\`. The DMA's own bus cycles are not the
core's and are not counted; QEMU's PL081 moves the whole transfer while the channel is being enabled,
so the blocking wait loop runs once here where real hardware would spin (or, awaited, sleep) for
the transfer's duration.

| how | instructions |
|---|---:|
| PL081 DMA, blocking (\`channel::transfer(copy(from, to)).run()\`) | ${n[0]:-?} |
| \`std::memcpy\` (newlib nano) | ${n[1]:-?} |
| word loop (\`volatile\` stores, 1024 iterations) | ${n[2]:-?} |
| PL081 DMA awaited by a task (\`co_await dma1::transfer<0>(...)\`: start in a critical section, the terminal-count interrupt and its handler; QEMU is done before the task would suspend) | ${n[3]:-?} |
MD
