#!/usr/bin/env bash
# Logging benchmark (bench/run.sh calls this; prints a Markdown section):
# instructions per log call (QEMU -singlestep -d exec, exact) and flash per
# call site (arm-none-eabi-size) for RIVET_INFO over RTT against snprintf +
# UART; bytes on the wire per message; host decoder frames per second.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${RIVET_BENCH_LOG_BUILD:-$root/build/bench-log}
cmake -S "$root/bench/log" -B "$build" -G Ninja -DCMAKE_TOOLCHAIN_FILE="$root/cmake/arm-none-eabi.cmake" \
    -DRivet_DIR="$root/cmake" -DCMAKE_BUILD_TYPE=MinSizeRel >/dev/null
cmake --build "$build" >/dev/null
rivet=${RIVET:-$root/build/host/host/cli/rivet}

# Instructions from bench_begin's return to bench_end's entry, per marker pair.
count_instructions() {
    local elf=$1 trace
    trace=$(mktemp)
    timeout 60 qemu-system-arm -M lm3s6965evb -nographic -monitor none -serial null -kernel "$elf" \
        -semihosting-config enable=on,target=native -singlestep -d exec,nochain -D "$trace" >/dev/null 2>&1 || true
    awk '$NF == "bench_begin" { inside = 1; n = 0; next }
         $NF == "bench_end" && inside { print n - 0; inside = 0; next }
         inside { n++ }' "$trace"
    rm -f "$trace"
}
text_of() { arm-none-eabi-size -A "$build/$1.elf" | awk '$1 == ".text" { print $2 }'; }

mapfile -t deferred < <(count_instructions "$build/call-deferred.elf")
mapfile -t printf_calls < <(count_instructions "$build/call-printf.elf")
none=$(text_of sites-0-none)
d0=$(text_of sites-0-deferred); d10=$(text_of sites-10-deferred)
p0=$(text_of sites-0-printf); p10=$(text_of sites-10-printf)
wire=$("$rivet" run "$build/wire.elf" --timeout 20)
wire_ints=$(awk '$1 == "ints" { printf "%.1f", $2 / $3 }' <<<"$wire")
wire_string=$(awk '$1 == "string" { printf "%.1f", $2 / $3 }' <<<"$wire")

# Polling: the same busy firmware under plain QEMU (no debugger) and under
# rivet run (RTT block present, idle back-off); and 100,000 messages flat out.
seconds() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N); echo "$e - $s" | bc; }
qemu_busy=$(seconds timeout 120 qemu-system-arm -M lm3s6965evb -nographic -monitor none -serial null \
    -kernel "$build/busy.elf" -semihosting-config enable=on,target=native)
rivet_busy=$(seconds "$rivet" run "$build/busy.elf" --timeout 120)
stress=$(seconds "$rivet" run "$build/stress.elf" --timeout 120)

decoder=$build/decoder_bench
c++ -std=c++20 -O2 -I"$root/host/log/include" -I"$root/host/support/include" -I"$root/contracts/include" \
    -I"$root/host/elf/include" "$root/bench/log/decoder_bench.cpp" "$root/host/log/metadata.cpp" \
    "$root/host/log/decoder.cpp" "$root/host/log/printer.cpp" "$root/host/elf/file.cpp" -lelf -lfmt -o "$decoder"
decode=$("$decoder")

cat <<MD
## Logging

\`bench/log/run.sh\`: firmware built MinSizeRel for lm3s6965evb (Cortex-M3, GCC $(arm-none-eabi-gcc -dumpversion));
instructions counted exactly by QEMU (\`-singlestep -d exec\`) from the first instruction of the
call to its return; flash from \`arm-none-eabi-size\`.

| | \`RIVET_INFO\` over RTT | \`snprintf\` + UART | |
|---|---|---|---|
| instructions, \`"t={} C, n={}"\` with an int and an unsigned | ${deferred[0]} | ${printf_calls[0]} | \`"t=%d C, n=%u\\n"\` |
| instructions, \`"sensor {} ready"\` with a C string | ${deferred[1]} | ${printf_calls[1]} | \`"sensor %s ready\\n"\` |
| flash per extra call site (2 integer args) | $(( (d10 - d0) / 9 )) B | $(( (p10 - p0) / 9 )) B | (10 sites − 1 site) / 9 |
| flash, library + first call site | $(( d0 - none )) B | $(( p0 - none )) B | over the same firmware without logging |
| bytes on the wire per message | ${wire_ints} / ${wire_string} | 18 / 21 | ints / string, frame with COBS and delimiter vs the text |

Polling (adaptive: 2 ms while data flows, 1 ms when the buffer was over half full, doubling to 50 ms
when idle): a firmware busy for 10^9 loop iterations takes $(printf %.2f "$qemu_busy") s under plain QEMU without a
debugger and $(printf %.2f "$rivet_busy") s under \`rivet run\` (startup and idle polling included).
100,000 messages logged flat out in blocking mode (\`seq {}\`, tests/firmware/log/stress.cpp) arrive in
$(printf %.2f "$stress") s wall time through \`rivet run\`, about $(echo "100000 / $stress" | bc) messages/s.

Host decoder (\`bench/log/decoder_bench.cpp\`, $(awk '{print $3}' <<<"$(head -1 <<<"$decode")") bytes of frames, one core of this machine):
$(awk '{ printf "%s: %.2f million frames/s. ", $1, $2 / 1e6 }' <<<"$decode")
MD
