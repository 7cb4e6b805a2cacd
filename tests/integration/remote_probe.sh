# The remote probe (`--probe gdb://HOST:PORT`) against a GDB server this
# test starts itself: QEMU with its stub on a TCP port, exactly as a user
# would start OpenOCD or pyOCD. The exit code comes through the exit-trap
# breakpoint convention; the serial output stays with QEMU.
source "$(dirname "$0")/lib.sh"

for board in lm3s6965evb netduinoplus2; do
    start_gdb_server "$board" || continue
    run_rivet run "$FIRMWARE/exit-3-$board.elf" --probe "gdb://127.0.0.1:$port" --timeout 10
    expect "remote exit code on $board" 3 ""
    grep -q "exiting with 3 on $board" "$WORK/serial-$board.txt" &&
        pass "remote output on $board" || fail "serial output missing on $board"
    kill $qemu_pid 2>/dev/null
    wait $qemu_pid 2>/dev/null
done

# A second runner connects while the first one left the target running
# (it was killed): QEMU reports a stop on connect, and must still answer.
start_gdb_server lm3s6965evb && {
    "$RIVET" run "$FIRMWARE/never-exits-lm3s6965evb.elf" --probe "gdb://127.0.0.1:$port" \
        >/dev/null 2>&1 &
    pid=$!
    for _ in $(seq 50); do grep -q spinning "$WORK/serial-lm3s6965evb.txt" 2>/dev/null && break; sleep 0.1; done
    kill -9 $pid
    wait $pid 2>/dev/null
    run_rivet run "$FIRMWARE/exit-3-lm3s6965evb.elf" --probe "gdb://127.0.0.1:$port" --timeout 10
    expect "reconnect to a running target" 3 ""
    kill $qemu_pid 2>/dev/null
    wait $qemu_pid 2>/dev/null
}

# The server dies mid-run: the runner reports the dropped connection.
start_gdb_server lm3s6965evb && {
    "$RIVET" run "$FIRMWARE/never-exits-lm3s6965evb.elf" --probe "gdb://127.0.0.1:$port" \
        >"$WORK/out" 2>"$WORK/err" &
    pid=$!
    for _ in $(seq 50); do grep -q spinning "$WORK/serial-lm3s6965evb.txt" 2>/dev/null && break; sleep 0.1; done
    kill -9 $qemu_pid
    wait $pid
    code=$?
    err=$(cat "$WORK/err")
    out=""
    expect "connection dropped" 74 "(closed|reset) by the peer"
}
finish
