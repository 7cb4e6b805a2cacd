# `rivet attach` and `rivet reset` against a QEMU this test starts, as a
# board on a GDB server would be: flashed, reset into running, then joined
# twice. The firmware (ticker) logs a numbered tick for ever; between the
# two attaches it runs on alone, so the second sees later ticks. QEMU must
# outlive every detach, whether by --duration or Ctrl-C.
source "$(dirname "$0")/lib.sh"
ELF=$FIRMWARE/ticker.elf

# ticks: the tick numbers in $out, one a line.
ticks() { grep -o "tick [0-9]*" <<<"$out" | awk '{print $2}'; }

run_rivet attach "$ELF" --duration 1
expect "attach to rivet's own QEMU is a usage error" 64 "attach needs a target that is already running"
run_rivet reset "$ELF"
expect "reset of rivet's own QEMU is a usage error" 64 "reset needs a target that outlives rivet"

start_gdb_server lm3s6965evb && {
    probe="gdb://127.0.0.1:$port"
    run_rivet flash "$ELF" --probe "$probe"
    expect "flash" 0 "loaded [0-9]+ bytes"
    run_rivet reset "$ELF" --probe "$probe"
    expect "reset leaves the core running" 0 "left it running"
    sleep 0.5

    run_rivet attach "$ELF" --probe "$probe" --duration 2 </dev/null
    expect "first attach" 0 "INFO  tick [0-9]+"
    first=$(ticks)
    # The console line of every tick lands in QEMU's serial file: it grows
    # while nobody is attached only if the core was left running.
    serial=$WORK/serial-lm3s6965evb.txt
    before=$(grep -c tick "$serial")
    sleep 1
    after=$(grep -c tick "$serial")
    [ "$after" -gt "$before" ] && pass "the core runs on after the first detach ($before, then $after ticks)" ||
        fail "the core stopped after the first detach ($before, then $after ticks)"

    # Typed lines go to RTT down channel 0, which the firmware logs back.
    printf 'hello\n' | "$RIVET" attach "$ELF" --probe "$probe" --duration 2 \
        >"$WORK/out" 2>"$WORK/err"
    code=$?
    out=$(cat "$WORK/out")
    err=$(cat "$WORK/err")
    expect "second attach" 0 "INFO  tick [0-9]+"
    grep -q "INFO  got hello" <<<"$out" && pass "stdin reached the down channel" ||
        fail "the firmware did not log the input back: $out"
    second=$(ticks)
    last_first=$(tail -1 <<<"$first")
    first_second=$(head -1 <<<"$second")
    # No reset, no reload in between: the count goes on.
    if [ -n "$last_first" ] && [ -n "$first_second" ] && [ "$first_second" -gt "$last_first" ]; then
        pass "the second attach goes on from the first (tick $last_first, then $first_second)"
    else
        fail "ticks did not go on between attaches: first ended at '$last_first', second began at '$first_second'"
    fi
    before=$(grep -c tick "$serial")
    sleep 0.5
    after=$(grep -c tick "$serial")
    [ "$after" -gt "$before" ] && pass "the core runs on after the second detach" ||
        fail "the core stopped after the second detach ($before, then $after ticks)"

    # Ctrl-C leaves the same way as the end of --duration.
    "$RIVET" attach "$ELF" --probe "$probe" </dev/null >"$WORK/out" 2>"$WORK/err" &
    pid=$!
    for _ in $(seq 100); do grep -q "tick [0-9]" "$WORK/out" && break; sleep 0.05; done
    kill -INT $pid
    wait_rivet $pid
    expect "Ctrl-C detaches" 0 "INFO  tick [0-9]+"
    before=$(grep -c tick "$serial")
    sleep 0.5
    after=$(grep -c tick "$serial")
    [ "$after" -gt "$before" ] && pass "the core runs on after Ctrl-C" ||
        fail "the core stopped after Ctrl-C ($before, then $after ticks)"

    kill $qemu_pid 2>/dev/null
    wait $qemu_pid 2>/dev/null
}
left=$(pgrep -f "$RIVET attach" || true)
[ -z "$left" ] && pass "no rivet left running" || fail "rivet left running: $left"
expect_no_qemu_left attach
finish
