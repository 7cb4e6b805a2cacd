# Shared helpers for the runner's integration tests. Each test script is
# called as: bash SCRIPT.sh RIVET FIRMWARE_DIR
set -u
RIVET=$1
FIRMWARE=$2
failures=0
WORK=$(mktemp -d)
# Every QEMU started under this test inherits the tag, so leftovers can be
# found without touching QEMUs of other tests running in parallel.
export RIVET_TEST_TAG="rivet-test-$$-$RANDOM"
trap 'rm -rf "$WORK"' EXIT

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }

# run_rivet ARGS...: runs rivet, leaving its exit code in $code, its
# stdout in $out and its stderr in $err.
run_rivet() {
    "$RIVET" "$@" >"$WORK/out" 2>"$WORK/err"
    code=$?
    out=$(cat "$WORK/out")
    err=$(cat "$WORK/err")
}

# run_rivet_piped INPUT ARGS...: like run_rivet, with INPUT on rivet's
# stdin from the start, before the firmware can read it (rivet holds it
# until the firmware's receiver takes it).
run_rivet_piped() {
    local input=$1
    shift
    printf '%s' "$input" | "$RIVET" "$@" >"$WORK/out" 2>"$WORK/err"
    code=${PIPESTATUS[1]}
    out=$(cat "$WORK/out")
    err=$(cat "$WORK/err")
}

# run_rivet_typing INPUT ARGS...: like run_rivet, but types INPUT into
# rivet's stdin once the firmware has printed a line starting "ready", as a
# person would. It waits for that line as long as rivet runs (its --timeout
# bounds the wait), not for a fixed time a loaded machine can exceed.
run_rivet_typing() {
    local input=$1 pid
    shift
    rm -f "$WORK/in" && mkfifo "$WORK/in"
    "$RIVET" "$@" <"$WORK/in" >"$WORK/out" 2>"$WORK/err" &
    pid=$!
    exec 3>"$WORK/in"
    until grep -q "^ready" "$WORK/out" || ! kill -0 $pid 2>/dev/null; do sleep 0.05; done
    # Nobody to type at once rivet has gone (the write would kill this shell).
    kill -0 $pid 2>/dev/null && printf '%s' "$input" >&3
    exec 3>&-
    wait_rivet $pid
}

# piped_runs RUNS PATTERN INPUT ARGS...: runs rivet RUNS times with INPUT
# piped at once; each run must exit 0 with every line of PATTERN (one
# regex a line) in its output. Reports one result for all runs.
piped_runs() {
    local runs=$1 pattern=$2 input=$3 i line bad=0 first=""
    shift 3
    for i in $(seq "$runs"); do
        run_rivet_piped "$input" "$@"
        local ok=1
        [ "$code" = 0 ] || ok=0
        while IFS= read -r line; do
            grep -Eq -- "$line" <<<"$out" || ok=0
        done <<<"$pattern"
        if [ $ok = 0 ]; then
            bad=$((bad + 1))
            [ -n "$first" ] || first="run $i: exit $code, stdout: $out, stderr: $err"
        fi
    done
    [ $bad = 0 ] && pass "input piped at once, $runs runs: every line came back" ||
        fail "input piped at once: $bad of $runs runs lost input; $first"
}

# wait_rivet PID: waits for a rivet started in the background with its
# output in $WORK/out and $WORK/err; sets $code, $out and $err.
wait_rivet() {
    wait "$1"
    code=$?
    out=$(cat "$WORK/out")
    err=$(cat "$WORK/err")
}

# qmp SOCKET 'JSON COMMAND'...: runs QMP commands (tests/integration/qmp.py);
# the replies go to $WORK/qmp.
qmp() {
    python3 "$(dirname "${BASH_SOURCE[0]}")/qmp.py" "$@" >"$WORK/qmp" 2>&1
}

