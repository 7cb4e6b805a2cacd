# tests/firmware/async/serial_delay.cpp on a board, under -icount: delays
# of exact tick counts, block_on and the blocking adapters, a read that
# times out, then a byte typed once the task's line is out.
# Called by CTest as: bash serial_delay.sh RIVET ELF_DIR ELF_NAME
source "$(dirname "$0")/../../integration/lib.sh"
ELF=$3
rm -f "$WORK/in" && mkfifo "$WORK/in"
"$RIVET" run "$FIRMWARE/$ELF" --timeout 20 --qemu-arg=-icount --qemu-arg=shift=4,sleep=off \
    <"$WORK/in" >"$WORK/out" 2>"$WORK/err" &
pid=$!
exec 3>"$WORK/in"
for _ in $(seq 200); do grep -q "^written by a task" "$WORK/out" && break; sleep 0.05; done
printf 'x' >&3
exec 3>&-
wait_rivet $pid
expect "$ELF" 0 "INFO  serial and delay ok"
for line in "^ready$" "^written by a task$" \
    "^INFO  blocking adapters: write_all true, delay_ms\(3\) 4 ticks" \
    "^INFO  task delays: 1500 us 3 ticks, 10 ms 11 ticks" \
    "^INFO  read with nothing to read: timed out true after 5 ticks" \
    "^INFO  task write_all and flush: true" "^INFO  then read 1 byte: x"; do
    grep -Eq -- "$line" <<<"$out" && pass "$line" || fail "no '$line' in: $out $err"
done
expect_no_qemu_left "$ELF"
finish
