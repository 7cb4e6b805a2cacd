# Every board's echo example (examples/common/echo.hpp behind the board's
# console UART): typed lines come back as "NN LINE" (the length, then the
# line in capitals), and "quit" gets "bye" and exit code 0. The long line
# is 43 characters, more than any of the boards' receive FIFOs holds (16
# bytes on the LM3S6965, 6 on the nRF51, 1 on the STM32F405 and CMSDK
# UARTs), so it only comes back whole if the reading keeps up. Input is
# piped at once, before the firmware has set its UART up: rivet holds it
# until the receiver can take it, so nothing is lost in any of 50 runs
# (RUNS, the optional fourth argument, says how many).
# Called by CTest as: bash example_echo.sh RIVET ELF_DIR ELF_NAME [RUNS]
source "$(dirname "$0")/lib.sh"
ELF=$3
RUNS=${4:-50}
name=${ELF%.elf}
input=$'rivet\nthe quick brown fox jumps over the lazy dog\nquit\n'
run_rivet_piped "$input" run "$FIRMWARE/$ELF" --timeout 10
expect "$name" 0 "^ready"
grep -q "^05 RIVET$" <<<"$out" && pass "short line" || fail "short line: $out"
grep -q "^43 THE QUICK BROWN FOX JUMPS OVER THE LAZY DOG$" <<<"$out" && pass "long line" ||
    fail "long line: $out"
grep -q "QUIT" <<<"$out" && fail "quit was echoed: $out" || pass "quit is not echoed"
grep -q "^bye$" <<<"$out" && pass "quit says bye" || fail "no bye: $out"
piped_runs "$RUNS" $'^05 RIVET$\n^43 THE QUICK BROWN FOX JUMPS OVER THE LAZY DOG$\n^bye$' "$input" \
    run "$FIRMWARE/$ELF" --timeout 10
# Typed once the firmware says "ready", as a person would.
run_rivet_typing "$input" run "$FIRMWARE/$ELF" --timeout 10
expect "$name, typed after ready" 0 "^05 RIVET"
expect_no_qemu_left "$name"
finish
