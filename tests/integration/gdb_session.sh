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

# 1. break at main, step, break in rivet::exit and read its argument (all six
#    log lines must be on rivet's stdout by then, while gdb holds the core),
#    continue to the end.
start_server
[ -n "$port" ] && pass "rivet serves the debugger on port $port" || fail "no port: $(cat "$WORK/err")"
"$GDB" -q -batch -nx "$ELF" \
    -ex "target remote 127.0.0.1:$port" \
    -ex "break main" -ex "continue" \
    -ex "next" -ex "step" \
    -ex "break rivet::exit" -ex "continue" \
    -ex "print code" \
    -ex "shell grep -c 'INFO  LED o' $WORK/out > $WORK/logged_at_break" \
    -ex "continue" >"$WORK/gdb" 2>&1
gdb_code=$?
wait_rivet $pid
gdb_out=$(cat "$WORK/gdb")
[ "$gdb_code" = 0 ] && pass "gdb-multiarch ran its script" || fail "gdb exited $gdb_code: $gdb_out"
grep -q "Breakpoint 1, main () at .*blink.cpp" <<<"$gdb_out" && pass "stopped at main" ||
    fail "no stop at main: $gdb_out"
grep -q "rivet::hal::take<" <<<"$gdb_out" && pass "stepped into rivet::hal::take" ||
    fail "step did not enter take: $gdb_out"
grep -q "Breakpoint 2, rivet::exit (code=0)" <<<"$gdb_out" && pass "stopped in rivet::exit" ||
    fail "no stop in rivet::exit: $gdb_out"
grep -q '^\$1 = 0$' <<<"$gdb_out" && pass "read the variable code (0)" ||
    fail "print code did not say 0: $gdb_out"
logged=$(cat "$WORK/logged_at_break" 2>/dev/null)
[ "$logged" = 6 ] && pass "the log lines were printed while gdb held the core" ||
    fail "at the breakpoint rivet had printed '$logged' LED lines (want 6): $out"
grep -q "exited normally" <<<"$gdb_out" && pass "gdb saw the program exit" ||
    fail "gdb did not see the exit: $gdb_out"
expect "rivet run --gdb exits with the firmware's code" 0 "debugger session ended"
[ "$(grep -c 'INFO  LED o' <<<"$out")" = 6 ] && pass "all six log lines, once each" ||
    fail "log lines: $out"

# 2. The exit code comes through: gdb changes it on the way out.
start_server
"$GDB" -q -batch -nx "$ELF" -ex "target remote 127.0.0.1:$port" \
    -ex "break rivet::exit" -ex "continue" -ex "set var code = 7" -ex "continue" \
    >"$WORK/gdb" 2>&1
wait_rivet $pid
gdb_out=$(cat "$WORK/gdb")
grep -q "exited with code 07" <<<"$gdb_out" && pass "gdb saw exit code 7" ||
    fail "gdb did not see exit code 7: $gdb_out"
expect "rivet exits with the code the firmware ended with" 7 "debugger session ended"

# 3. detach: the firmware runs on under rivet to its end, logs streaming.
start_server
"$GDB" -q -batch -nx "$ELF" -ex "target remote 127.0.0.1:$port" \
    -ex "break main" -ex "continue" -ex "info registers pc" -ex "detach" >"$WORK/gdb" 2>&1
wait_rivet $pid
gdb_out=$(cat "$WORK/gdb")
grep -Eq "^pc +0x[0-9a-f]+" <<<"$gdb_out" && pass "registers read at a breakpoint" ||
    fail "no pc: $gdb_out"
expect "after detach the firmware runs to its end" 0 "debugger detached"
[ "$(grep -c 'INFO  LED o' <<<"$out")" = 6 ] && pass "every log line after the detach" ||
    fail "log lines after detach: $out"

expect_no_qemu_left gdb_session
finish
