# The FPGA user LEDs seen from outside the guest: QEMU 7.2's LED objects
# (/machine/fpgaio/userled0,1) expose no state property, but QMP can read
# the FPGA I/O LED register without stopping the guest (HMP `xp` through
# human-monitor-command), and the LED model traces every change
# (led_change_intensity). cmsdk-leds-hold-mps2-an385 holds 0x2, then 0x3,
# each until a byte comes through RTT.
source "$(dirname "$0")/lib.sh"
if ! command -v python3 >/dev/null; then
    echo "SKIP: python3 is needed to talk QMP to QEMU"
    exit 0
fi
rm -f "$WORK/in" && mkfifo "$WORK/in"
"$RIVET" run "$FIRMWARE/cmsdk-leds-hold-mps2-an385.elf" --timeout 20 --input rtt \
    --qemu-arg=-qmp --qemu-arg="unix:$WORK/qmp.sock,server=on,wait=off" \
    --qemu-arg=-trace --qemu-arg=led_change_intensity \
    <"$WORK/in" >"$WORK/out" 2>"$WORK/err" &
pid=$!
exec 3>"$WORK/in"
read_leds() {
    qmp "$WORK/qmp.sock" \
        '{"execute": "human-monitor-command", "arguments": {"command-line": "xp /1wx 0x40028000"}}'
}
for pattern in 0x2 0x3; do
    for _ in $(seq 100); do grep -q "holding $pattern" "$WORK/out" && break; sleep 0.05; done
    read_leds
    if grep -q "40028000: 0x0000000${pattern#0x}" "$WORK/qmp"; then
        pass "QMP reads LED register $pattern"
    else
        fail "QMP LED register, expected $pattern: $(cat "$WORK/qmp" "$WORK/out" "$WORK/err")"
    fi
    printf 'n' >&3
done
exec 3>&-
wait_rivet $pid
expect "leds hold" 0 "holding 0x3"
# QEMU itself lights and clears every LED while it starts; after that the
# firmware lights LED1, then LED0, and nothing else changes.
changes=$(grep -o "USERLED[01]' color:green intensity [0-9]*% -> [0-9]*%" <<<"$err" | tail -n 2 |
    tr '\n' ';')
if [ "$changes" = "USERLED1' color:green intensity 0% -> 100%;USERLED0' color:green intensity 0% -> 100%;" ]; then
    pass "QEMU traces LED1 then LED0 lighting"
else
    fail "LED trace: '$changes' (stderr: $err)"
fi
expect_no_qemu_left "leds qmp"
finish
