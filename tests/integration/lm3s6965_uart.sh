# The LM3S6965 HAL's UART read and write, lines read with read_line():
# lm3s6965-uart-echo-lm3s6965evb answers each line typed into `rivet run`
# with its length and the line reversed, and exits 0 on "quit". Lines go in
# once it says "ready" (a UART that is not enabled yet drops what it
# receives).
source "$(dirname "$0")/lib.sh"
run_rivet_typing $'rivet\r\nthe quick brown fox jumps over the lazy dog\nquit\n' \
    run "$FIRMWARE/lm3s6965-uart-echo-lm3s6965evb.elf" --timeout 10
expect "uart echo" 0 "^ready"
grep -q "^05 tevir$" <<<"$out" && pass "short line, \\r\\n dropped" || fail "short line: $out"
# 43 characters: more than the 16-byte FIFO, so the UART is read while the
# line still arrives; more than the firmware's 32-byte buffer, so read_line()
# reports the first 32 as too long and the last 11 come as the next line.
grep -q "^too long$" <<<"$out" && pass "long line reported" || fail "long line not reported: $out"
grep -q "^11 god yzal eh$" <<<"$out" && pass "rest of the long line kept" ||
    fail "rest of the long line: $out"
expect_no_qemu_left "uart echo"
finish