# expect NAME CODE REGEX: checks the last run_rivet.
expect() {
    local name=$1 want=$2 regex=$3
    if [ "$code" != "$want" ]; then
        fail "$name: exit code $code, expected $want (stderr: $err)"
    elif ! grep -Eq -- "$regex" <<<"$err$out"; then
        fail "$name: output does not match '$regex' (stdout: $out; stderr: $err)"
    else
        pass "$name"
    fi
}

# start_gdb_server MACHINE: a halted QEMU with its GDB stub on a free TCP
# port, as a user would start OpenOCD or pyOCD; sets $qemu_pid and $port,
# the serial output goes to $WORK/serial-MACHINE.txt.
start_gdb_server() {
    local machine=$1 attempt
    for attempt in $(seq 20); do
        port=$((20000 + RANDOM % 40000))
        qemu-system-arm -M "$machine" -S -nodefaults -display none -monitor none \
            -serial "file:$WORK/serial-$machine.txt" -gdb "tcp:127.0.0.1:$port" \
            </dev/null >/dev/null 2>"$WORK/qemu-err" &
        qemu_pid=$!
        # Listening yet? (/proc/net/tcp: local port in hex, state 0A; asked
        # without connecting, which the stub would take as a debugger.)
        local hex tries
        hex=$(printf '%04X' "$port")
        for tries in $(seq 100); do
            kill -0 $qemu_pid 2>/dev/null || break
            grep -q ":$hex 00000000:0000 0A" /proc/net/tcp && return 0
            sleep 0.05
        done
        kill $qemu_pid 2>/dev/null
        wait $qemu_pid 2>/dev/null
    done
    fail "could not start QEMU: $(cat "$WORK/qemu-err")"
    return 1
}

# check_screendump MODEL ELF PANEL LEVELS REFERENCE: a display driver
# checked by picture. The firmware ELF (in $FIRMWARE) draws its test pattern
# and prints "ready"; then a QMP screendump (PPM) is reduced to its canonical
# form by screendump.py (QEMU draws each panel pixel as a 4x4 block, so the
# dump becomes a PANEL-sized P6 PPM of LEVELS evenly spaced greys; a block
# that is not one uniform grey of those fails) and compared pixel by pixel
# with REFERENCE. RIVET_UPDATE_REFERENCE=1 writes the reference instead
# (review it before committing: see tests/firmware/display/README.md).
# Typing a byte ends the firmware (rivet run gives it 40 s, room for a loaded
# machine); QEMU's MODEL must not have complained on
# stderr (it reports bytes it does not understand there, after which it
# misreads what follows, and a pattern could still look right).
# A function screendump_prepare, when defined, runs between "ready" and the dump; with
# RIVET_DEMO_PNG set, the canonical picture is also saved there as a PNG.
check_screendump() {
    local model=$1 elf=$2 panel=$3 levels=$4 reference=$5 pid qmp_code differences
    local screendump
    screendump="$(dirname "${BASH_SOURCE[0]}")/screendump.py"
    if ! command -v python3 >/dev/null; then
        echo "SKIP: python3 is needed to talk QMP to QEMU"
        exit 0
    fi
    rm -f "$WORK/in" && mkfifo "$WORK/in"
    "$RIVET" run "$FIRMWARE/$elf" --timeout 40 \
        --qemu-arg=-qmp --qemu-arg="unix:$WORK/qmp.sock,server=on,wait=off" \
        <"$WORK/in" >"$WORK/out" 2>"$WORK/err" &
    pid=$!
    exec 3>"$WORK/in"
    for _ in $(seq 200); do grep -q "^ready" "$WORK/out" && break; sleep 0.05; done
    grep -q "^ready" "$WORK/out" && pass "pattern drawn" || fail "no 'ready': $(cat "$WORK/out" "$WORK/err")"
    if declare -F screendump_prepare >/dev/null; then screendump_prepare; fi

    qmp "$WORK/qmp.sock" "{\"execute\": \"screendump\", \"arguments\": {\"filename\": \"$WORK/screen.ppm\"}}" &&
        python3 "$screendump" canonical "$WORK/screen.ppm" "$WORK/canonical.ppm" \
            --panel "$panel" --scale 4 --levels "$levels" >>"$WORK/qmp" 2>&1
    qmp_code=$?
    [ "$qmp_code" = 0 ] && pass "screendump over QMP" || fail "screendump failed: $(cat "$WORK/qmp")"

    if [ "$qmp_code" = 0 ]; then
        if [ -n "${RIVET_DEMO_PNG:-}" ]; then
            python3 "$screendump" png "$WORK/canonical.ppm" "$RIVET_DEMO_PNG" --zoom 4
        fi
        if [ "${RIVET_UPDATE_REFERENCE:-0}" = 1 ]; then
            cp "$WORK/canonical.ppm" "$reference" && echo "reference written to $reference"
        fi
        if differences=$(python3 "$screendump" compare "$WORK/canonical.ppm" "$reference"); then
            pass "display matches the reference"
        else
            fail "display differs from $reference: $differences"
        fi
    fi

    printf 'q' >&3
    exec 3>&-
    wait_rivet $pid
    expect "firmware exits once typed at" 0 "ready"
    grep -q "$model" <<<"$err" && fail "QEMU's ${model^^} model complained: $err" ||
        pass "no complaint from QEMU's ${model^^} model"
    expect_no_qemu_left "$model"
}

