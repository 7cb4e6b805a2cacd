# The STM32F405 HAL's USART read and write on the console: netduinoplus2-echo
# answers each line typed into `rivet run` with its length and the line in
# upper case, says "bye" and exits 0 on "quit". Lines go in once it says
# "ready" (QEMU's USART drops what arrives before RE is set).
source "$(dirname "$0")/lib.sh"
run_rivet_typing $'rivet\nthe quick brown fox jumps over the lazy dog\nquit\n' \
    run "$FIRMWARE/netduinoplus2-echo.elf" --timeout 10
expect "usart echo" 0 "^ready"
grep -q "^05 RIVET$" <<<"$out" && pass "short line" || fail "short line: $out"
# 43 characters: QEMU's USART holds one byte, so read() returns in pieces.
grep -q "^43 THE QUICK BROWN FOX JUMPS OVER THE LAZY DOG$" <<<"$out" && pass "long line" ||
    fail "long line: $out"
grep -q "^bye$" <<<"$out" && pass "quit" || fail "quit: $out"
expect_no_qemu_left "usart echo"
finish
