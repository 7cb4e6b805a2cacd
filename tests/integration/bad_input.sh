# Bad input gets one clear line on stderr and its documented exit code
# (docs/exit-codes.md), never a hang or a crash.
source "$(dirname "$0")/lib.sh"
elf="$FIRMWARE/exit-0-lm3s6965evb.elf"

run_rivet run "$WORK/missing.elf"
expect "missing file" 66 "^rivet: error: .*missing.elf: No such file or directory$"

echo "not an elf" >"$WORK/text.elf"
run_rivet run "$WORK/text.elf"
expect "not an ELF" 65 "text.elf: not an ELF file"

run_rivet run "$RIVET"
expect "wrong architecture" 65 "wrong architecture: x86-64 ELF, expected 32-bit ARM"

head -c 100 "$elf" >"$WORK/truncated.elf"
run_rivet run "$WORK/truncated.elf"
expect "truncated ELF" 65 "truncated.elf: "

run_rivet run "$FIRMWARE/exit-0-netduinoplus2.elf" --board microbit
expect "segment outside memory" 65 "segment at 0x08000000 .* lies outside the memory of board microbit"

# Firmware for another board is refused before it runs, naming what does
# not fit; overriding the board an ELF records is said on stderr.
run_rivet run "$FIRMWARE/big-statics.elf" --board lm3s811evb
expect "statics outside RAM" 65 "big-statics.elf: section \.bss at 0x[0-9a-f]+ \(16384 bytes\) lies outside the memory of board lm3s811evb \(flash 0x00000000-0x0000ffff, ram 0x20000000-0x20001fff\)"
grep -q "^rivet: warning: .*big-statics.elf was built for board lm3s6965evb; running it on lm3s811evb (--board)$" <<<"$err" &&
    pass "the override is said" || fail "no warning about the override: $err"
run_rivet run "$FIRMWARE/big-statics.elf" --board lm3s6965evb
expect "the board it was built for" 0 ""
[ -z "$err" ] && pass "no warning for the recorded board" || fail "stderr: $err"
run_rivet run "$FIRMWARE/exit-0-lm3s6965evb.elf" --board microbit
expect "ARMv7-M code on a Cortex-M0" 65 "exit-0-lm3s6965evb.elf: built for ARMv7-M, which the Cortex-M0 of board microbit does not execute"

# A firmware Rivet did not link (its own startup and linker script, the
# stack at the top of the LM3S6965's 64 KiB) on the micro:bit's 16 KiB.
run_rivet run "$FIRMWARE/foreign/foreign-fault-lm3s6965evb.elf" --board microbit
expect "foreign stack outside RAM" 65 "the initial stack pointer 0x20010000 \(vector table at 0x00000000\) lies outside the memory of board microbit"

run_rivet run "$elf" --board no-such-board
expect "unknown board" 64 "unknown board 'no-such-board' \(known: lm3s6965evb, lm3s811evb, microbit, mps2-an385, mps2-an505, netduinoplus2\)"

RIVET_QEMU="$WORK/no-qemu-here" run_rivet run "$elf"
expect "QEMU missing" 69 "cannot start .*no-qemu-here: No such file or directory"

run_rivet run "$elf" --qemu-arg=-device --qemu-arg=no-such-device
expect "QEMU refuses its arguments" 69 "QEMU lm3s6965evb exited with status 1: .*no-such-device"
[ "$(grep -c "no-such-device" <<<"$err")" = 1 ] && pass "QEMU's complaint is said once" ||
    fail "QEMU's complaint repeated: $err"
run_rivet run "$elf" --qemu-arg -device --qemu-arg no-such-device
expect "--qemu-arg with a space" 69 "'no-such-device' is not a valid device model name"

run_rivet run "$FIRMWARE/exit-3-lm3s6965evb.elf" --qemu-arg=-device --qemu-arg=tmp105,address=0x48
expect "extra QEMU device" 3 "exiting with 3"

# A port nobody listens on: bind one, then close it.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 1)
run_rivet run "$elf" --probe "gdb://127.0.0.1:$port"
expect "connection refused" 69 "cannot connect to gdb server at 127.0.0.1:$port: Connection refused"

run_rivet run "$elf" --probe "gdb://127.0.0.1:notaport"
expect "bad probe port" 64 "is not a TCP port"

run_rivet run "$elf" --probe jtag
expect "unknown probe" 64 "expected qemu, openocd, pyocd or gdb://HOST:PORT"

run_rivet run
expect "no arguments" 64 "^rivet: error: elf is required \(see rivet run --help\)$"
run_rivet
expect "no command" 64 "^rivet: error: A subcommand is required \(see rivet --help\)$"
run_rivet run "$elf" --no-such-option
expect "unknown option" 64 "^rivet: error: .*--no-such-option"
for seconds in -1 abc 0 1e999; do
    run_rivet run "$elf" --timeout "$seconds"
    expect "--timeout $seconds" 64 "^rivet: error: --timeout: '$seconds': expected a number of seconds > 0"
done
run_rivet run "$elf" --log-format '{level} {nope}'
expect "unknown --log-format placeholder" 64 "^rivet: error: --log-format: unknown placeholder \{nope\}"
run_rivet run "$elf" --level WARN
expect "--level in capitals" 0 "exiting with 0"
run_rivet run "$elf" --level off
expect "--level off" 0 "exiting with 0"

# rivet stack checks an ELF as rivet run does, in the same words.
for bad in "$WORK/missing.elf" "$WORK/text.elf" "$WORK/truncated.elf" "$RIVET"; do
    run_rivet run "$bad"
    run_error=$err
    run_rivet stack "$bad"
    [ "$err" = "$run_error" ] && pass "same error from run and stack: $err" ||
        fail "run says '$run_error', stack says '$err'"
done

# Every error is a single line.
run_rivet run "$WORK/missing.elf"
[ "$(wc -l <"$WORK/err")" -eq 1 ] && pass "one line" || fail "error spans several lines: $err"

expect_no_qemu_left "bad input"
finish
