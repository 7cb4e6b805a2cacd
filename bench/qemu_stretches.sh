# Sourced by the benchmarks' run.sh: a board's QEMU machine and CPU, and
# the instructions QEMU executes (-singlestep -d exec) in each
# bench_begin() .. bench_end() stretch of a firmware (bench/hal/markers.hpp).
# Needs $root (the repository).

machine_of() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["qemu"]["machine"])' "$root/boards/$1/board.json"; }
cpu_of() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["cpu"])' "$root/boards/$1/board.json"; }

# The instruction counts of every stretch, in order, on one line; further
# arguments go to QEMU.
stretches_of() {
    local elf=$1 machine=$2 trace
    shift 2
    trace=$(mktemp)
    timeout 120 qemu-system-arm -M "$machine" -nographic -monitor none -serial null -kernel "$elf" \
        -semihosting-config enable=on,target=native "$@" -singlestep -d exec,nochain -D "$trace" \
        >/dev/null 2>&1 || true
    # GCC may clone bench_end (bench_end.isra.0): match the prefix.
    awk '$NF == "bench_begin" { inside = 1; n = 0; next }
         $NF ~ /^bench_end/ && inside { printf "%d ", n; inside = 0 }
         inside { n++ }
         END { print "" }' "$trace"
    rm -f "$trace"
}
