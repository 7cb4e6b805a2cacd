#!/usr/bin/env bash
# The register benchmark: prints its section of BENCHMARKS.md (bench/run.sh
# assembles the file): speed over the SVD corpus, zero overhead of the
# generated API, compile time of a whole device. Needs the host build
# (build/host) and the corpus beside the repository (../shared/svd).
set -euo pipefail
cd "$(dirname "$0")/../.."
tool=build/bin/rivet
speed=build/host/bench/svd/svd_speed_bench
corpus=${RIVET_SVD_CORPUS:-../shared/svd}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "## Registers (rivet svd)"
echo
echo "### Parse + patch + generate, every device of the corpus (one core)"
echo
echo "\`$speed $corpus OUT\`; load, stm32-rs patch (where one exists), derivedFrom, model, C++ headers written."
echo
/usr/bin/time -f "%e s wall, %U s CPU" -o "$work/time" "$speed" "$corpus" "$work/speed"
echo
echo "Whole run: $(cat "$work/time")."
echo
echo "### Zero overhead: generated API vs hand-written volatile code"
echo
echo "\`bench/svd/zero_overhead.sh\`: the same five sequences, arm-none-eabi-g++ -mthumb; instructions and bytes per function."
echo
bash bench/svd/zero_overhead.sh "$tool" "$corpus" "$work/zo"
echo
echo "### Compile time of a whole device (stm32u575)"
echo
echo "\`bench/svd/compile_time.sh build/bin/rivet ../shared/svd OUT 5\`: translation units that include the generated headers and touch one register (the device header alone: its address; with fields: sets RCC.CR.HSION), against the CMSIS-style C header doing the same; cortex-m33, -O2. Header lines: the generated headers each unit includes."
echo
bash bench/svd/compile_time.sh "$tool" "$corpus" "$work/ct" 5
echo
echo "### rivet svd patch: stm32f405 and stm32u575 (issue 17: at most 40 ms and 100 ms)"
echo
echo "\`bench/svd/patch_time.sh build/bin/rivet ../shared/svd OUT 5\`; output byte-identical to main at 3b8332b over all 13 stm32-rs devices (CTest \`svd_patch_digests\`)."
echo
bash bench/svd/patch_time.sh "$tool" "$corpus" "$work/patch" 5
echo
cat bench/svd/patch_profile.md
echo
echo "### Compile time of every corpus device's whole header"
echo
echo "\`bench/svd/compile_time_all.sh build/bin/rivet ../shared/svd OUT 3\`: \`<device>.hpp\` (every peripheral and register, no fields; arm-none-eabi-g++ -std=c++20 -O2) against the CMSIS-style C header of the same device (arm-none-eabi-gcc -std=c11 -O2), cortex-m4, the run with the least CPU time of 3."
echo
bash bench/svd/compile_time_all.sh "$tool" "$corpus" "$work/cta" 3
echo
cat bench/svd/compile_time.md
