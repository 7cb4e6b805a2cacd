# EXTI edges awaited by a task on QEMU's netduinoplus2: async-exti-netduinoplus2
# waits on PA0 (rising, any, rising); as in stm32f405_exti.sh, qtest drives
# the pin's SYSCFG input line (QEMU 7.2 models no GPIO), high, low, high,
# each level once the task says it waits for it, so no edge comes early.
source "$(dirname "$0")/lib.sh"
run_rivet_qtest async-exti-netduinoplus2.elf
qtest_levels "/machine/unattached/device[0]/syscfg unnamed-gpio-in 0" \
    "1:ready" "0:rising edge" "1:any edge"

wait_rivet $pid
expect "rising, any, rising" 0 "INFO  rising edge again"
order=$(grep -o "INFO  [a-z ]*edge[a-z ]*" <<<"$out" | sed 's/ *$//' | paste -sd,)
[ "$order" = "INFO  rising edge,INFO  any edge,INFO  rising edge again" ] && pass "in order" ||
    fail "edges out of order: $order"
expect_no_qemu_left "exti"
finish
