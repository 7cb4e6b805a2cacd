# A firmware that never exits ends with the timeout code, says where it was
# stopped, and leaves no QEMU behind.
source "$(dirname "$0")/lib.sh"
for board in lm3s6965evb microbit; do
    run_rivet run "$FIRMWARE/never-exits-$board.elf" --timeout 1
    expect "timeout on $board" 124 "timeout: the firmware did not exit within 1 s \(stopped it at 0x[0-9a-f]+ in main\)"
    grep -q "^spinning$" <<<"$out" && pass "output before the timeout" || fail "no output before the timeout: $out"
    expect_no_qemu_left "timeout on $board"
done
finish
