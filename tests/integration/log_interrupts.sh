#!/bin/bash
# Frames logged from an interrupt while thread mode logs never interleave:
# both sequences arrive complete and in order, nothing is corrupt.
# Called as: bash log_interrupts.sh RIVET ELF
set -u
RIVET=$1
ELF=$2
out=$(mktemp)
trap 'rm -f "$out" "$out.err"' EXIT
"$RIVET" run "$ELF" --timeout 60 --log-format '{message}' >"$out" 2>"$out.err" || {
    echo "FAIL: rivet run: $(cat "$out.err")"; exit 1; }
if [ -s "$out.err" ]; then echo "FAIL: $(cat "$out.err")"; exit 1; fi
awk 'BEGIN { m = 0; t = 0 }
     $1 == "main" && $3 == "thread" { if ($2 != m) { print "FAIL: main " $2 " expected " m; exit 1 } m++; next }
     $1 == "tick" && $3 == "from" { if ($2 != t) { print "FAIL: tick " $2 " expected " t; exit 1 } t++; next }
     /^ticks=/ { split($0, a, "="); if (a[2] != t) { print "FAIL: " a[2] " ticks, " t " arrived"; exit 1 } done = 1; next }
     { print "FAIL: unexpected line " NR ": " $0; exit 1 }
     END { if (!done || m != 20000 || t < 100) { print "FAIL: main " m ", ticks " t; exit 1 }
           print "ok: 20000 thread-mode and " t " interrupt frames, none interleaved" }' "$out"
