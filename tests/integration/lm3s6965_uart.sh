# The LM3S6965 HAL's UART read and write: lm3s6965-uart-echo-lm3s6965evb
# answers each line typed into `rivet run` with its length and the line
# reversed, and exits 0 on "quit". Lines go in once it says "ready" (a UART
# that is not enabled yet drops what it receives).
source "$(dirname "$0")/lib.sh"
run_rivet_typing $'rivet\nthe quick brown fox jumps over the lazy dog\nquit\n' \
    run "$FIRMWARE/lm3s6965-uart-echo-lm3s6965evb.elf" --timeout 10
expect "uart echo" 0 "^ready"
grep -q "^05 tevir$" <<<"$out" && pass "short line" || fail "short line: $out"
# 43 characters: more than the 16-byte FIFO, so read() returns in pieces.
grep -q "^43 god yzal eht revo spmuj xof nworb kciuq eht$" <<<"$out" && pass "long line" ||
    fail "long line: $out"
expect_no_qemu_left "uart echo"
finish
