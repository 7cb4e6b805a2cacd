# --probe openocd / pyocd: rivet starts the GDB server itself with the
# board's adapter and target, on a free loopback port, and stops it after.
# No hardware here, so the "servers" are scripts: one records its arguments
# and serves GDB through a QEMU (the path of a real server), one fails as
# OpenOCD does with no adapter attached.
source "$(dirname "$0")/lib.sh"
elf="$FIRMWARE/exit-3-lm3s6965evb.elf"

# Serves the board through QEMU on the port the command line asks for.
cat >"$WORK/fake-openocd" <<'SCRIPT'
#!/usr/bin/env bash
echo "$@" >"$RIVET_FAKE_ARGS"
while [ $# -gt 0 ]; do
    [ "$1" = "-c" ] && [[ "$2" == "gdb_port "* ]] && port=${2#gdb_port }
    [ "$1" = "--port" ] && port=$2
    shift
done
echo "Info : Listening on port $port for gdb connections"
exec qemu-system-arm -M "${RIVET_FAKE_MACHINE:-lm3s6965evb}" -S -nodefaults -display none -monitor none -serial null \
    -gdb "tcp:127.0.0.1:$port"
SCRIPT
cat >"$WORK/no-adapter" <<'SCRIPT'
#!/usr/bin/env bash
echo "Open On-Chip Debugger 0.12.0"
echo "Error: unable to find a matching CMSIS-DAP device"
exit 1
SCRIPT
chmod +x "$WORK/fake-openocd" "$WORK/no-adapter"
export RIVET_FAKE_ARGS="$WORK/args"

RIVET_OPENOCD="$WORK/fake-openocd" run_rivet run "$elf" --probe openocd --timeout 30
# A GDB server does not carry the UART: the exit code is what comes back.
expect "run through a started openocd" 3 "^"
grep -qE -- "-c bindto 127.0.0.1 .*-c gdb_port [0-9]+ -f board/ek-lm3s6965.cfg$" "$WORK/args" &&
    pass "openocd gets its port and the board's configuration" ||
    fail "openocd arguments: $(cat "$WORK/args")"
expect_no_qemu_left "openocd"

RIVET_OPENOCD="$WORK/fake-openocd" run_rivet flash "$elf" --probe openocd \
    --probe-arg=-f --probe-arg=interface/jlink.cfg
expect "--probe-arg replaces the board's adapter" 0 "^loaded [0-9]+ bytes"
grep -qE -- "-f interface/jlink.cfg$" "$WORK/args" && pass "--probe-arg given to openocd" ||
    fail "openocd arguments: $(cat "$WORK/args")"

RIVET_FAKE_MACHINE=microbit RIVET_PYOCD="$WORK/fake-openocd" run_rivet run "$FIRMWARE/exit-0-microbit.elf" --probe pyocd
expect "run through a started pyocd" 0 "^"
grep -qE -- "^gdbserver --port [0-9]+ --telnet-port [0-9]+ --target nrf51822$" "$WORK/args" &&
    pass "pyocd gets its port and the board's target" || fail "pyocd arguments: $(cat "$WORK/args")"
expect_no_qemu_left "pyocd"

RIVET_OPENOCD="$WORK/no-adapter" run_rivet run "$elf" --probe openocd
expect "no adapter attached" 69 "^rivet: error: openocd stopped before it served GDB: Error: unable to find a matching CMSIS-DAP device$"
[ "$(wc -l <<<"$err")" -eq 1 ] && pass "said in one line" || fail "more than one line: $err"

run_rivet run "$elf" --probe pyocd
expect "a board without a pyocd target" 64 "board lm3s6965evb names no pyocd adapter and target"
run_rivet run "$elf" --probe-arg=-f
expect "--probe-arg without a server" 64 "--probe-arg needs --probe openocd or --probe pyocd"
finish
