// The cases `rivet test` is tested with (tests/integration/test_command.py):
// one of each ending a case can have, in an order that shows a failure or a
// fault hides nothing after it.
#include <rivet/testing/test.hpp>

namespace {

int setups = 0;  // .bss: back to 0 on every reset
volatile int forty_one = 41;

}  // namespace

RIVET_TEST_SETUP() {
    ++setups;
}

RIVET_TEST_TEARDOWN() {
    RIVET_INFO("teardown after a case that returned");
}

RIVET_TEST(adds_up) {
    RIVET_ASSERT_EQ(1 + 1, 2);
    RIVET_ASSERT_EQ(setups, 1, "setup runs once, on a freshly reset target");
}

RIVET_TEST(compares_wrong) {
    RIVET_ASSERT_EQ(forty_one + 1, 43, "the answer");
}

RIVET_TEST(panics_as_it_should, should_fail) {
    RIVET_PANIC("refused, as expected");
}

RIVET_TEST(should_fail_but_passes, should_fail) {}

RIVET_TEST(needs_hardware, ignore) {
    RIVET_PANIC("an ignored case ran without --include-ignored");
}

RIVET_TEST(executes_undefined) {
    asm volatile(".short 0xde00");  // UDF #0
}

RIVET_TEST(runs_after_a_fault) {
    RIVET_ASSERT_EQ(setups, 1);
}

RIVET_TEST(hangs, ignore) {
    for (;;) asm volatile("" ::: "memory");
}

RIVET_TEST(empty) {}
