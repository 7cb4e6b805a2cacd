# RTT as SEGGER's sources ship it (tests/firmware/rtt/segger_default.c):
# three up and three down channels, only channel 0 configured, in
# non-blocking mode. rivet reads it without complaint, picks up a channel
# configured later, feeds the down channel, and leaves the mode alone
# unless --rtt-mode asks (then says so and switches it back).
# Called by CTest as: bash segger_default.sh RIVET FIRMWARE_DIR
source "$(dirname "$0")/lib.sh"
ELF=$FIRMWARE/rtt-segger-default.elf
input=$'hello\nlater\nquit\n'

run_rivet_piped "$input" run "$ELF" --input rtt --timeout 10
expect "SEGGER default configuration" 0 "^ready"
grep -q "^echo: hello$" <<<"$out" && pass "down channel 0 read" || fail "no echo: $out"
grep -q "^on channel 1$" <<<"$out" && pass "up channel 1, configured later, read" ||
    fail "channel 1 not read: $out"
grep -q "^up 0 mode: 0$" <<<"$out" && pass "mode left as the firmware set it" ||
    fail "mode changed: $out"
[ -z "$err" ] && pass "nothing on stderr" || fail "stderr: $err"

run_rivet_piped "$input" run "$ELF" --input rtt --rtt-mode block --timeout 10
expect "--rtt-mode block" 0 "^up 0 mode: 2$"
grep -q "RTT up channel 0 'Terminal': mode no-block-skip -> block-if-full" <<<"$err" &&
    pass "the switch is said" || fail "the switch is not said: $err"
grep -q "RTT up channel 1 'Later': mode no-block-skip -> block-if-full" <<<"$err" &&
    pass "a channel configured later is switched too" || fail "channel 1 not switched: $err"

run_rivet_piped "$input" run "$ELF" --input rtt --rtt-mode keep --timeout 10
expect "--rtt-mode keep" 0 "^up 0 mode: 0$"
expect_no_qemu_left "segger default"
finish
