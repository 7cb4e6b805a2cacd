# `rivet run` forwards its stdin to the board's console UART: the echo
# firmware answers each line in upper case and exits on "quit". Input is
# sent once the firmware says "ready", as a person would: a UART that is not
# yet enabled drops what it receives (the STM32 USART model does).
source "$(dirname "$0")/lib.sh"
for board in lm3s6965evb microbit netduinoplus2 mps2-an385; do
    rm -f "$WORK/in" && mkfifo "$WORK/in"
    "$RIVET" run "$FIRMWARE/echo-$board.elf" --timeout 10 <"$WORK/in" >"$WORK/out" 2>"$WORK/err" &
    pid=$!
    exec 3>"$WORK/in"
    for _ in $(seq 100); do grep -q "^ready" "$WORK/out" && break; sleep 0.05; done
    printf 'hello\nrivet 42\nquit\n' >&3
    exec 3>&-
    wait $pid
    code=$?
    out=$(cat "$WORK/out")
    err=$(cat "$WORK/err")
    expect "echo on $board" 0 "echo: HELLO"
    grep -q "^echo: RIVET 42$" <<<"$out" && pass "second line on $board" || fail "second line missing on $board: $out"
done
expect_no_qemu_left "echo"
finish
