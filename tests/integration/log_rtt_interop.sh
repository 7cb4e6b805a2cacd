#!/bin/bash
# Another RTT host sees Rivet's channels: gdb-multiarch, attached to QEMU
# without rivet, finds the control block by scanning RAM for its ID (as
# J-Link and OpenOCD do), reads up channel 0's name and bytes, and
# `rivet log decode` decodes what it read. Called as: bash log_rtt_interop.sh RIVET ELF
source "$(dirname "$0")/lib.sh" "$1" "$(dirname "$2")"
ELF=$2
command -v gdb-multiarch >/dev/null || { echo "skipped: no gdb-multiarch"; exit 0; }
port=$((20000 + RANDOM % 20000))
qemu-system-arm -M lm3s6965evb -S -nodefaults -display none -monitor none -serial null \
    -semihosting-config enable=on,target=native -gdb "tcp:127.0.0.1:$port" -kernel "$ELF" \
    </dev/null >/dev/null 2>"$WORK/qemu-err" &
qemu_pid=$!
trap 'kill $qemu_pid 2>/dev/null; wait $qemu_pid 2>/dev/null; rm -rf "$WORK"' EXIT
sleep 0.5
# The scan, in windows small enough for QEMU's stub.
cat >"$WORK/scan.gdb" <<'GDB'
set $at = 0x20000000
set $cb = 0
while $at < 0x20010000 && $cb == 0
    find /b $at, +1040, 0x53, 0x45, 0x47, 0x47, 0x45, 0x52, 0x20, 0x52, 0x54, 0x54, 0
    if $numfound > 0
        set $cb = $_
    end
    set $at = $at + 1024
end
GDB
# Run to the exit trap (the firmware has logged everything, nobody read
# it), then act as an RTT host knowing nothing but the layout.
timeout 30 gdb-multiarch -batch -nx "$ELF" \
    -ex "target remote 127.0.0.1:$port" \
    -ex "break rivet_exit_trap" -ex "continue" \
    -x "$WORK/scan.gdb" \
    -ex 'printf "max_up=%d\n", *(int*)($cb + 16)' \
    -ex 'printf "name=%s\n", *(char**)($cb + 24)' \
    -ex 'set $buf = *(unsigned*)($cb + 28)' \
    -ex 'set $wr = *(unsigned*)($cb + 36)' \
    -ex 'printf "write_offset=%u\n", $wr' \
    -ex "dump binary memory $WORK/channel0.bin \$buf \$buf + \$wr" \
    >"$WORK/gdb.out" 2>&1
grep -q '^max_up=1$' "$WORK/gdb.out" && grep -q '^name=rivet-log$' "$WORK/gdb.out" &&
    pass "gdb found the block by its ID and channel 0 'rivet-log'" ||
    fail "gdb did not find Rivet's control block: $(cat "$WORK/gdb.out")"
run_rivet log decode --elf "$ELF" "$WORK/channel0.bin"
expect "decoded what gdb read" 0 'WARN  count=300000 hex=0x493e0 name=sensor-a'
[ "$failures" = 0 ] || exit 1
