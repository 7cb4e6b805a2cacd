# lm3s6965evb-echo: lines typed into `rivet run` come back upper-cased, a
# line longer than the 16-byte receive FIFO too, and "quit" ends the run
# with 0. Called by CTest as: bash test_echo.sh RIVET FIRMWARE_DIR
source "$(dirname "$0")/../../tests/integration/lib.sh"
run_rivet_typing $'hello, rivet\nthe quick brown fox jumps over the lazy dog\nquit\n' \
    run "$FIRMWARE/lm3s6965evb-echo.elf" --timeout 10
expect "echo" 0 "^ready"
grep -q "^HELLO, RIVET$" <<<"$out" && pass "short line" || fail "short line: $out"
grep -q "^THE QUICK BROWN FOX JUMPS OVER THE LAZY DOG$" <<<"$out" && pass "long line" ||
    fail "long line: $out"
grep -q "QUIT" <<<"$out" && fail "quit was echoed: $out" || pass "quit ends the run"
expect_no_qemu_left "echo"
finish
