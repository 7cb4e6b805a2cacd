# examples/async/uart_wait.cpp on a board: a task waiting on the console
# UART's receive interrupt answers each line while another logs every
# 100 ms; "quit" ends it (the logger logs once more, then both are done).
# Input is piped at once, then typed once the firmware says "ready".
# Called by CTest as: bash uart_wait.sh RIVET ELF_DIR ELF_NAME
source "$(dirname "$0")/../../integration/lib.sh"
ELF=$3
input=$'hello\nasync rivet\nquit\n'
for how in piped typing; do
    run_rivet_$how "$input" run "$FIRMWARE/$ELF" --timeout 10
    expect "$ELF ($how)" 0 "^ready"
    grep -q "^INFO  line 1: hello " <<<"$out" && pass "line 1 ($how)" || fail "line 1 ($how): $out"
    grep -q "^INFO  line 2: async rivet " <<<"$out" && pass "line 2 ($how)" || fail "line 2 ($how): $out"
    grep -q "^INFO  bye " <<<"$out" && pass "bye ($how)" || fail "no bye ($how): $out"
    grep -q "^INFO  3 lines so far " <<<"$out" && pass "the logger ran ($how)" ||
        fail "the logger did not log after quit ($how): $out"
done
expect_no_qemu_left "$ELF"
finish
