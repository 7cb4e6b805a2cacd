#!/usr/bin/env bash
# Compile time of translation units that include one device's generated
# headers (stm32u575, stm32-rs patched), against the CMSIS-style C header
# rivet generates for the same device. Best of N runs by CPU time (user+sys),
# with that run's wall time.
#   compile_time.sh RIVET_SVD_TOOL CORPUS_DIR WORK_DIR [RUNS]
set -euo pipefail
tool=$1 corpus=$2 work=$3 runs=${4:-3}
here=$(cd "$(dirname "$0")" && pwd)
cxx=${ARM_CXX:-arm-none-eabi-g++}
cc=${ARM_CC:-arm-none-eabi-gcc}
dev=${DEVICE:-stm32u575}
mkdir -p "$work"
patch=(--patch "$corpus/stm32-rs-devices/$dev.yaml" --svd-root "$corpus/stm32")
"$tool" svd gen "$corpus/stm32/$dev.svd" "${patch[@]}" -o "$work/cpp"
"$tool" svd gen "$corpus/stm32/$dev.svd" "${patch[@]}" --format cmsis -o "$work/cmsis"
cmsis_h=$(basename "$(ls "$work"/cmsis/*.h)")
set_hsion="$dev::RCC.cr().modify([](auto& v) { v.hsion($dev::rcc::cr::hsion_v::enabled); });"
printf '#include "%s.hpp"\nunsigned f() { return static_cast<unsigned>(%s::RCC.cr().address()); }\n' "$dev" "$dev" \
    > "$work/device.cpp"
printf '#include "%s.hpp"\n#include "%s/rcc.hpp"\nvoid f() { %s }\n' "$dev" "$dev" "$set_hsion" > "$work/device_rcc.cpp"
printf '#include "%s/rcc.hpp"\nvoid f() { %s }\n' "$dev" "$set_hsion" > "$work/rcc.cpp"
{
    echo "#include \"$dev.hpp\""
    for h in "$work/cpp/$dev"/*.hpp; do echo "#include \"$dev/$(basename "$h")\""; done
    echo "void f() { $set_hsion }"
} > "$work/all.cpp"
printf '#include "%s"\nvoid f(void) { RCC->CR |= RCC_CR_HSION_Msk; }\n' "$cmsis_h" > "$work/cmsis.c"
printf '#include "%s"\nvoid f() { RCC->CR = RCC->CR | RCC_CR_HSION_Msk; }\n' "$cmsis_h" > "$work/cmsis.cpp"
best() {  # "wall_ms cpu_ms": the run with the least CPU time of N runs of "$@"
    local b=999999 w=0 c
    for _ in $(seq "$runs"); do
        /usr/bin/time -f "%e %U %S" -o "$work/time" "$@" >/dev/null ||
            { echo "compile failed: $*" >&2; exit 1; }
        read -r wall user sys < "$work/time"
        c=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%d", (u + s) * 1000 + 0.5 }')
        if (( c < b )); then b=$c; w=$(awk -v x="$wall" 'BEGIN { printf "%d", x * 1000 + 0.5 }'); fi
    done
    echo "$w $b"
}
lines() {  # lines of the generated headers a translation unit includes (not register.hpp)
    local tu=$1 n=0 h
    for h in $(grep -oE '^#include "[^"]+"' "$tu" | cut -d'"' -f2); do
        n=$((n + $(wc -l < "$work/cpp/$h")))
        if [[ $h == "$dev.hpp" ]]; then n=$((n + $(cat "$work/cpp/$dev"/blocks/*.hpp | wc -l))); fi
        if [[ $h == "$dev/"* && $h != "$dev/interrupts.hpp" && -f "$work/cpp/$dev/blocks/${h#"$dev/"}" ]]; then
            n=$((n + $(wc -l < "$work/cpp/$dev/blocks/${h#"$dev/"}")))
        fi
    done
    echo "$n"
}
flags=(-mcpu=cortex-m33 -mthumb -O2 -c)
cpp_flags=(-std=c++20 "${flags[@]}" -I"$work/cpp" -I"$here/../../firmware/registers/include")
row() {  # label tu compiler flags...
    local label=$1 tu=$2 n=$3; shift 3
    read -r wall cpu < <(best "$@" "$tu" -o "$work/out.o")
    echo "| $label | $n | $wall | $cpu |"
}
echo "| translation unit ($dev) | header lines | wall ms | CPU ms (best of $runs) |"
echo "|---|---:|---:|---:|"
row "device header \`$dev.hpp\` (every peripheral and register, no fields), arm-none-eabi-g++ -std=c++20 -O2" \
    "$work/device.cpp" "$(lines "$work/device.cpp")" "$cxx" "${cpp_flags[@]}"
row "device header and one peripheral's fields (\`$dev/rcc.hpp\`), a field set" \
    "$work/device_rcc.cpp" "$(lines "$work/device_rcc.cpp")" "$cxx" "${cpp_flags[@]}"
row "one peripheral (\`$dev/rcc.hpp\`) alone, a field set" \
    "$work/rcc.cpp" "$(lines "$work/rcc.cpp")" "$cxx" "${cpp_flags[@]}"
row "device header and every peripheral's fields" \
    "$work/all.cpp" "$(lines "$work/all.cpp")" "$cxx" "${cpp_flags[@]}"
row "CMSIS-style C (\`$cmsis_h\`, arm-none-eabi-gcc -std=c11 -O2)" \
    "$work/cmsis.c" "$(wc -l < "$work/cmsis/$cmsis_h")" "$cc" -std=c11 "${flags[@]}" -I"$work/cmsis"
row "CMSIS-style C header in C++ (arm-none-eabi-g++ -std=c++20 -O2)" \
    "$work/cmsis.cpp" "$(wc -l < "$work/cmsis/$cmsis_h")" "$cxx" -std=c++20 "${flags[@]}" -I"$work/cmsis"
