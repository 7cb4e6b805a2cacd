#!/bin/bash
# A timeout stops the foreign fixture (FOREIGN_SPIN) wherever it is: mostly in
# a task, on the process stack. The backtrace must name the task functions
# and end at the seeded task-exit function with the thread named; it must
# never name the discarded unused_formatter or claim a PSP exception frame;
# stopped in the SysTick handler, it says so.
# Usage: task_backtrace.sh RIVET ELF BOARD
rivet=$1 elf=$2 board=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
in_task=0
for attempt in $(seq 10); do
    "$rivet" run "$elf" --board "$board" --timeout 0.5 >"$work/out" 2>"$work/err"
    code=$?
    [ "$code" -eq 124 ] || fail "exit code $code, expected 124: $(cat "$work/err")"
    grep -q "unused_formatter" "$work/err" && fail "a discarded function named: $(cat "$work/err")"
    grep -q "in ??" "$work/err" && fail "an unknown frame: $(cat "$work/err")"
    grep -q "PSP, which" "$work/err" && fail "the old PSP claim: $(cat "$work/err")"
    grep -q "running thread \"\(ticker\|worker\)\"" "$work/err" ||
        fail "the running thread is not named: $(cat "$work/err")"
    if grep -Eq "#0 +0x[0-9a-f]+ in SysTick_Handler" "$work/err"; then
        grep -q "^backtrace (the core is in the SysTick handler, exception 15):" "$work/err" ||
            fail "stopped in a handler without saying so: $(cat "$work/err")"
    fi
    if grep -Eq "in (ticker|worker)_task at .*app\.c:[0-9]+" "$work/err" &&
        grep -Pzq "in task_exit_error at [^\n]*rtos\.c:[0-9]+\n +<end of the thread's call chain: the return address 0x[0-9a-f]+ .task_exit_error. is the first instruction" "$work/err"; then
        in_task=$((in_task + 1))
        [ "$in_task" -ge 2 ] && break
    fi
done
cat "$work/err"
[ "$in_task" -ge 2 ] || fail "not twice stopped in a task in $attempt runs"
echo "ok: $in_task runs stopped in a task, out of $attempt"
