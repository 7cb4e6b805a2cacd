#!/usr/bin/env bash
# The async runtime (bench/run.sh calls this; prints a Markdown section):
# per board, the instructions QEMU executes (-singlestep -d exec) in each
# stretch of bench/async/costs.cpp, the instructions a consumer executes
# while it waits for ten samples as a blocking loop and as a task
# (waiting.cpp, under -icount), the flash of the runtime's code, and a
# delay timer's interrupt to its awaiting task (delay.cpp, under -icount).
# Uses the firmware build (make firmware).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${RIVET_FIRMWARE_BUILD:-$root/build/firmware}/bench/async
nm_tool=${ARM_NM:-arm-none-eabi-nm}

# shellcheck source=../qemu_stretches.sh
source "$root/bench/qemu_stretches.sh"

# Bytes of code and data of rivet::async (executor, wake, timer queue, time
# driver handler, frame pools' bookkeeping) in an ELF.
runtime_bytes() {
    "$nm_tool" -S -C -t d "$1" | awk '$3 ~ /^[TtWwDdBbRr]$/ && (($4 ~ /^rivet::async::/ && $0 !~ /::(storage|record|used)$/) || $4 == "rivet_frame_pools") { n += $2 } END { print n + 0 }'
}

cat <<MD
## Async runtime

\`bench/async/run.sh\`: firmware built MinSizeRel-like (\`-Os\`, GCC $(arm-none-eabi-gcc -dumpversion)) by
\`make firmware\`. Instructions counted exactly by QEMU (\`-singlestep -d exec\`) from the return of
\`bench_begin()\` to the call of \`bench_end()\` (bench/async/costs.cpp says where each sits). An
interrupt's stretch starts at the first instruction of its handler, which calls \`bench_begin()\` first,
and includes the exception return and the executor waking from WFI.

| board | core | timer insert (3 armed) | IRQ → task, wake() | IRQ → task, signal | spawn from IRQ → task | channel send → receive | wake + poll, task → task |
|---|---|---:|---:|---:|---:|---:|---:|
MD
declare -a waiting_rows=()
for board in lm3s6965evb microbit netduinoplus2 mps2-an385; do
    elf=$build/bench-$board-async-costs.elf
    [ -e "$elf" ] || continue
    machine=$(machine_of "$board")
    read -r -a n < <(stretches_of "$elf" "$machine")
    echo "| $board | $(cpu_of "$board") | ${n[0]:-?} | ${n[1]:-?} | ${n[2]:-?} | ${n[3]:-?} | ${n[4]:-?} | ${n[5]:-?} |"
    read -r a < <(stretches_of "$build/bench-$board-waiting-async.elf" "$machine" -icount shift=4,sleep=off)
    read -r b < <(stretches_of "$build/bench-$board-waiting-blocking.elf" "$machine" -icount shift=4,sleep=off)
    bytes=$(runtime_bytes "$build/bench-$board-waiting-async.elf")
    waiting_rows+=("| $board | ${b:-?} | ${a:-?} | $bytes |")
done
cat <<'MD'

For comparison, issue 13 quotes FreeRTOS V11.1 on mps2-an385 at -Os, counted the same way: 171
instructions from the first instruction of an interrupt handler to the woken task, 271 from a queue
send to the receiving task; its kernel is 4.8 KB of flash after --gc-sections, and each task costs a
76-byte TCB plus its stack (512 bytes at the least). These are the issue's figures, not measured here.

A consumer taking ten samples that the time driver's tick interrupt produces one a millisecond
(bench/async/waiting.cpp, under `-icount shift=4,sleep=off`: 62,500 instructions a millisecond): as
the blocking loop it replaces, polling the channel, and as a task, the executor asleep in WFI.
Instructions from the start to the tenth sample, the tick interrupts included on both sides. Last
column: bytes of flash and RAM of `rivet::async` symbols in the task version (executor, wake, timer
queue, tick, frame-pool bookkeeping, and the time driver's start where it is not inlined;
`arm-none-eabi-nm -S`), the code the compiler inlined into `main` and the handler (the driver's
register writes, a few spawn and channel calls) not counted, nor the frames' storage.

| board | blocking loop | async task | async runtime bytes |
|---|---:|---:|---:|
MD
printf '%s\n' "${waiting_rows[@]}"
cat <<'MD'

Per task, besides its frame: the 16-byte `task_header` in the frame (static_assert in
rivet/async/executor.hpp), and a 28-byte record plus a word per pool (per task function, not per
instance).

The async delays on a timer of their own (rivet/async/delay/, bench/async/delay.cpp, under
`-icount shift=4,sleep=off`): instructions from the first instruction of the timer's interrupt
handler to the awaiting task's first statement after its `co_await` of a 1 ms wait, through the
delay's handler (it clears the time-out and stops the timer), the wake, the exception return, WFI
and the executor. The CMSDK dual timer's two counters raise one interrupt: its handler, bound for
both (`sharing_interrupt<counter 1, counter 2>`), asks counter 1 (idle) before counter 2, the one
waited on.

| board | timer | interrupt → awaiting task |
|---|---|---:|
MD
for board in lm3s6965evb microbit netduinoplus2 mps2-an385 mps2-an505; do
    elf=$build/bench-$board-async-delay.elf
    [ -e "$elf" ] || continue
    read -r -a n < <(stretches_of "$elf" "$(machine_of "$board")" -icount shift=4,sleep=off)
    case $board in
        lm3s6965evb) echo "| $board | GPTM TIMER2 | ${n[0]:-?} |" ;;
        microbit) echo "| $board | TIMER2 | ${n[0]:-?} |" ;;
        netduinoplus2) echo "| $board | TIM2 | ${n[0]:-?} |" ;;
        *)
            echo "| $board | TIMER0 | ${n[0]:-?} |"
            echo "| $board | dual timer, counter 2 of 2 bound | ${n[1]:-?} |"
            ;;
    esac
done
