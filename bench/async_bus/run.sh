#!/usr/bin/env bash
# The interrupt-driven buses (bench/run.sh calls this; prints a Markdown
# section): instructions QEMU executes (-singlestep -d exec) between
# bench_begin() and bench_end() in bench/async_bus/{i2c,spi}.cpp, each built
# blocking, async and wake. Uses the firmware build (make firmware).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${RIVET_FIRMWARE_BUILD:-$root/build/firmware}/bench/async_bus

# The instruction count of the last bench_begin() .. bench_end() stretch.
stretch_of() {
    local elf=$1 trace
    trace=$(mktemp)
    timeout 120 qemu-system-arm -M lm3s6965evb -nographic -monitor none -serial null -kernel "$elf" \
        -semihosting-config enable=on,target=native -device tmp105,address=0x48,id=sensor \
        -singlestep -d exec,nochain -D "$trace" >/dev/null 2>&1 || true
    awk '$NF == "bench_begin" { inside = 1; n = 0; next }
         $NF ~ /^bench_end/ && inside { last = n; inside = 0 }
         inside { n++ }
         END { print last + 0 }' "$trace"
    rm -f "$trace"
}

count() { stretch_of "$build/bench-lm3s6965evb-$1.elf"; }

cat <<MD
## Interrupt-driven I2C and SPI

\`bench/async_bus/run.sh\`: lm3s6965evb (Cortex-M3), firmware built \`-Os\` (GCC $(arm-none-eabi-gcc -dumpversion)) by
\`make firmware\`. Instructions counted exactly by QEMU (\`-singlestep -d exec\`) between
\`bench_begin()\` and \`bench_end()\` in bench/async_bus/i2c.cpp (a TMP105 temperature read: the
pointer byte written, two bytes read, on I2C0 at 100 kHz) and spi.cpp (a whole SSD0323 frame: the
6-byte window command, then 4,096 bytes of pixels, on SSI0 at 4 MHz). *Blocking*: the blocking driver
on the polled HAL; *async*: the async driver awaited by a task on the interrupt-driven HAL, every
instruction of the core from before the \`co_await\` to the statement after it (the interrupt
handlers and the executor included); *interrupt → task*: from the first instruction of the last
interrupt handler of the transfer to the task's next statement.

| transfer | blocking | async | interrupt → task |
|---|---:|---:|---:|
| I2C: TMP105 read (3 bytes) | $(count i2c-blocking) | $(count i2c-async) | $(count i2c-wake) |
| SPI: SSD0323 frame (4,102 bytes) | $(count spi-blocking) | $(count spi-async) | $(count spi-wake) |

QEMU's I2C and SSI models finish a transfer the moment it is started, so a polled loop never waits
there and the counts above are each version's own work; on silicon every byte also takes its time on
the wire (90 µs an I2C byte at 100 kHz, 2 µs an SPI byte at 4 MHz), which the blocking driver spends
polling the status register (1,125 and 25 core clocks a byte at 12.5 MHz) and the async one asleep
in WFI, so there the task's core cost stays the *async* column while the blocking one grows by
the wire time. The async I2C takes one interrupt a byte; the SSI one an interrupt for each 4 to 8
words (the receive FIFO half full), and one more at the end of each operation.
Under QEMU, then, the interrupt-driven version costs more instructions than the polled one (the
interrupt entries and returns, the executor's sleep and wake): the price of sleeping through the wire
time on silicon.
MD
