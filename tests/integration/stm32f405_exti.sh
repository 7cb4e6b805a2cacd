# EXTI on QEMU's netduinoplus2, end to end. QEMU 7.2 models no GPIO and
# ignores SWIER, but its SYSCFG has one input line per pin (port * 16 +
# pin) that feeds EXTI through the EXTICR routing. QEMU's qtest protocol
# (-qtest, which runs beside the TCG CPU when -accel tcg is given) can set
# such a line: stm32f405-exti-edge-netduinoplus2 waits for two rising edges
# on PA0, and this script makes them (high, low, high), 50 ms apart.
# Only port A can be driven: for any other port QEMU 7.2's SYSCFG computes
# the EXTICR index from the whole line number and aborts on an assertion.
source "$(dirname "$0")/lib.sh"
run_rivet_qtest stm32f405-exti-edge-netduinoplus2.elf
qtest_levels "/machine/unattached/device[0]/syscfg unnamed-gpio-in 0" 1 0 1

wait_rivet $pid

# Three calls: the falling level in between makes QEMU 7.2 pulse the
# interrupt without setting PR (silicon would call the handler twice).
expect "two rising edges" 0 "INFO  exti: handler ran 3 times, 2 with PR set; PR clear now"
expect_no_qemu_left "exti"
finish
