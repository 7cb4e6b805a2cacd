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

# press WAITING_LINE KEY NEXT_LINE: once the firmware prints WAITING_LINE,
# a key press and release (send-key holds it 100 ms), until NEXT_LINE shows
# the firmware saw them. QEMU drops input events while the target is halted
# (rivet halts it for a moment to read RTT), so a busy machine can lose the
# press, the release or both; sending the key again completes what was lost
# (a press of a key held down changes nothing). The keys go over one QMP
# connection, opened at the first press (QEMU is up by then).
press() {
    local attempt
    wait_for_line "$1" 200
    trap '' PIPE  # a QMP connection that failed shows in $WORK/qmp, not as a killed script
    [ -n "${qmp_in:-}" ] || exec {qmp_in}> >(python3 "$(dirname "$0")/qmp.py" "$WORK/qmp.sock" - >"$WORK/qmp" 2>&1)
    for attempt in $(seq 10); do
        echo "{\"execute\": \"send-key\", \"arguments\": {\"keys\": [{\"type\": \"qcode\", \"data\": \"$2\"}]}}" >&"$qmp_in"
        wait_for_line "$3" 40 quiet && return
    done
    fail "no '$3' after 10 presses of $2: $(cat "$WORK/out" "$WORK/err" "$WORK/qmp")"
}
# wait_for_line REGEX TRIES [quiet]: polls the output every 50 ms.
wait_for_line() {
    for _ in $(seq "$2"); do grep -q "$1" "$WORK/out" && return 0; sleep 0.05; done
    [ -n "${3:-}" ] && return 1
    fail "no '$1': $(cat "$WORK/out" "$WORK/err")"
}
press "waiting for up high" up "waiting for up$"
press "waiting for up$" up "waiting for down"
press "waiting for down" down "select low"
exec {qmp_in}>&-

wait_rivet $pid
expect "second wait refused" 0 "second wait on up refused"
expect "falling then rising edge" 0 "up pressed[^\n]*"
grep -q "up released" <<<"$out" && pass "rising edge" || fail "no 'up released': $out"
grep -Eq "INFO +up high" <<<"$out" && pass "level high" || fail "no 'up high': $out"
grep -q "down: an edge" <<<"$out" && pass "any edge" || fail "no 'down: an edge': $out"
grep -q "select low" <<<"$out" && pass "a level already there" || fail "no 'select low': $out"
expect_no_qemu_left "buttons"
finish
