#!/usr/bin/env bash
# `rivet svd patch` of the devices issue 17 names (stm32f405, stm32u575):
# best wall time of N runs pinned to one core, and the exact instruction count
# under callgrind (valgrind, when installed). Prints a Markdown table.
#   patch_time.sh RIVET CORPUS_DIR WORK_DIR [RUNS]
set -euo pipefail
tool=$1 corpus=$2 work=$3 runs=${4:-5}
mkdir -p "$work"
pin=()
command -v taskset >/dev/null && pin=(taskset -c 0)
echo "| device | wall ms (best of $runs, one core) | CPU ms (user+sys, same run) | instructions (callgrind) |"
echo "|---|---:|---:|---:|"
for dev in ${DEVICES:-stm32f405 stm32u575}; do
    cmd=("$tool" svd patch "$corpus/stm32-rs-devices/$dev.yaml" --svd-root "$corpus/stm32" -o "$work/$dev.svd")
    best=999999 cpu=0
    for _ in $(seq "$runs"); do
        /usr/bin/time -f "%e %U %S" -o "$work/time" "${pin[@]}" "${cmd[@]}"
        read -r wall user sys < "$work/time"
        ms=$(awk -v w="$wall" 'BEGIN { printf "%d", w * 1000 + 0.5 }')
        if (( ms < best )); then
            best=$ms
            cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%d", (u + s) * 1000 + 0.5 }')
        fi
    done
    instr="-"
    if command -v valgrind >/dev/null; then
        instr=$(valgrind --tool=callgrind --callgrind-out-file="$work/$dev.callgrind" "${cmd[@]}" 2>&1 |
            awk '/Collected/ { print $NF }')
    fi
    echo "| $dev | $best | $cpu | $instr |"
done
