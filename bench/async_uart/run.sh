#!/usr/bin/env bash
# The interrupt-driven UART against polling (bench/run.sh calls this;
# prints a Markdown section): per board, the instructions QEMU executes
# (-singlestep -d exec) in each bench_begin() .. bench_end() stretch of
# bench/async_uart/uart.cpp, run through `rivet run` (which holds typed
# input until the UART can take it, on every board), with a byte typed
# once the firmware waits for it and then 1 KiB once it waits for that.
# Uses the firmware build (make firmware) and the host build's rivet.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${RIVET_FIRMWARE_BUILD:-$root/build/firmware}/bench/async_uart
rivet=${RIVET:-$root/build/bin/rivet}

cpu_of() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["cpu"])' "$root/boards/$1/board.json"; }

# address_of ELF SYMBOL: the symbol's address as QEMU's exec trace prints a PC.
address_of() { "${ARM_NM:-arm-none-eabi-nm}" "$1" | awk -v name="$2" '$3 == name { printf "%08s", $1 }'; }

# stretches ELF: the instruction counts of the ELF's stretches, in order.
stretches() {
    local elf=$1 dir pid
    dir=$(mktemp -d)
    mkfifo "$dir/in" "$dir/trace"
    # rivet loads the ELF through the GDB stub, so QEMU has no symbols: the
    # markers are matched by address (the PC, second in the brackets).
    local begin end
    begin=$(address_of "$elf" bench_begin)
    end=$(address_of "$elf" bench_end)
    awk -v begin="$begin" -v end="$end" '
         { split($4, field, "/"); pc = field[2] }
         pc == begin { inside = 1; n = 0; next }
         pc == end && inside { printf "%d ", n; inside = 0 }
         inside { n++ }
         END { print "" }' "$dir/trace" >"$dir/counts" &
    "$rivet" run "$elf" --timeout 60 --qemu-arg=-singlestep --qemu-arg=-d \
        --qemu-arg=exec,nochain --qemu-arg=-D --qemu-arg="$dir/trace" \
        <"$dir/in" >/dev/null 2>"$dir/err" &
    pid=$!
    exec 3>"$dir/in"
    sleep 2
    printf 'L' >&3
    sleep 2
    python3 -c 'import sys; sys.stdout.buffer.write(bytes(range(256)) * 4)' >&3
    exec 3>&-
    wait "$pid" || echo "rivet run $elf: $(cat "$dir/err")" >&2
    wait
    cat "$dir/counts"
    rm -rf "$dir"
}

cat <<MD
## Async UART

\`bench/async_uart/run.sh\`: firmware built MinSizeRel (\`-Os\`, GCC $(arm-none-eabi-gcc -dumpversion)) by
\`make firmware\`, run through \`rivet run\` with QEMU counting every instruction (\`-singlestep -d
exec\`) between the return of \`bench_begin()\` and the call of \`bench_end()\` (bench/async_uart/uart.cpp).
A task on the console UART's interrupt-driven async port (\`rivet/async/uart/\`) against the blocking
driver's polling loops, for 1 KiB each way; and from the first instruction of the UART's interrupt
handler (after its \`bench_begin()\`) to the first statement of the task that awaited a byte, through
the handler, the wake, the exception return, WFI and the executor.

| board | core | IRQ → awaiting task | receive 1 KiB, task | receive 1 KiB, polled | send 1 KiB, task | send 1 KiB, polled |
|---|---|---:|---:|---:|---:|---:|
MD
for board in lm3s6965evb microbit netduinoplus2 mps2-an385; do
    [ -e "$build/bench-$board-uart-async.elf" ] || continue
    read -r -a a < <(stretches "$build/bench-$board-uart-async.elf")
    read -r -a p < <(stretches "$build/bench-$board-uart-polled.elf")
    echo "| $board | $(cpu_of "$board") | ${a[0]:-?} | ${a[1]:-?} | ${p[0]:-?} | ${a[2]:-?} | ${p[1]:-?} |"
done
cat <<'MD'

Receiving, the task sleeps: what it costs is the handler's work for each interrupt (a byte, or what
the FIFO holds) and one wake at the end; it varies by a few percent from run to run with how many
bytes each interrupt finds (the STM32 USART holds one byte, so every byte is an interrupt). The polled loop spins on the status flag the whole time the
bytes take to come, so its count is the length of the wait, not a property of the code: here it is
how long QEMU took to hand `rivet run`'s input to the UART, and varies from run to run; on a real
line at 115200 baud 1 KiB takes 89 ms, a million cycles of a 12 MHz core spent polling. Sending,
QEMU's UART models take every byte at once (no transmit FIFO ever fills), so neither side waits and
both columns are the cost of moving 1 KiB into the data register: the task's is the same loop, run
inside write_all() without an interrupt (on the nRF51 three times the polled one: whether a byte is
in flight is kept in a variable beside the TXDRDY event, which nothing raises before the first byte).
MD
