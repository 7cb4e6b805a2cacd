# The micro:bit display seen from outside the firmware: QEMU's microbit has
# no LED model and its nRF51 GPIO exposes no pin levels as QOM properties,
# but the monitor's `xp` reads the GPIO OUT register (0x50000504) through the
# memory map, without halting the CPU. nrf51-matrix-hold-microbit draws the
# middle row of the display (electrical row 1 shows three of its five LEDs:
# (0, 2), (2, 2) and (4, 2)) and holds it; the pins must then be: row 2
# (P0.14) high, rows 1 and 3 low; columns 1-3 (P0.4-P0.6) low, the others
# (P0.7-P0.12) high: OUT & 0xfff0 == 0x5f80. The firmware holds them until
# the test sends a byte through RTT.
source "$(dirname "$0")/lib.sh"
if ! command -v python3 >/dev/null; then
    echo "SKIP: python3 is needed to talk QMP to QEMU"
    exit 0
fi
read_out() {
    qmp "$WORK/qmp.sock" \
        '{"execute": "human-monitor-command", "arguments": {"command-line": "xp /1wx 0x50000504"}}' ||
        return 1
    grep -o '50000504: 0x[0-9a-f]*' "$WORK/qmp" | awk '{print $2}'
}
: >"$WORK/out"
rm -f "$WORK/in" && mkfifo "$WORK/in"
"$RIVET" run "$FIRMWARE/nrf51-matrix-hold-microbit.elf" --timeout 20 --input rtt \
    --qemu-arg=-qmp --qemu-arg="unix:$WORK/qmp.sock,server=on,wait=off" \
    <"$WORK/in" >"$WORK/out" 2>"$WORK/err" &
pid=$!
exec 3>"$WORK/in"
for _ in $(seq 200); do grep -q "matrix drawn" "$WORK/out" && break; sleep 0.05; done
grep -q "matrix drawn" "$WORK/out" && pass "firmware drew" || fail "no 'matrix drawn': $(cat "$WORK/out" "$WORK/err")"

out_reg=$(read_out)
if [ -z "$out_reg" ]; then
    fail "could not read OUT through QMP: $(cat "$WORK/qmp")"
elif [ $((out_reg & 0xfff0)) -eq $((0x5f80)) ]; then
    pass "OUT $out_reg: row 2 high, columns 1-3 low"
else
    fail "OUT $out_reg: matrix pins $(printf '%#x' $((out_reg & 0xfff0))), expected 0x5f80"
fi

printf 'n' >&3
exec 3>&-
wait_rivet $pid
expect "matrix hold" 0 "matrix cleared"
grep -q "matrix drawn: row 1, image 0x5400" <<<"$out" && pass "firmware's own read-back" ||
    fail "firmware read back another image: $out"
expect_no_qemu_left "matrix qmp"
finish
