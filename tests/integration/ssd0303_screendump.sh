# The SSD0303 driver by picture: ssd0303-pattern-lm3s811evb draws its test
# pattern on QEMU's lm3s811evb OLED and prints "ready"; this test then takes
# a QMP screendump (PPM), reduces it to its canonical form and compares it
# with the reviewed reference (third argument). Canonical form
# (screendump.py, shared with ssd0323_screendump.sh): QEMU draws
# each panel pixel as a 4x4 block, so the 384x64 dump becomes a 96x16 P6 PPM
# of pure black (0) and white (255) pixels; a block that is not one uniform
# black or white fails the test. RIVET_UPDATE_REFERENCE=1 writes the
# reference instead (review it before committing: see
# tests/firmware/display/README.md).
source "$(dirname "$0")/lib.sh"
REFERENCE=$3
SCREENDUMP="$(dirname "$0")/screendump.py"
if ! command -v python3 >/dev/null; then
    echo "SKIP: python3 is needed to talk QMP to QEMU"
    exit 0
fi
rm -f "$WORK/in" && mkfifo "$WORK/in"
"$RIVET" run "$FIRMWARE/ssd0303-pattern-lm3s811evb.elf" --timeout 20 \
    --qemu-arg=-qmp --qemu-arg="unix:$WORK/qmp.sock,server=on,wait=off" \
    <"$WORK/in" >"$WORK/out" 2>"$WORK/err" &
pid=$!
exec 3>"$WORK/in"
for _ in $(seq 200); do grep -q "^ready" "$WORK/out" && break; sleep 0.05; done
grep -q "^ready" "$WORK/out" && pass "pattern drawn" || fail "no 'ready': $(cat "$WORK/out" "$WORK/err")"

qmp "$WORK/qmp.sock" "{\"execute\": \"screendump\", \"arguments\": {\"filename\": \"$WORK/screen.ppm\"}}" &&
    python3 "$SCREENDUMP" canonical "$WORK/screen.ppm" "$WORK/canonical.ppm" \
        --panel 96x16 --scale 4 --levels 2 >>"$WORK/qmp" 2>&1
qmp_code=$?
[ "$qmp_code" = 0 ] && pass "screendump over QMP" || fail "screendump failed: $(cat "$WORK/qmp")"

if [ "$qmp_code" = 0 ]; then
    if [ "${RIVET_UPDATE_REFERENCE:-0}" = 1 ]; then
        cp "$WORK/canonical.ppm" "$REFERENCE" && echo "reference written to $REFERENCE"
    fi
    if differences=$(python3 "$SCREENDUMP" compare "$WORK/canonical.ppm" "$REFERENCE"); then
        pass "display matches the reference"
    else
        fail "display differs from $REFERENCE: $differences"
    fi
fi

printf 'q' >&3
exec 3>&-
wait_rivet $pid
expect "firmware exits once typed at" 0 "ready"
# QEMU's model reports bytes it does not understand on stderr; the pattern
# could still look right when only ignored settings were misread.
grep -q "ssd0303" <<<"$err" && fail "QEMU's SSD0303 model complained: $err" || pass "no complaint from QEMU's SSD0303 model"
expect_no_qemu_left "ssd0303"
finish
