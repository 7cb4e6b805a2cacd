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
rivet=${RIVET:-$root/build/bin/rivet}

# Instructions from bench_begin's return to bench_end's entry, per marker
# pair, with where they went (bench/log/profile.sh).
profile() { "$root/bench/log/profile.sh" "$1"; }
count_instructions() { profile "$1" | awk '{ print $1 }'; }
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

# The decoder alone (Google Benchmark, CPU time, built with the host tool).
decode=$("$root/build/host/bench/log_decoder_bench" --benchmark_min_time=1 2>/dev/null |
    awk '/^decode/ { for (i = 1; i <= NF; i++) if ($i ~ /^items_per_second=/) {
        v = substr($i, 18); m = v ~ /M\/s$/ ? 1e6 : (v ~ /k\/s$/ ? 1e3 : 1); sub(/[kM]?\/s$/, "", v)
        printf "%s %.2f\n", $1, v * m / 1e6 } }')
decode_only=$(awk '$1 == "decode" { print $2 }' <<<"$decode")
decode_render=$(awk '$1 == "decode_render" { print $2 }' <<<"$decode")
# Where the instructions of one call go, per function (demangled, shortened).
breakdown() {
    profile "$build/call-deferred.elf" | sed -n "${1}p" | tr ' ' '\n' | tail -n +2 | c++filt |
        sed -E 's/\(anonymous namespace\):://; s/\(.*$//; s/<.*>//; s/^([0-9]+):(.* )?([^ ]*::)?([^ :]+)$/\1 \4/' |
        paste -sd, - | sed 's/,/, /g'
}
cat <<MD
## Logging

\`bench/log/run.sh\`: firmware built MinSizeRel for lm3s6965evb (Cortex-M3, GCC $(arm-none-eabi-gcc -dumpversion));
instructions counted exactly by QEMU (\`-singlestep -d exec\`) from the first instruction of the
call to its return; flash from \`arm-none-eabi-size\`.

| | \`RIVET_INFO\` over RTT | \`snprintf\` + UART | |
|---|---|---|---|
| instructions, \`"n={}"\` with one unsigned | ${deferred[0]} | ${printf_calls[0]} | \`"n=%u\\n"\` |
| instructions, \`"t={} C, n={}"\` with an int and an unsigned | ${deferred[1]} | ${printf_calls[1]} | \`"t=%d C, n=%u\\n"\` |
| instructions, \`"sensor {} ready"\` with a C string | ${deferred[2]} | ${printf_calls[2]} | \`"sensor %s ready\\n"\` |
| flash per extra call site (2 integer args) | $(( (d10 - d0) / 9 )) B | $(( (p10 - p0) / 9 )) B | (10 sites − 1 site) / 9 |
| flash, library + first call site | $(( d0 - none )) B | $(( p0 - none )) B | over the same firmware without logging |
| bytes on the wire per message | ${wire_ints} / ${wire_string} | 18 / 21 | ints / string, frame with COBS and delimiter vs the text |

Polling (adaptive: 2 ms while data flows, 1 ms when the buffer was over half full, doubling to 50 ms
when idle): a firmware busy for 10^9 loop iterations takes $(printf %.2f "$qemu_busy") s under plain QEMU without a
debugger and $(printf %.2f "$rivet_busy") s under \`rivet run\` (startup and idle polling included).

Where the instructions go (\`bench/log/profile.sh build/bench-log/call-deferred.elf\`, per function):
one unsigned: $(breakdown 1); two integers: $(breakdown 2); the C string: $(breakdown 3).
Arguments of a bounded size (integers, bool, char, floats, pointers, enums, interned strings) are
encoded straight into the RTT ring when it has contiguous room for their longest encoding, with
interrupts masked; only the frame's first COBS code byte and its delimiter are added (full COBS only
when a zero byte went out). Anything else, a full ring, a drop to report or a transport of the
firmware's own takes the buffered path (a frame on the stack, COBS, \`transport::write\`).
Before that direct path (810d704, same benchmark): 254, 290 and 385 instructions, spent in the
varint writer (58 of the unsigned's), COBS over a copy on the stack (53), the generic RTT write (50),
its memcpy (28), and the frame and transport layers around them.

100,000 messages logged flat out in blocking mode (\`seq {}\`, tests/firmware/log/stress.cpp) arrive in
$(printf %.2f "$stress") s wall time through \`rivet run\`, about $(echo "100000 / $stress" | bc) messages/s;
the decoder alone does $(awk -v d="$decode_only" 'BEGIN { printf "%.0f", d * 1e6 }') frames/s, so QEMU and the
polls that halt it to read the 1 KiB ring are the limit, not the decoder.

Host decoder (\`bench/log/decoder_bench.cpp\`, Google Benchmark, CPU time on one core, 100,000 frames of
the two-integer message fed in 4 KiB chunks): decode ${decode_only} M frames/s,
decode+render (text layout) ${decode_render} M frames/s. Before (810d704, the same benchmark
against its sources, render() per line): 8.5 and 3.6 M frames/s; the format parsed per frame, a
map lookup and a new record and string per frame, and COBS through a vector were the time.
MD
