#!/usr/bin/env bash
# Zero-overhead proof: the same register sequences written with the generated
# API (zero_overhead/api.cpp) and with hand-written volatile pointers
# (zero_overhead/raw.cpp), compiled for Cortex-M0 and M4 at -Os and -O2,
# compared instruction by instruction. Prints a Markdown table; exits 1 when
# any function costs a different number of instructions or bytes.
#   zero_overhead.sh RIVET_SVD_TOOL CORPUS_DIR WORK_DIR
set -euo pipefail
tool=$1 corpus=$2 work=$3
here=$(cd "$(dirname "$0")" && pwd)
cxx=${ARM_CXX:-arm-none-eabi-g++}
objdump=${ARM_OBJDUMP:-arm-none-eabi-objdump}
mkdir -p "$work"
"$tool" svd gen "$corpus/stm32/stm32f405.svd" --patch "$corpus/stm32-rs-devices/stm32f405.yaml" \
    --svd-root "$corpus/stm32" -o "$work/gen"
inc=(-I"$work/gen" -I"$here/../../firmware/registers/include")
functions=(rivet_bench_enable_gpio_clock rivet_bench_gpio_modes rivet_bench_uart_configure
           rivet_bench_uart_send rivet_bench_clear_w1c)
status=0
echo "| sequence | core | opt | API instr | raw instr | API bytes | raw bytes | same code |"
echo "|---|---|---|---:|---:|---:|---:|---|"
for cpu in cortex-m0 cortex-m4; do
    for opt in -Os -O2; do
        for kind in api raw; do
            "$cxx" -std=c++20 -mcpu=$cpu -mthumb $opt -ffunction-sections -fno-exceptions -fno-rtti \
                -Wall -Wextra "${inc[@]}" -c "$here/zero_overhead/$kind.cpp" -o "$work/$kind-$cpu$opt.o"
        done
        for fn in "${functions[@]}"; do
            for kind in api raw; do
                # instruction text without addresses; branch targets are section-relative
                "$objdump" -d --no-show-raw-insn -j ".text.$fn" "$work/$kind-$cpu$opt.o" |
                    awk -v fn="$fn" '$0 ~ "<" fn ">:" {on=1; next} on && /^ *[0-9a-f]+:/ {sub(/^ *[0-9a-f]+:[ \t]*/, ""); sub(/[ \t]*@.*/, ""); print}' \
                    > "$work/$kind-$cpu$opt-$fn.s"
            done
            api_n=$(grep -vc '^\.word' "$work/api-$cpu$opt-$fn.s" || true)
            raw_n=$(grep -vc '^\.word' "$work/raw-$cpu$opt-$fn.s" || true)
            api_b=$((16#$("$objdump" -h "$work/api-$cpu$opt.o" | awk -v s=".text.$fn" '$2 == s {print $3}')))
            raw_b=$((16#$("$objdump" -h "$work/raw-$cpu$opt.o" | awk -v s=".text.$fn" '$2 == s {print $3}')))
            same=yes
            if ! cmp -s "$work/api-$cpu$opt-$fn.s" "$work/raw-$cpu$opt-$fn.s"; then
                # same opcodes in the same order, registers renamed?
                if diff <(sed -E 's/\br[0-9]+\b/rX/g' "$work/api-$cpu$opt-$fn.s") \
                        <(sed -E 's/\br[0-9]+\b/rX/g' "$work/raw-$cpu$opt-$fn.s") >/dev/null; then
                    same="yes (registers renamed)"
                else
                    same="no"
                fi
            fi
            if [ "$api_n" != "$raw_n" ] || [ "$api_b" != "$raw_b" ]; then status=1; same="$same, COST DIFFERS"; fi
            echo "| ${fn#rivet_bench_} | ${cpu#cortex-} | $opt | $api_n | $raw_n | $api_b | $raw_b | $same |"
        done
    done
done
exit $status
