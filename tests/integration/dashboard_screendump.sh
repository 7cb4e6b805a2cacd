# The gfx dashboard (examples/lm3s6965evb/dashboard.cpp) by picture: it runs
# with a TMP105 on I2C0 (the firmware asks for it: RIVET_EMULATED_DEVICE); after its first frame ("ready", 0 °C) the sensor is
# set to 23.5 °C over QMP, and once the firmware has shown that reading a
# screendump is compared with the reviewed reference (third argument), which
# is the picture of firmware/gfx/test/golden/dashboard.png. With
# RIVET_DEMO_PNG=PATH it is also saved there (make demo).
source "$(dirname "$0")/lib.sh"
screendump_prepare() {
    qmp "$WORK/qmp.sock" \
        '{"execute": "qom-set", "arguments": {"path": "/machine/peripheral/sensor", "property": "temperature", "value": 23500}}' ||
        fail "qom-set over QMP: $(cat "$WORK/qmp")"
    for _ in $(seq 200); do grep -q "shown 23500 mC" "$WORK/out" && break; sleep 0.05; done
    grep -q "shown 23500 mC" "$WORK/out" && pass "reading shown live" ||
        fail "23.5 C not shown: $(cat "$WORK/out" "$WORK/err")"
}
check_screendump ssd0323 lm3s6965evb-dashboard.elf 128x64 16 "$3"
finish
