# EXTI on QEMU's netduinoplus2, end to end. QEMU 7.2 models no GPIO and
# ignores SWIER, but its SYSCFG has one input line per pin (port * 16 +
# pin) that feeds EXTI through the EXTICR routing. QEMU's qtest protocol
# (-qtest, which runs beside the TCG CPU when -accel tcg is given) can set
# such a line: stm32f405-exti-edge-netduinoplus2 waits for two rising edges
# on PA0, and this script makes them (high, low, high).
# Only port A can be driven: for any other port QEMU 7.2's SYSCFG computes
# the EXTICR index from the whole line number and aborts on an assertion.
source "$(dirname "$0")/lib.sh"
if ! command -v python3 >/dev/null; then
    echo "SKIP: python3 is needed to talk qtest to QEMU"
    exit 0
fi
"$RIVET" run "$FIRMWARE/stm32f405-exti-edge-netduinoplus2.elf" --timeout 20 \
    --qemu-arg=-accel --qemu-arg=tcg \
    --qemu-arg=-qtest --qemu-arg="unix:$WORK/qtest.sock,server=on,wait=off" \
    >"$WORK/out" 2>"$WORK/err" &
pid=$!
for _ in $(seq 200); do grep -q "INFO  ready" "$WORK/out" && break; sleep 0.05; done
grep -q "INFO  ready" "$WORK/out" && pass "firmware ready" || fail "no ready: $(cat "$WORK/out" "$WORK/err")"

python3 - "$WORK/qtest.sock" >"$WORK/qtest" 2>&1 <<'PY'
import socket, sys, time
line = "/machine/unattached/device[0]/syscfg unnamed-gpio-in 0"  # PA0
s = socket.socket(socket.AF_UNIX)
s.connect(sys.argv[1])
replies = s.makefile("r")
for level in (1, 0, 1):
    s.sendall(f"set_irq_in {line} {level}\n".encode())
    reply = replies.readline().strip()
    print(reply)
    if reply != "OK":
        sys.exit(1)
    time.sleep(0.05)  # let the handler run: edges closer than that merge
PY
[ $? = 0 ] && pass "qtest set_irq_in" || fail "qtest: $(cat "$WORK/qtest")"

wait_rivet $pid

# Three calls: the falling level in between makes QEMU 7.2 pulse the
# interrupt without setting PR (silicon would call the handler twice).
expect "two rising edges" 0 "INFO  exti: handler ran 3 times, 2 with PR set; PR clear now"
expect_no_qemu_left "exti"
finish
