# Ctrl-C or SIGTERM ends a run with 130 and takes QEMU down; even a runner
# killed with SIGKILL leaves no QEMU behind.
source "$(dirname "$0")/lib.sh"
elf="$FIRMWARE/never-exits-lm3s6965evb.elf"

for signal in TERM INT; do
    "$RIVET" run "$elf" >"$WORK/out" 2>"$WORK/err" &
    pid=$!
    for _ in $(seq 50); do grep -q spinning "$WORK/out" && break; sleep 0.1; done
    kill -$signal $pid
    wait $pid
    code=$?
    err=$(cat "$WORK/err")
    out=$(cat "$WORK/out")
    expect "SIG$signal" 130 "rivet: error: interrupted"
    expect_no_qemu_left "SIG$signal"
done

"$RIVET" run "$elf" >"$WORK/out" 2>"$WORK/err" &
pid=$!
for _ in $(seq 50); do grep -q spinning "$WORK/out" && break; sleep 0.1; done
[ -n "$(tagged_processes)" ] && pass "QEMU runs while rivet does" || fail "no QEMU found while running"
kill -KILL $pid
wait $pid 2>/dev/null
expect_no_qemu_left "SIGKILL"
finish
