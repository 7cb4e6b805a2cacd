# The nRF51 HAL's UART read and write through the micro:bit example
# microbit-echo: each line typed into `rivet run` comes back in upper case
# with its length, and "quit" ends the run with exit code 0. Lines go in once
# it says "ready" (the receiver is started by the HAL's configure()).
source "$(dirname "$0")/lib.sh"
run_rivet_typing $'rivet\nthe quick brown fox jumps over the lazy dog\nquit\n' \
    run "$FIRMWARE/microbit-echo.elf" --timeout 10
expect "microbit echo" 0 "^ready"
grep -q "^echo: RIVET (05)$" <<<"$out" && pass "short line" || fail "short line: $out"
# 43 characters: far more than the receiver holds (6 bytes), so read()
# returns in pieces.
grep -q "^echo: THE QUICK BROWN FOX JUMPS OVER THE LAZY DOG (43)$" <<<"$out" && pass "long line" ||
    fail "long line: $out"
grep -q "^bye$" <<<"$out" && pass "quit" || fail "no bye: $out"
expect_no_qemu_left "microbit echo"
finish
