# `rivet run --input rtt`: stdin goes to the firmware's RTT down channel 0.
# log-rtt-input logs each line back in upper case and ends on "quit".
source "$(dirname "$0")/lib.sh"
ELF=$FIRMWARE/log-rtt-input.elf

run_rivet_typing $'hello\nrivet 42\nquit\n' run "$ELF" --input rtt --timeout 10
expect "typed lines through RTT" 0 "INFO  rtt: HELLO"
grep -q "INFO  rtt: RIVET 42" <<<"$out" && pass "second line" || fail "second line missing: $out"
grep -q "INFO  rtt input: 20 bytes" <<<"$out" && pass "every byte counted" || fail "byte count: $out"

# Far more than the down buffer holds, piped before the firmware even
# started: rivet keeps what does not fit and nothing is lost or reordered.
seq -f "line %g" 1 400 >"$WORK/lines"
echo quit >>"$WORK/lines"
run_rivet run "$ELF" --input rtt --timeout 30 <"$WORK/lines"
expect "piped input" 0 "rtt input: 3497 bytes"
got=$(grep -o "rtt: LINE [0-9]*" <<<"$out" | awk '{print $3}' | tr '\n' ' ')
[ "$got" = "$(seq -s ' ' 1 400) " ] && pass "400 lines in order" || fail "lines lost or reordered: $got"

# Under QEMU the default stays the console UART, so this firmware (which
# reads RTT only) never sees "quit".
run_rivet run "$ELF" --timeout 2 <"$WORK/lines"
expect "default input under QEMU is the console" 124 "timeout: the firmware did not exit"
run_rivet run "$ELF" --input none --timeout 2 <"$WORK/lines"
expect "--input none" 124 "timeout: the firmware did not exit"

# A remote probe has no console rivet could feed: RTT is the default.
start_gdb_server lm3s6965evb && {
    run_rivet_typing $'remote\nquit\n' run "$ELF" --probe "gdb://127.0.0.1:$port" --timeout 10
    expect "remote probe: input through RTT by default" 0 "INFO  rtt: REMOTE"
    kill $qemu_pid 2>/dev/null
    wait $qemu_pid 2>/dev/null
}
run_rivet run "$ELF" --probe gdb://127.0.0.1:1 --input console
expect "--input console needs QEMU" 64 "--input console needs --probe qemu"
expect_no_qemu_left "rtt input"
finish
