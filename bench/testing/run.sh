#!/usr/bin/env bash
# On-target tests benchmark (bench/run.sh calls this; prints a Markdown
# section): the instructions `rivet test` counts for an empty case, which is
# the per-case overhead (the return from the handshake, the call through the
# case table, the way out to the exit trap), exact under QEMU -icount; a
# case with one assertion; and the flash a case's descriptor costs.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
rivet=${RIVET:-$root/build/bin/rivet}
build=${RIVET_BENCH_FIRMWARE_BUILD:-$root/build/firmware}
cmake --build "$build" --target bench-testing-overhead >/dev/null
elf=$build/bench/testing/bench-testing-overhead.elf

count_of() {
    "$rivet" test "$elf" --exact --filter "$1" |
        sed -nE "s/^\[       OK \] $1 \(([0-9]+) instructions\)$/\1/p"
}
empty=$(count_of empty)
again=$(count_of empty)
assertion=$(count_of one_assertion)
table=$(arm-none-eabi-size -A "$elf" | awk '$1 == "rivet_tests" { print $2 }')
cases=$("$rivet" test "$elf" --list | wc -l)

cat <<MD
## On-target tests

\`bench/testing/run.sh\`: \`rivet test\` on \`bench/testing/overhead.cpp\` (lm3s6965evb, Cortex-M3,
GCC $(arm-none-eabi-gcc -dumpversion), MinSizeRel, no setup or teardown), instructions read from
QEMU's counter under \`-icount\` at the handshake and at the exit trap
(\`build/bin/rivet test build/firmware/bench/testing/bench-testing-overhead.elf\`).

| case | instructions | |
|---|---|---|
| \`RIVET_TEST(empty) {}\`: the per-case overhead | ${empty} | ${again} on a second run: exact |
| \`RIVET_TEST(one_assertion) { RIVET_ASSERT_EQ(two, 2); }\` | ${assertion} | the assertion that holds: $((assertion - empty)) |

Every count \`rivet test\` reports includes the overhead: the return from \`rivet_test_ready\`, the
bounds check and the call through the case table, the return from \`main\` and \`rivet::exit\` up to
the exit trap (setup and teardown, when a firmware has them, come on top).
Flash per case: a $((table / cases))-byte descriptor in \`rivet_tests\` plus its name and its body; no
RAM, no constructor, no registration code.
MD
