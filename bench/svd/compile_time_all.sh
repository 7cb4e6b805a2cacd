#!/usr/bin/env bash
# Compile time of every corpus device's generated device header (`<device>.hpp`:
# every peripheral and register, not their fields; arm-none-eabi-g++ -std=c++20 -O2) against the CMSIS-style C header rivet
# generates for the same device (arm-none-eabi-gcc -std=c11 -O2). Each
# translation unit includes the header and touches one register. Best of N
# runs, wall and CPU (user+sys) time: on a loaded machine the CPU time is the
# steadier figure. Prints a Markdown table.
#   compile_time_all.sh RIVET CORPUS_DIR WORK_DIR [RUNS]
set -euo pipefail
tool=$1 corpus=$2 work=$3 runs=${4:-3}
here=$(cd "$(dirname "$0")" && pwd)
cxx=${ARM_CXX:-arm-none-eabi-g++}
cc=${ARM_CC:-arm-none-eabi-gcc}
mkdir -p "$work"
flags=(-mcpu=cortex-m4 -mthumb -O2 -c)
best() {  # "wall_ms cpu_ms": the run with the least CPU time of N runs of "$@"
    local b=999999 w=0
    for _ in $(seq "$runs"); do
        /usr/bin/time -f "%e %U %S" -o "$work/time" "$@" >/dev/null ||
            { echo "compile failed: $*" >&2; exit 1; }
        read -r wall user sys < "$work/time"
        local c; c=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%d", (u + s) * 1000 + 0.5 }')
        if (( c < b )); then b=$c; w=$(awk -v x="$wall" 'BEGIN { printf "%d", x * 1000 + 0.5 }'); fi
    done
    echo "$w $b"
}
echo "| device | patch | C++ header lines | C++ wall ms | C++ CPU ms | C header lines | C wall ms | C CPU ms | C++ / C (CPU) |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|"
for svd in $(ls "$corpus"/*/*.svd | sort); do
    dev=$(basename "$svd" .svd)
    out="$work/$dev"
    patch=() used=-
    if [ -f "$corpus/stm32-rs-devices/$dev.yaml" ]; then
        patch=(--patch "$corpus/stm32-rs-devices/$dev.yaml" --svd-root "$corpus/stm32")
        used=stm32-rs
    fi
    "$tool" svd gen "$svd" "${patch[@]}" -o "$out/cpp"
    "$tool" svd gen "$svd" "${patch[@]}" --format cmsis -o "$out/cmsis"
    hpp=$(ls "$out"/cpp/*.hpp)
    ns=$(basename "$hpp" .hpp)
    h=$(ls "$out"/cmsis/*.h)
    # The device header's first peripheral instance and the C header's first
    # peripheral pointer: what a translation unit would touch.
    printf '#include "%s"\nvoid rivet_bench_touch() { (void)%s::memory_map::%s; }\n' "$ns.hpp" "$ns" \
        "$(awk '/^namespace memory_map/ {on=1; next} on && /inline constexpr/ {print $4; exit}' "$hpp")" \
        > "$out/cpp.cpp"
    printf '#include "%s"\nunsigned rivet_bench_touch(void) { return (unsigned)sizeof(*%s); }\n' \
        "$(basename "$h")" "$(grep -m1 -oE '^#define [A-Za-z0-9_]+ +\(\([A-Za-z0-9_]+_TypeDef *\*\)' "$h" |
            awk '{print $2}')" > "$out/c.c"
    read -r cpp_wall cpp_cpu < <(best "$cxx" -std=c++20 "${flags[@]}" -I"$out/cpp" \
        -I"$here/../../firmware/registers/include" "$out/cpp.cpp" -o "$out/cpp.o")
    read -r c_wall c_cpu < <(best "$cc" -std=c11 "${flags[@]}" -I"$out/cmsis" "$out/c.c" -o "$out/c.o")
    lines_cpp=$(cat "$out"/cpp/*.hpp "$out"/cpp/*/blocks/*.hpp | wc -l)  # what the device header includes
    lines_c=$(wc -l < "$h")
    ratio=$(awk -v a="$cpp_cpu" -v b="$c_cpu" 'BEGIN { printf "%.1f", (b > 0 ? a / b : 0) }')
    echo "| $dev | $used | $lines_cpp | $cpp_wall | $cpp_cpu | $lines_c | $c_wall | $c_cpu | ${ratio}x |"
done
