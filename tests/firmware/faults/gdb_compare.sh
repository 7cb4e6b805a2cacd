#!/bin/bash
# Rivet's backtrace against gdb-multiarch's on the same halted state: each
# ELF faults under `rivet run --probe gdb://` on a QEMU this script starts;
# rivet leaves the core in the fault trap (or a foreign firmware's own
# HardFault loop), then `gdb-multiarch -batch -ex bt` connects to the same
# QEMU. Every function gdb names, below its frame #0 (the trap, which Rivet
# leaves out), must be in Rivet's backtrace in the same order: Rivet matches
# or beats gdb (docs/faults.md). Where they differ Rivet is right: without
# the PSP (QEMU's stub has none) gdb reads a process-stack exception frame
# from the MSP, and shows a frame at address 0 or a stale one.
# Usage: gdb_compare.sh RIVET [ELF BOARD]...
source "$(dirname "$0")/../../integration/lib.sh" "$1" ""
shift
if ! command -v gdb-multiarch >/dev/null; then
    echo "SKIP: gdb-multiarch is not installed (scripts/setup.sh installs it)"
    exit 0
fi

# The function names of a backtrace, one per line: Rivet's "  #3  0x... in
# f(int) at ..." and gdb's "#3  0x... in f (x=1) at ..." / "#2  f () at ...".
rivet_names() {
    sed -n 's/^  #[0-9]* *0x[0-9a-f]* in \([^ (]*\).*/\1/p'
}
# gdb's frame at address 0 is no return address.
gdb_names() {
    grep -E '^#[0-9]+ ' | grep -v '<signal handler called>' | tail -n +2 |
        grep -Ev '^#[0-9]+ +0x0+ in ' |
        sed -E 's/^#[0-9]+ +(0x[0-9a-f]+ in )?([^ (]+).*/\2/' | grep -v '^??$'
}

# True when every line of $1 appears in $2, in order.
in_order() {
    local -a have
    local i=0 want
    mapfile -t have <<<"$2"
    while IFS= read -r want; do
        [ -z "$want" ] && continue
        while [ $i -lt ${#have[@]} ] && [ "${have[$i]}" != "$want" ]; do i=$((i + 1)); done
        [ $i -lt ${#have[@]} ] || return 1
        i=$((i + 1))
    done <<<"$1"
}

while [ $# -ge 2 ]; do
    elf=$1 board=$2
    shift 2
    name=$(basename "$elf" .elf)
    start_gdb_server "$board" || continue
    run_rivet run "$elf" --board "$board" --probe "gdb://127.0.0.1:$port" --timeout 10
    expect "$name faults under rivet" 70 "firmware fault"
    rivet=$(rivet_names <<<"$err")
    gdb=$(timeout 30 gdb-multiarch -nx -batch -ex "target remote 127.0.0.1:$port" -ex "bt 100" \
        "$elf" 2>&1)
    kill $qemu_pid 2>/dev/null
    wait $qemu_pid 2>/dev/null
    gdb_list=$(gdb_names <<<"$gdb")
    if grep -q "call chain is on the process stack" <<<"$err"; then
        # Without the PSP gdb goes on from the MSP, through a stale frame
        # (the SVC that started the scheduler): only the frames before the
        # process stack compare.
        gdb_list=$(head -n "$(grep -c . <<<"$rivet")" <<<"$gdb_list")
    elif grep -q "<exception entry: thread mode, PSP" <<<"$err"; then
        # The exception frame is on the PSP, which QEMU's stub does not
        # show gdb: what gdb prints past it comes from a stale MSP frame
        # (startup code), so only its frames before the entry compare.
        gdb_list=$(sed '/<signal handler called>/,$d' <<<"$gdb" | gdb_names)
    fi
    echo "$name: rivet: $(echo $rivet) | gdb: $(echo $gdb_list)"
    if in_order "$gdb_list" "$rivet"; then
        pass "$name: rivet names every function gdb does, in order"
    else
        fail "$name: gdb names functions rivet does not (rivet: $(echo $rivet); gdb: $gdb)"
    fi
    [ "$(wc -l <<<"$rivet")" -ge "$(wc -l <<<"$gdb_list")" ] &&
        pass "$name: rivet's backtrace is at least as long" ||
        fail "$name: gdb's backtrace is longer"
done
finish
