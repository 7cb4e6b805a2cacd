# EXTI edges awaited by a task on QEMU's netduinoplus2: async-exti-netduinoplus2
# waits on PA0 (rising, any, rising); as in stm32f405_exti.sh, qtest drives
# the pin's SYSCFG input line (QEMU 7.2 models no GPIO), high, low, high.
source "$(dirname "$0")/lib.sh"
if ! command -v python3 >/dev/null; then
    echo "SKIP: python3 is needed to talk qtest to QEMU"
    exit 0
fi
"$RIVET" run "$FIRMWARE/async-exti-netduinoplus2.elf" --timeout 20 \
    --qemu-arg=-accel --qemu-arg=tcg \
    --qemu-arg=-qtest --qemu-arg="unix:$WORK/qtest.sock,server=on,wait=off" \
    >"$WORK/out" 2>"$WORK/err" &
pid=$!
for _ in $(seq 200); do grep -q "INFO  ready" "$WORK/out" && break; sleep 0.05; done
grep -q "INFO  ready" "$WORK/out" && pass "firmware ready" || fail "no ready: $(cat "$WORK/out" "$WORK/err")"

python3 - "$WORK/qtest.sock" "$WORK/out" >"$WORK/qtest" 2>&1 <<'PY'
import socket, sys, time
line = "/machine/unattached/device[0]/syscfg unnamed-gpio-in 0"  # PA0
s = socket.socket(socket.AF_UNIX)
s.connect(sys.argv[1])
replies = s.makefile("r")
# Each level once the task says it waits for it, so no edge comes early.
for level, waiting in ((1, "ready"), (0, "rising edge"), (1, "any edge")):
    for _ in range(200):
        if waiting in open(sys.argv[2]).read():
            break
        time.sleep(0.05)
    time.sleep(0.05)
    s.sendall(f"set_irq_in {line} {level}\n".encode())
    reply = replies.readline().strip()
    print(reply)
    if reply != "OK":
        sys.exit(1)
PY
[ $? = 0 ] && pass "qtest set_irq_in" || fail "qtest: $(cat "$WORK/qtest")"

wait_rivet $pid
expect "rising, any, rising" 0 "INFO  rising edge again"
order=$(grep -o "INFO  [a-z ]*edge[a-z ]*" <<<"$out" | sed 's/ *$//' | paste -sd,)
[ "$order" = "INFO  rising edge,INFO  any edge,INFO  rising edge again" ] && pass "in order" ||
    fail "edges out of order: $order"
expect_no_qemu_left "exti"
finish
