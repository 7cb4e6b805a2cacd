# GPIO edges awaited by a task: async-buttons-lm3s6965evb waits on the
# lm3s6965evb's navigation switches, which QEMU models as a gamepad on the
# keyboard (arrow keys); QMP's send-key presses and
# releases each while the firmware says it waits. A line is driven only from
# its key's first event on (it reads low before), so a first press makes no
# edge and its release a rising one.
source "$(dirname "$0")/lib.sh"
if ! command -v python3 >/dev/null; then
    echo "SKIP: python3 is needed to talk QMP to QEMU"
    exit 0
fi
"$RIVET" run "$FIRMWARE/async-buttons-lm3s6965evb.elf" --timeout 30 \
    --qemu-arg=-qmp --qemu-arg="unix:$WORK/qmp.sock,server=on,wait=off" \
    >"$WORK/out" 2>"$WORK/err" &
pid=$!

# press WAITING_LINE KEY: once the firmware prints the line, a key press
# and release (send-key holds it 100 ms).
press() {
    for _ in $(seq 200); do grep -q "$1" "$WORK/out" && break; sleep 0.05; done
    grep -q "$1" "$WORK/out" || fail "no '$1': $(cat "$WORK/out" "$WORK/err")"
    qmp "$WORK/qmp.sock" "{\"execute\": \"send-key\", \"arguments\": {\"keys\": [{\"type\": \"qcode\", \"data\": \"$2\"}]}}" ||
        fail "send-key $2 failed: $(cat "$WORK/qmp")"
}
press "waiting for up high" up
press "waiting for up$" up
press "waiting for down" down

wait_rivet $pid
expect "second wait refused" 0 "second wait on up refused"
expect "falling then rising edge" 0 "up pressed[^\n]*"
grep -q "up released" <<<"$out" && pass "rising edge" || fail "no 'up released': $out"
grep -q "up high" <<<"$out" && pass "level high" || fail "no 'up high': $out"
grep -q "down: an edge" <<<"$out" && pass "any edge" || fail "no 'down: an edge': $out"
grep -q "select low" <<<"$out" && pass "a level already there" || fail "no 'select low': $out"
expect_no_qemu_left "buttons"
finish
