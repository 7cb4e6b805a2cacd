#!/bin/bash
# The logging options of `rivet run` and `rivet log decode`, end to end.
# Called as: bash log_cli.sh RIVET FIRMWARE_DIR OBJCOPY
source "$(dirname "$0")/lib.sh"
OBJCOPY=$3
LEVELS=$FIRMWARE/log/log-levels.elf
UART=$FIRMWARE/log/log-uart.elf

run_rivet run "$LEVELS" --timeout 20 --level error --json
expect "--level error --json" 0 '^\{"type":"log","level":"error","message":"error 5","file":"levels.cpp","line":11\}$'
if grep -q '"warn"\|"info"' <<<"$out"; then fail "--level error let a lower level through: $out"; fi
grep -q '^{"type":"log","level":"println","message":"println 6"' <<<"$out" || fail "println filtered: $out"

run_rivet run "$LEVELS" --timeout 20 --level OFF
expect "--level OFF: only println" 0 "^println 6$"
grep -q "ERROR\|WARN\|INFO" <<<"$out" && fail "--level off let records through: $out"
run_rivet run "$LEVELS" --timeout 20 --level Warn
expect "--level Warn" 0 "^WARN  warn 4"
grep -q "INFO" <<<"$out" && fail "--level Warn let info through: $out"

run_rivet run "$LEVELS" --timeout 20 --log-format '{level}|{location}|{message}'
expect "--log-format" 0 '^WARN\|levels.cpp:10\|warn 4$'

# Non-blocking mode: what did not fit is counted and reported.
run_rivet run "$FIRMWARE/log/log-drops.elf" --timeout 20
expect "drops reported" 0 'the firmware dropped [0-9]+ log frames'
grep -q 'after the flood' <<<"$out" || fail "drops: the frame after the flood is missing: $out"

# Offline: capture the UART transport's frames, then decode them.
"$RIVET" run "$UART" --timeout 20 >"$WORK/capture.bin" 2>"$WORK/err"
[ $? = 0 ] || fail "capture run: $(cat "$WORK/err")"
run_rivet log decode --elf "$UART" "$WORK/capture.bin"
expect "log decode FILE" 0 '^INFO  offline 3 of 3  \(uart_transport.cpp:[0-9]+\)$'
grep -q 'WARN  captured "and decoded"' <<<"$out" || fail "log decode: $out"
out=$("$RIVET" log decode --elf "$UART" --json - <"$WORK/capture.bin")
grep -q '"message":"offline 1 of 3"' <<<"$out" && pass "log decode stdin --json" || fail "stdin: $out"

# Semihosting: the frames come out on rivet run's stdout; decoded live.
out=$("$RIVET" run "$FIRMWARE/log/log-semihosting.elf" --timeout 20 |
    "$RIVET" log decode --elf "$FIRMWARE/log/log-semihosting.elf" -)
grep -q '^INFO  over semihosting 1  ' <<<"$out" && grep -q '^ERROR and "decoded live"  ' <<<"$out" &&
    pass "semihosting transport, decoded through a pipe" || fail "semihosting: $out"

# A damaged capture: the good frames still decode, the rest is counted.
head -c 7 /dev/urandom >"$WORK/damaged.bin"
head -c 20 "$WORK/capture.bin" >>"$WORK/damaged.bin"
printf '\x00' >>"$WORK/damaged.bin"
cat "$WORK/capture.bin" >>"$WORK/damaged.bin"
run_rivet log decode --elf "$UART" "$WORK/damaged.bin"
expect "log decode damaged" 0 'skipped [0-9]+ corrupt log frames'
[ "$(grep -c 'offline' <<<"$out")" -ge 3 ] || fail "damaged stream lost good frames: $out"

# An ELF without log metadata, and one of another wire version.
"$OBJCOPY" --remove-section .rivet.log "$UART" "$WORK/no-meta.elf"
run_rivet log decode --elf "$WORK/no-meta.elf" "$WORK/capture.bin"
expect "no metadata" 65 'no log metadata'
cp "$UART" "$WORK/v9.elf"
offset=$(readelf -SW "$WORK/v9.elf" |
    awk '{ for (i = 1; i <= NF; i++) if ($i == ".rivet.log") print $(i + 3) }')
printf '\x09' | dd of="$WORK/v9.elf" bs=1 seek=$((0x$offset + 4)) conv=notrunc status=none
run_rivet log decode --elf "$WORK/v9.elf" "$WORK/capture.bin"
expect "other wire version (decode)" 65 'log wire version 9, this rivet decodes version [0-9]+'
run_rivet run "$WORK/v9.elf" --timeout 20
expect "other wire version (run)" 65 'log wire version 9'

[ "$failures" = 0 ] || exit 1
