#!/usr/bin/env bash
# On-target tests benchmark (bench/run.sh calls this; prints a Markdown
# section): the instructions `rivet test` counts for an empty case, which is
# the per-case overhead (handshake return, setup, teardown, the way out to
# the exit trap), exact under QEMU -icount; and the flash a case's
# descriptor costs. Uses the firmware preset's testing-cases.elf.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
rivet=${RIVET:-$root/build/host/host/cli/rivet}
elf=${RIVET_BENCH_TESTING_ELF:-$root/build/firmware/tests/firmware/testing/testing-cases.elf}
[ -f "$elf" ] || cmake --build "$root/build/firmware" --target testing-cases >/dev/null

count_of() {
    "$rivet" test "$elf" --exact --filter "$1" |
        sed -nE "s/^\[       OK \] $1 \(([0-9]+) instructions\)$/\1/p"
}
empty=$(count_of empty)
again=$(count_of empty)
adds=$(count_of adds_up)
table=$(arm-none-eabi-size -A "$elf" | awk '$1 == "rivet_tests" { print $2 }')
cases=$("$rivet" test "$elf" --list | wc -l)

cat <<MD
## On-target tests

\`bench/testing/run.sh\`: \`rivet test\` on \`tests/firmware/testing/cases.cpp\` (lm3s6965evb, Cortex-M3,
GCC $(arm-none-eabi-gcc -dumpversion), MinSizeRel), instructions read from QEMU's counter under
\`-icount\` at the handshake and at the exit trap.

| | instructions | |
|---|---|---|
| per-case overhead: an empty case, \`RIVET_TEST(empty) {}\` | ${empty} | the same on a second run: ${again} |
| \`adds_up\` (two \`RIVET_ASSERT_EQ\` that hold) | ${adds} | ${adds} − ${empty} = $((adds - empty)) in the case itself |

The overhead is what every reported count includes besides the case's own work: the return from the
handshake, the bounds check and call through the case table, setup and teardown (here a counter and
one log call over RTT), the return from \`main\` and \`rivet::exit\` up to the exit trap.
Flash per case: a $((table / cases))-byte descriptor in \`rivet_tests\` (${cases} cases, ${table} bytes)
plus its name and its body; no RAM, no constructor.
MD
