#!/bin/bash
# Ctrl-C: `rivet run` ends with 130 and a backtrace of where the firmware was.
# Usage: interrupt_backtrace.sh RIVET ELF (an ELF that prints "spinning" and loops in main).
rivet="$1"
elf="$2"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$rivet" run "$elf" >"$work/out" 2>"$work/err" &
pid=$!
for _ in $(seq 100); do grep -q spinning "$work/out" && break; sleep 0.1; done
kill -INT $pid
wait $pid
code=$?
cat "$work/err"
fail() { echo "FAIL: $*"; exit 1; }
[ "$code" -eq 130 ] || fail "exit code $code, expected 130"
grep -q "^rivet: error: interrupted" "$work/err" || fail "no 'interrupted' line"
grep -Eq "^  #0 +0x[0-9a-f]+ in main at .*never_exits\.cpp:[0-9]+" "$work/err" || fail "no frame in main"
grep -q "in rivet_reset_handler at" "$work/err" || fail "the backtrace does not reach the reset handler"
echo "PASS"
