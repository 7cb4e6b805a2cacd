#!/usr/bin/env bash
# `make demo`: what Rivet does, on the emulated LM3S6965 board, in four
# firmwares the Makefile has just built. Usage: scripts/demo.sh RIVET FIRMWARE_BUILD_DIR
set -uo pipefail
rivet=$1
firmware=$2
root=$(cd "$(dirname "$0")/.." && pwd)

step() {
    printf '\n\033[1m== %s\033[0m\n$ rivet %s\n' "$1" "$2"
}
# Runs rivet with the arguments after the expected exit code; a different
# code ends the demo.
run_expecting() {
    local expected=$1 code
    shift
    "$rivet" "$@"
    code=$?
    if [ "$code" != "$expected" ]; then
        echo "demo: rivet $* exited $code, expected $expected" >&2
        exit 1
    fi
}

step "Hello: the firmware prints over the UART, rivet runs it under QEMU" \
    "run examples/hello/hello-lm3s6965evb.elf"
run_expecting 0 run "$firmware/examples/hello/hello-lm3s6965evb.elf"

step "Deferred logging: the firmware sends indices and raw arguments over RTT; the
   format strings stay in the ELF, and rivet formats them (it ends in a failed
   assertion on purpose: exit code 101)" "run examples/logging/logging-lm3s6965evb.elf"
run_expecting 101 run "$firmware/examples/logging/logging-lm3s6965evb.elf"

step "A fault: divide by zero, reported with the fault in words, the registers and
   a backtrace with source lines (exit code 70)" "run examples/fault/fault-lm3s6965evb.elf"
run_expecting 70 run "$firmware/examples/fault/fault-lm3s6965evb.elf"

png="$root/build/dashboard.png"
step "Graphics: a dashboard on the board's 128x64 OLED, with QEMU's TMP105 sensor
   (which the firmware asks for) set to 23.5 °C" "run examples/lm3s6965evb/lm3s6965evb-dashboard.elf"
if ! RIVET_DEMO_PNG="$png" bash "$root/tests/integration/dashboard_screendump.sh" "$rivet" \
    "$firmware/examples/lm3s6965evb" "$root/examples/lm3s6965evb/dashboard.ppm" >"$root/build/demo-dashboard.log" 2>&1; then
    cat "$root/build/demo-dashboard.log" >&2
    exit 1
fi
grep "^INFO" "$root/build/demo-dashboard.log" || true
echo "The OLED, 4x: $png"

# The next steps use the full build (make firmware): rivet optimised, and
# every example of every board.
cat <<'NEXT'

What to try next, after `make firmware` (rivet optimised at build/bin/rivet, every example
of every board in build/firmware; the demo's own rivet in build/demo is unoptimised):
  build/bin/rivet run build/firmware/examples/lm3s6965evb/lm3s6965evb-echo.elf
      type a line and the firmware echoes it back (Ctrl-C ends)
  build/bin/rivet run build/firmware/examples/lm3s6965evb/lm3s6965evb-temperature.elf
  build/bin/rivet stack build/firmware/examples/logging/logging-lm3s6965evb.elf
      the deepest call path and its stack use, from the ELF alone
  build/bin/rivet debug build/firmware/examples/lm3s6965evb/lm3s6965evb-blink.elf
      halted behind a GDB server on port 3333 while its logs stream (rivet gdb: with gdb-multiarch)
  make install PREFIX=build/prefix && build/prefix/bin/rivet new blinky --board microbit
      a project of your own, with on-target tests (docs/guide/first-project.md)
  examples/*/README.md   the examples of each board
  docs/guide/README.md   the user guide: install, first project, tests, debugging, real probes
  make test              every test, on the host and under QEMU
NEXT
