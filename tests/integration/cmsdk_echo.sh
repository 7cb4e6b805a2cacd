# The CMSDK UART's read and write through the mps2-an385 example
# (examples/mps2-an385/echo): each line typed into `rivet run` comes back
# in capitals with its length; "quit" ends the run with 0. The UART holds
# one received byte, so a long line tests that read() keeps up.
source "$(dirname "$0")/lib.sh"
run_rivet_typing $'rivet\nthe quick brown fox jumps over the lazy dog\nquit\n' \
    run "$FIRMWARE/mps2-an385-echo.elf" --timeout 10
expect "cmsdk echo" 0 "^ready"
grep -q "^RIVET (05)$" <<<"$out" && pass "short line" || fail "short line: $out"
grep -q "^THE QUICK BROWN FOX JUMPS OVER THE LAZY DOG (43)$" <<<"$out" && pass "long line" ||
    fail "long line: $out"
grep -q "^bye$" <<<"$out" && pass "quit" || fail "quit: $out"
expect_no_qemu_left "cmsdk echo"
finish
