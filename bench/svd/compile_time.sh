#!/usr/bin/env bash
# Compile time of a translation unit that includes a whole device
# (stm32u575, stm32-rs patched): the generated C++ headers against the
# CMSIS-style C header rivet generates for the same device. Best of N runs.
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
printf '#include "%s.hpp"\nvoid f() { %s::RCC.cr().modify([](auto& v) { v.set_bits(v.bits() | 0x100u); }); }\n' "$dev" "$dev" > "$work/cpp.cpp"
printf '#include "%s/rcc.hpp"\nvoid f() { %s::RCC.cr().modify([](auto& v) { v.set_bits(v.bits() | 0x100u); }); }\n' "$dev" "$dev" > "$work/cpp_one.cpp"
printf '#include "%s"\nvoid f(void) { RCC->CR |= RCC_CR_HSION_Msk; }\n' "$cmsis_h" > "$work/cmsis.c"
printf '#include "%s"\nvoid f() { RCC->CR = RCC->CR | RCC_CR_HSION_Msk; }\n' "$cmsis_h" > "$work/cmsis.cpp"
best() {  # best wall time in ms of N runs of "$@"
    local b=999999 t0 t1 ms
    for _ in $(seq "$runs"); do
        t0=$(date +%s%N); "$@" >/dev/null || { echo "compile failed: $*" >&2; exit 1; }; t1=$(date +%s%N)
        ms=$(( (t1 - t0) / 1000000 )); (( ms < b )) && b=$ms
    done
    echo "$b"
}
flags=(-mcpu=cortex-m33 -mthumb -O2 -c)
lines_cpp=$(cat "$work"/cpp/*.hpp "$work"/cpp/*/*.hpp | wc -l)
lines_c=$(wc -l < "$work/cmsis/$cmsis_h")
echo "| translation unit ($dev) | header lines | compile ms (best of $runs) |"
echo "|---|---:|---:|"
echo "| generated C++ (\`$dev.hpp\`, arm-none-eabi-g++ -std=c++20 -O2) | $lines_cpp | $(best "$cxx" -std=c++20 "${flags[@]}" -I"$work/cpp" -I"$here/../../firmware/registers/include" "$work/cpp.cpp" -o "$work/cpp.o") |"
echo "| generated C++, one peripheral (\`$dev/rcc.hpp\`) | $(wc -l < "$work/cpp/$dev/rcc.hpp") | $(best "$cxx" -std=c++20 "${flags[@]}" -I"$work/cpp" -I"$here/../../firmware/registers/include" "$work/cpp_one.cpp" -o "$work/cpp_one.o") |"
echo "| CMSIS-style C (\`$cmsis_h\`, arm-none-eabi-gcc -std=c11 -O2) | $lines_c | $(best "$cc" -std=c11 "${flags[@]}" -I"$work/cmsis" "$work/cmsis.c" -o "$work/cmsis_c.o") |"
echo "| CMSIS-style C header in C++ (arm-none-eabi-g++ -std=c++20 -O2) | $lines_c | $(best "$cxx" -std=c++20 "${flags[@]}" -I"$work/cmsis" "$work/cmsis.cpp" -o "$work/cmsis_cpp.o") |"
