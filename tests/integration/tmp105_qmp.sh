# The TMP105 driver end to end: tmp105-watch-lm3s6965evb (or the ELF the
# third argument names, the async driver's) runs under QEMU with
# a TMP105 on I2C0 (the firmware asks for it) and a QMP socket; once the firmware has logged its first
# reading (0 mC, QEMU's power-on value), the test sets the sensor to 25.5 °C
# through QMP (qom-set .../sensor temperature) and expects the firmware to
# log 25500 mC and exit 0.
source "$(dirname "$0")/lib.sh"
if ! command -v python3 >/dev/null; then
    echo "SKIP: python3 is needed to talk QMP to QEMU"
    exit 0
fi
"$RIVET" run "$FIRMWARE/${3:-tmp105-watch-lm3s6965evb.elf}" --timeout 30 \
    --qemu-arg=-qmp --qemu-arg="unix:$WORK/qmp.sock,server=on,wait=off" \
    >"$WORK/out" 2>"$WORK/err" &
pid=$!
for _ in $(seq 200); do grep -q "temperature 0 mC" "$WORK/out" && break; sleep 0.05; done
grep -q "temperature 0 mC" "$WORK/out" && pass "first reading" || fail "no first reading: $(cat "$WORK/out" "$WORK/err")"

qmp "$WORK/qmp.sock" \
    '{"execute": "qom-set", "arguments": {"path": "/machine/peripheral/sensor", "property": "temperature", "value": 25500}}'
qmp_code=$?
[ "$qmp_code" = 0 ] && pass "qom-set over QMP" || fail "QMP failed: $(cat "$WORK/qmp")"

wait_rivet $pid
expect "firmware sees 25.5 C" 0 "temperature 25500 mC"
grep -q "reached 25 C" <<<"$out" && pass "firmware stopped at 25 C" || fail "no 'reached 25 C': $out"
expect_no_qemu_left "tmp105"
finish
