# gdb-multiarch drives `rivet run --gdb` on the blink example under QEMU, in
# batch mode: break at a function, step, read a variable, continue to the
# end. Meanwhile Rivet must go on decoding the RTT log (the lines logged
# before a breakpoint are on rivet's stdout while gdb holds the core), and
# the firmware's exit code must come through. Called as:
#   bash gdb_session.sh RIVET EXAMPLES_DIR   (EXAMPLES_DIR holds lm3s6965evb-blink.elf)
source "$(dirname "$0")/lib.sh"
ELF=$FIRMWARE/lm3s6965evb-blink.elf
GDB=${RIVET_GDB:-gdb-multiarch}
if ! command -v "$GDB" >/dev/null; then
    echo "SKIP: $GDB is not installed (scripts/setup.sh installs it)"
    exit 0
fi

# The server's port: from rivet's "debugger on 127.0.0.1:PORT" line.
start_server() {
    "$RIVET" run "$ELF" --gdb=0 --timeout 30 "$@" </dev/null >"$WORK/out" 2>"$WORK/err" &
    pid=$!
    port=""
    for _ in $(seq 200); do
        port=$(grep -o 'debugger on 127.0.0.1:[0-9]*' "$WORK/err" | grep -o '[0-9]*$')
        [ -n "$port" ] && break
        kill -0 $pid 2>/dev/null || break
        sleep 0.05
    done
}

# 1. break, step, read, look at the log mid-run, continue to the end.
start_server
[ -n "$port" ] && pass "rivet serves the debugger on port $port" || fail "no port: $(cat "$WORK/err")"
"$GDB" -q -batch -nx "$ELF" \
    -ex "target remote 127.0.0.1:$port" \
    -ex "break main" -ex "continue" \
    -ex "next" -ex "next" \
    -ex "break blink.cpp:16" -ex "continue" \
    -ex "print i" \
    -ex "shell grep -c 'INFO  LED on' $WORK/out > $WORK/logged_at_break" \
    -ex "delete" -ex "continue" >"$WORK/gdb" 2>&1
gdb_code=$?
wait_rivet $pid
gdb_out=$(cat "$WORK/gdb")
[ "$gdb_code" = 0 ] && pass "gdb-multiarch ran its script" || fail "gdb exited $gdb_code: $gdb_out"
grep -q "Breakpoint 1, main" <<<"$gdb_out" && pass "stopped at main" ||
    fail "no stop at main: $gdb_out"
grep -Eq "^1[0-9]+[[:space:]]" <<<"$gdb_out" && pass "stepped to a line of blink.cpp" ||
    fail "no stepping shown: $gdb_out"
grep -q "Breakpoint 2, main .* at .*blink.cpp:16" <<<"$gdb_out" && pass "stopped at blink.cpp:16" ||
    fail "no stop at blink.cpp:16: $gdb_out"
grep -q '^\$1 = 0$' <<<"$gdb_out" && pass "read i (0 in the first blink)" ||
    fail "print i did not say 0: $gdb_out"
logged=$(cat "$WORK/logged_at_break" 2>/dev/null)
[ "$logged" = 1 ] && pass "the log line before the breakpoint was printed while gdb held the core" ||
    fail "at the breakpoint rivet had printed '$logged' 'LED on' lines (want 1): $out"
grep -q "exited normally" <<<"$gdb_out" && pass "gdb saw the program exit" ||
    fail "gdb did not see the exit: $gdb_out"
expect "rivet run --gdb passes the exit code and every log line" 0 \
    "INFO  LED on [^\n]*"
[ "$(grep -c 'INFO  LED o' <<<"$out")" = 6 ] && pass "all six log lines arrived" ||
    fail "log lines: $out"

# 2. Ctrl-C from gdb halts the running core; detach lets the firmware end
#    under rivet, with its code.
start_server
timeout 20 "$GDB" -q -batch -nx "$ELF" \
    -ex "target remote 127.0.0.1:$port" \
    -ex "break rivet::hal::delay_ms" \
    -ex "continue" -ex "info registers pc" -ex "detach" >"$WORK/gdb" 2>&1
wait_rivet $pid
gdb_out=$(cat "$WORK/gdb")
grep -Eq "^pc +0x[0-9a-f]+" <<<"$gdb_out" && pass "registers read at a breakpoint" ||
    fail "no pc: $gdb_out"
expect "after detach the firmware runs to its end" 0 "debugger detached"
[ "$(grep -c 'INFO  LED o' <<<"$out")" = 6 ] && pass "every log line after the detach" ||
    fail "log lines after detach: $out"

expect_no_qemu_left gdb_session
finish
