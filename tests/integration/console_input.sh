# `rivet run` forwards its stdin to the board's console UART: the echo
# firmware answers each line in upper case and exits on "quit".
source "$(dirname "$0")/lib.sh"
for board in lm3s6965evb microbit netduinoplus2 mps2-an385 mps2-an505; do
    run_rivet_typing $'hello\nrivet 42\nquit\n' run "$FIRMWARE/echo-$board.elf" --timeout 10
    expect "echo on $board" 0 "echo: HELLO"
    grep -q "^echo: RIVET 42$" <<<"$out" && pass "second line on $board" || fail "second line missing on $board: $out"
done
expect_no_qemu_left "echo"
finish