# run_rivet_qtest ELF: runs rivet on ELF (in $FIRMWARE) in the background,
# its QEMU taking qtest commands on $WORK/qtest.sock (beside the TCG CPU,
# which needs -accel tcg), as QEMU 7.2's netduinoplus2 needs to drive a pin
# (it models no GPIO); sets $pid and waits for the firmware's "INFO  ready".
# Skips the test without python3 (qtest.py).
run_rivet_qtest() {
    local elf=$1
    if ! command -v python3 >/dev/null; then
        echo "SKIP: python3 is needed to talk qtest to QEMU"
        exit 0
    fi
    "$RIVET" run "$FIRMWARE/$elf" --timeout 20 \
        --qemu-arg=-accel --qemu-arg=tcg \
        --qemu-arg=-qtest --qemu-arg="unix:$WORK/qtest.sock,server=on,wait=off" \
        >"$WORK/out" 2>"$WORK/err" &
    pid=$!
    for _ in $(seq 200); do grep -q "INFO  ready" "$WORK/out" && break; sleep 0.05; done
    grep -q "INFO  ready" "$WORK/out" && pass "firmware ready" || fail "no ready: $(cat "$WORK/out" "$WORK/err")"
}

# qtest_levels LINE LEVEL[:TEXT]...: sets LINE of the QEMU started by
# run_rivet_qtest to each level in turn (qtest.py; with TEXT, once the
# firmware has printed it).
qtest_levels() {
    python3 "$(dirname "${BASH_SOURCE[0]}")/qtest.py" "$WORK/qtest.sock" "$1" "$WORK/out" "${@:2}" \
        >"$WORK/qtest" 2>&1
    [ $? = 0 ] && pass "qtest set_irq_in" || fail "qtest: $(cat "$WORK/qtest")"
}

# Processes (other than this shell's own) that carry this test's tag.
tagged_processes() {
    local pid
    for pid in $(grep -l -a "RIVET_TEST_TAG=$RIVET_TEST_TAG" /proc/[0-9]*/environ 2>/dev/null |
        cut -d/ -f3); do
        [ "$pid" = "$$" ] && continue
        if grep -q qemu-system "/proc/$pid/cmdline" 2>/dev/null; then echo "$pid"; fi
    done
}

expect_no_qemu_left() {
    local name=$1 left
    sleep 0.2
    left=$(tagged_processes)
    if [ -n "$left" ]; then
        fail "$name: QEMU still running: $left"
        kill -9 $left 2>/dev/null
    else
        pass "$name: no QEMU left"
    fi
}

finish() {
    if [ "$failures" -ne 0 ]; then
        echo "$failures check(s) failed"
        exit 1
    fi
    echo "all checks passed"
}
