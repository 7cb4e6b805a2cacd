#!/usr/bin/env bash
# rivet::gfx (bench/run.sh calls this; prints a Markdown section): the exact
# number of instructions QEMU executes (-singlestep -d exec) for each
# operation of bench/gfx/gfx_bench.cpp on lm3s6965evb, per pixel where the
# ELF records its pixel count (symbol bench_pixels); flash of the fonts and of
# the dashboard example. Uses the firmware build (make firmware).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${RIVET_FIRMWARE_BUILD:-$root/build/firmware}
dir=$build/bench/gfx

# Instructions from bench_begin's return to bench_end's entry.
instructions_of() {
    local trace
    trace=$(mktemp)
    timeout 120 qemu-system-arm -M lm3s6965evb -nographic -monitor none -serial null -kernel "$1" \
        -semihosting-config enable=on,target=native -singlestep -d exec,nochain -D "$trace" >/dev/null 2>&1 || true
    awk '$NF == "bench_begin" { inside = 1; n = 0; next }
         $NF == "bench_end" && inside { print n; inside = 0; exit }
         inside { n++ }' "$trace"
    rm -f "$trace"
}
pixels_of() {
    local hex
    hex=$(arm-none-eabi-nm "$1" | awk '$3 == "bench_pixels" { print $1 }')
    echo $((16#${hex:-0}))
}
per() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

declare -A n p
for c in fill fill-hand lines circle filled-circle glyphs redraw flush update; do
    n[$c]=$(instructions_of "$dir/bench-gfx-$c.elf")
    p[$c]=$(pixels_of "$dir/bench-gfx-$c.elf")
done

# Flash of a font: its glyph bits, ranges and (when kept) the font object.
dashboard=$build/examples/lm3s6965evb/lm3s6965evb-dashboard.elf
font_bytes() {
    local total=0 size
    for size in $(arm-none-eabi-nm -S -C "$dashboard" |
        awk -v f="$1" '$4 ~ ("fonts::" f "(_bits|_ranges)?$") { print $2 }'); do
        total=$((total + 16#$size))
    done
    echo "$total"
}

cat <<MD
## Graphics (rivet::gfx)

\`bench/gfx/run.sh\`: lm3s6965evb (Cortex-M3), firmware built MinSizeRel (GCC $(arm-none-eabi-gcc -dumpversion)).
Instructions counted exactly by QEMU (\`-singlestep -d exec\`) between \`bench_begin()\` and
\`bench_end()\` in \`bench/gfx/gfx_bench.cpp\`; pixels are those the operation sets, counted at
compile time by drawing the same thing in a constant expression. Framebuffer: 128 x 64 grey 4
(the SSD0323's layout, 2 pixels per byte).

| operation | instructions | pixels | per pixel |
|---|---:|---:|---:|
| \`fill_solid\` of the whole framebuffer | ${n[fill]} | ${p[fill]} | $(per "${n[fill]}" "${p[fill]}") |
| hand-written loop of 32-bit words over the same bytes | ${n[fill-hand]} | ${p[fill-hand]} | $(per "${n[fill-hand]}" "${p[fill-hand]}") |
| 8 lines of 128 pixels (slope 7/127, 1 pixel wide) | ${n[lines]} | ${p[lines]} | $(per "${n[lines]}" "${p[lines]}") |
| circle outline, diameter 60 | ${n[circle]} | ${p[circle]} | $(per "${n[circle]}" "${p[circle]}") |
| filled circle, diameter 60 | ${n[filled-circle]} | ${p[filled-circle]} | $(per "${n[filled-circle]}" "${p[filled-circle]}") |
| 20 glyphs of 6x10 (transparent background) | ${n[glyphs]} | ${p[glyphs]} glyphs | $(per "${n[glyphs]}" "${p[glyphs]}") per glyph |

\`fill_solid\` against the hand-written loop: $(per "${n[fill]}" "${n[fill-hand]}")x.

| SSD0323 dashboard (examples/common/dashboard.hpp) | instructions |
|---|---:|
| full redraw into the display's framebuffer | ${n[redraw]} |
| flush of the whole panel (4 KiB over SSI) | ${n[flush]} |
| one new reading: its parts redrawn and only the dirty bytes flushed | ${n[update]} |

| flash | bytes |
|---|---:|
| font_6x10 (191 Latin-1 glyphs) | $(font_bytes font_6x10) |
| font_4x6 (191 Latin-1 glyphs) | $(font_bytes font_4x6) |
| font_10x20_digits (17 glyphs) | $(font_bytes font_10x20_digits) |
| dashboard firmware (lm3s6965evb-dashboard, .text + .data) | $(arm-none-eabi-size "$dashboard" | awk 'NR == 2 { print $1 + $2 }') |
MD
