# The SSD0303 driver by picture: ssd0303-pattern-lm3s811evb draws its test
# pattern on QEMU's lm3s811evb OLED and prints "ready"; this test then takes
# a QMP screendump (PPM), reduces it to its canonical form and compares it
# with the reviewed reference (third argument). Canonical form: QEMU draws
# each panel pixel as a 4x4 block, so the 384x64 dump becomes a 96x16 P6 PPM
# of pure black (0) and white (255) pixels; a block that is not one uniform
# black or white fails the test. RIVET_UPDATE_REFERENCE=1 writes the
# reference instead (review it before committing: see
# tests/firmware/display/README.md).
source "$(dirname "$0")/lib.sh"
REFERENCE=$3
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
    python3 - "$WORK/screen.ppm" "$WORK/canonical.ppm" >>"$WORK/qmp" 2>&1 <<'PY'
import sys
dump, canonical = sys.argv[1:3]

def tokens_and_pixels(data):
    # P6 header: magic, width, height, maxval, separated by whitespace.
    fields, pos = [], 0
    while len(fields) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        start = pos
        while not data[pos:pos + 1].isspace():
            pos += 1
        fields.append(data[start:pos])
    return fields, data[pos + 1:]

fields, rgb = tokens_and_pixels(open(dump, "rb").read())
magic, width, height, maxval = fields[0], int(fields[1]), int(fields[2]), int(fields[3])
if magic != b"P6" or maxval != 255 or (width, height) != (384, 64):
    sys.exit(f"unexpected screendump: {magic} {width}x{height} maxval {maxval}")
scale = 4
out = bytearray()
for y in range(height // scale):
    for x in range(width // scale):
        block = {rgb[3 * ((y * scale + dy) * width + x * scale + dx):][:3]
                 for dy in range(scale) for dx in range(scale)}
        if block not in ({b"\x00\x00\x00"}, {b"\xff\xff\xff"}):
            sys.exit(f"panel pixel ({x},{y}) is not one black or white block: {block}")
        out += block.pop()
open(canonical, "wb").write(b"P6\n96 16\n255\n" + bytes(out))
print("canonical image written")
PY
qmp_code=$?
[ "$qmp_code" = 0 ] && pass "screendump over QMP" || fail "screendump failed: $(cat "$WORK/qmp")"

if [ "$qmp_code" = 0 ]; then
    if [ "${RIVET_UPDATE_REFERENCE:-0}" = 1 ]; then
        cp "$WORK/canonical.ppm" "$REFERENCE" && echo "reference written to $REFERENCE"
    fi
    if cmp -s "$WORK/canonical.ppm" "$REFERENCE"; then
        pass "display matches the reference"
    else
        differences=$(python3 - "$WORK/canonical.ppm" "$REFERENCE" <<'PY'
import sys
a, b = (open(p, "rb").read() if __import__("os").path.exists(p) else b"" for p in sys.argv[1:3])
header = len(b"P6\n96 16\n255\n")
if len(a) != len(b):
    print(f"sizes differ ({len(a)} and {len(b)} bytes)")
else:
    diff = [(i // 3 % 96, i // 3 // 96) for i in range(0, len(a) - header, 3)
            if a[header + i:header + i + 3] != b[header + i:header + i + 3]]
    print(f"{len(diff)} pixel(s) differ, first at (x, y) {diff[:5]}")
PY
)
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
