#!/usr/bin/env bash
# The runner benchmark: prints its section of BENCHMARKS.md (bench/run.sh
# assembles the file). Wall-clock numbers on the host are compared side by
# side in the same run, never asserted in tests.
set -euo pipefail
cd "$(dirname "$0")/../.."
rivet=build/bin/rivet
first_line=build/host/bench/first_line
hello=build/firmware/examples/hello/hello-lm3s6965evb.elf
big=build/firmware/bench/runner/bench-big-image.elf
runs=${RIVET_BENCH_RUNS:-21}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

# 1. From starting `rivet run` to the firmware's first output line.
first=() total=()
for _ in $(seq "$runs"); do
    read -r f t code < <("$first_line" "$rivet" run "$hello")
    [ "$code" = 0 ] || { echo "rivet run failed ($code)"; exit 1; }
    first+=("$f") total+=("$t")
done
first_ms=$(printf '%s\n' "${first[@]}" | median | awk '{printf "%.1f", $1/1000}')
total_ms=$(printf '%s\n' "${total[@]}" | median | awk '{printf "%.1f", $1/1000}')

# 2. Loading the same ~200 KiB image into a fresh QEMU lm3s6965evb, rivet
#    and gdb-multiarch in turn. Each reports its own transfer time; the
#    command's wall time includes starting the tool and connecting.
start_qemu() {
    for _ in $(seq 20); do
        port=$((20000 + RANDOM % 40000))
        qemu-system-arm -M lm3s6965evb -S -nodefaults -display none -monitor none -serial null \
            -gdb "tcp:127.0.0.1:$port" </dev/null >/dev/null 2>&1 &
        qemu=$!
        sleep 0.2
        kill -0 $qemu 2>/dev/null && return 0
    done
    echo "cannot start QEMU"; exit 1
}
stop_qemu() { kill $qemu 2>/dev/null; wait $qemu 2>/dev/null || true; }

size=$(arm-none-eabi-size -A "$big" | awk '$1 == ".vectors" || $1 == ".text" || $1 == ".data" {s += $2} END {print s}')
rivet_ms=() gdb_ms=() rivet_wall=() gdb_wall=()
for _ in $(seq 7); do
    start_qemu
    t0=$(date +%s%N)
    line=$("$rivet" flash --no-verify --probe "gdb://127.0.0.1:$port" "$big")
    t1=$(date +%s%N)
    stop_qemu
    rivet_ms+=("$(sed -E 's/.* in ([0-9.]+) ms.*/\1/' <<<"$line")")
    rivet_wall+=("$(( (t1 - t0) / 1000 ))")

    start_qemu
    t0=$(date +%s%N)
    out=$(gdb-multiarch -nx -batch -ex "target remote 127.0.0.1:$port" -ex load "$big" 2>&1)
    t1=$(date +%s%N)
    stop_qemu
    rate=$(sed -nE 's/.*Transfer rate: ([0-9]+) KB\/sec.*/\1/p' <<<"$out")
    [ -n "$rate" ] || { echo "gdb load failed: $out"; exit 1; }
    gdb_ms+=("$(awk -v s="$size" -v r="$rate" 'BEGIN {printf "%.1f", s / (r * 1024) * 1000}')")  # gdb prints KiB/s as "KB/sec"
    gdb_wall+=("$(( (t1 - t0) / 1000 ))")
done
rivet_load=$(printf '%s\n' "${rivet_ms[@]}" | median)
gdb_load=$(printf '%s\n' "${gdb_ms[@]}" | median)
rivet_wall_ms=$(printf '%s\n' "${rivet_wall[@]}" | median | awk '{printf "%.1f", $1/1000}')
gdb_wall_ms=$(printf '%s\n' "${gdb_wall[@]}" | median | awk '{printf "%.1f", $1/1000}')
kib=$(awk -v s="$size" 'BEGIN {printf "%.0f", s / 1024}')
rate() { awk -v s="$size" -v ms="$1" 'BEGIN {printf "%.0f", s / 1024 / (ms / 1000)}'; }
ratio=$(awk -v a="$gdb_load" -v b="$rivet_load" 'BEGIN {printf "%.2f", a / b}')
wall_ratio=$(awk -v a="$gdb_wall_ms" -v b="$rivet_wall_ms" 'BEGIN {printf "%.1f", a / b}')

cat <<MD
## Runner

$(qemu-system-arm --version | head -1); $(gdb-multiarch --version | head -1).
Host wall-clock numbers: medians, compared side by side in the same run.

### Time to the first line
\`rivet run $hello\` (QEMU lm3s6965evb), median of $runs runs:

| from starting \`rivet run\` to | ms |
|---|---|
| the firmware's first output line | $first_ms |
| exit (QEMU gone) | $total_ms |

Aim: first line within 150 ms.

### Load throughput
The same $kib KiB image (\`$big\`), loaded into a fresh QEMU lm3s6965evb through its GDB stub,
median of 7 runs each. Transfer time is what each tool reports for the load itself (gdb's
"Transfer rate"); wall time is the whole command, including starting the tool and connecting.

| tool | transfer ms | KiB/s | wall ms |
|---|---|---|---|
| \`rivet flash --no-verify --probe gdb://...\` | $rivet_load | $(rate "$rivet_load") | $rivet_wall_ms |
| \`gdb-multiarch -batch -ex 'target remote ...' -ex load\` | $gdb_load | $(rate "$gdb_load") | $gdb_wall_ms |

Ratio (gdb / rivet): **${ratio}x** for the transfer, **${wall_ratio}x** for the whole command.
Aim: at least 2x. The whole command meets it; the transfer cannot by much: QEMU's stub takes one
\`M\` packet (about 2 KiB of data, as hex) per turn of its main loop, which bounds both tools. Rivet
keeps 16 packets in flight and sends its acks with the next packet, so the only time left is
QEMU's; gdb waits for each reply before sending the next packet.
MD
