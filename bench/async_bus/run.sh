#!/usr/bin/env bash
# The interrupt-driven buses (bench/run.sh calls this; prints a Markdown
# section): instructions QEMU executes (-singlestep -d exec) between
# bench_begin() and bench_end() in bench/async_bus/{i2c,spi,spi_stm32f405}.cpp,
# each built blocking, async and wake. Uses the firmware build (make firmware).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${RIVET_FIRMWARE_BUILD:-$root/build/firmware}/bench/async_bus

# The instruction count of the last bench_begin() .. bench_end() stretch of
# an ELF on a QEMU machine; further arguments go to QEMU.
stretch_of() {
    local elf=$1 machine=$2 trace
    shift 2
    trace=$(mktemp)
    timeout 120 qemu-system-arm -M "$machine" -nographic -monitor none -serial null -kernel "$elf" \
        -semihosting-config enable=on,target=native "$@" \
        -singlestep -d exec,nochain -D "$trace" >/dev/null 2>&1 || true
    awk '$NF == "bench_begin" { inside = 1; n = 0; next }
         $NF ~ /^bench_end/ && inside { last = n; inside = 0 }
         inside { n++ }
         END { print last + 0 }' "$trace"
    rm -f "$trace"
}

count() { stretch_of "$build/bench-lm3s6965evb-$1.elf" lm3s6965evb -device tmp105,address=0x48,id=sensor; }
count_stm32() { stretch_of "$build/bench-netduinoplus2-$1.elf" netduinoplus2; }

i2c_blocking=$(count i2c-blocking) i2c_async=$(count i2c-async) i2c_wake=$(count i2c-wake)
spi_blocking=$(count spi-blocking) spi_async=$(count spi-async) spi_wake=$(count spi-wake)
stm_blocking=$(count_stm32 spi-blocking) stm_async=$(count_stm32 spi-async)
stm_wake=$(count_stm32 spi-wake)
per_byte() { echo $(( ($1 + 2051) / 4102 )); }
# 73982 -> 73,982
thousands() { sed ':a;s/\B[0-9]\{3\}\>/,&/;ta' <<<"$1"; }

cat <<MD
## Interrupt-driven I2C and SPI

\`bench/async_bus/run.sh\`: lm3s6965evb (LM3S6965, Cortex-M3) and netduinoplus2 (STM32F405, Cortex-M4), firmware built \`-Os\` (GCC $(arm-none-eabi-gcc -dumpversion)) by
\`make firmware\`. Instructions counted exactly by QEMU (\`-singlestep -d exec\`) between
\`bench_begin()\` and \`bench_end()\` in bench/async_bus/i2c.cpp (a TMP105 temperature read: the
pointer byte written, two bytes read, on I2C0 at 100 kHz) and spi.cpp (a whole SSD0323 frame: the
6-byte window command, then 4,096 bytes of pixels, on SSI0 at 4 MHz; spi_stm32f405.cpp sends the same
4,102 bytes under one chip select on the netduinoplus2's SPI2 at 1 MHz, no display attached). *Blocking*: the blocking driver
on the polled HAL; *async*: the async driver awaited by a task on the interrupt-driven HAL, every
instruction of the core from before the \`co_await\` to the statement after it (the interrupt
handlers and the executor included); *interrupt → task*: from the first instruction of the last
interrupt handler of the transfer to the task's next statement.

| chip | transfer | blocking | async | interrupt → task |
|---|---|---:|---:|---:|
| LM3S6965 | I2C: TMP105 read (3 bytes) | $i2c_blocking | $i2c_async | $i2c_wake |
| LM3S6965 | SPI: SSD0323 frame (4,102 bytes) | $(thousands "$spi_blocking") | $(thousands "$spi_async") | $spi_wake |
| STM32F405 | SPI: the frame's 4,102 bytes | $(thousands "$stm_blocking") | $(thousands "$stm_async") | $(thousands "$stm_wake") |

QEMU's I2C and SSI models finish a transfer the moment it is started, so a polled loop never waits
there and the counts above are each version's own work; on silicon every byte also takes its time on
the wire (90 µs an I2C byte at 100 kHz, 2 µs an SPI byte at 4 MHz), which the blocking driver spends
polling the status register (1,125 and 25 core clocks a byte at 12.5 MHz) and the async one asleep
in WFI, so there the task's core cost stays the *async* column while the blocking one grows by
the wire time. The async I2C takes one interrupt a byte; the SSI one an interrupt for each 4 to 8
words (the receive FIFO half full), and one more at the end of each operation. The STM32F405's SPI
has no FIFO and its async bus keeps one word in flight: on silicon one interrupt a word (RXNE);
QEMU's model raises no SPI interrupt at all and exchanges each word the moment it is written, so
there the bus's own pend of the interrupt starts one handler run that moves all 4,102 words, and
*interrupt → task* is that whole run.
Under QEMU, then, the interrupt-driven read costs $((i2c_async - i2c_blocking)) instructions more than the polled one (three
interrupt entries and returns, the executor's sleep and wake), and the frame $(per_byte "$spi_async") instructions a byte
against $(per_byte "$spi_blocking") on the LM3S6965 (an interrupt for every few words) and $(per_byte "$stm_async") against $(per_byte "$stm_blocking") on the
STM32F405 (one status read, one DR read and one DR write a word in the handler's loop, the word's
bookkeeping in memory); the last interrupt reaches the awaiting task in $i2c_wake (I2C) and $spi_wake (SSI: the
handler drains the last words and releases chip select first) instructions. That is the price of
sleeping through the wire time on silicon.
MD
