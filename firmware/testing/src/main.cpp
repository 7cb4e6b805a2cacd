// The main of a test firmware: waits for the host to pick a case
// (contracts/testing.hpp), runs it between setup and teardown, and returns
// 0 when it returned. A failed assertion never comes back here: it panics
// (exit 101), and `rivet test` reports it and resets the target.
#include <rivet/contracts/testing.hpp>
#include <rivet/log/log.hpp>
#include <rivet/testing/test.hpp>

#include <cstdint>

namespace testing = rivet::contracts::testing;

extern "C" {

// Around the rivet_tests section: the linker defines these for a section
// whose name is a C identifier.
extern const rivet::testing::test_case __start_rivet_tests[];
extern const rivet::testing::test_case __stop_rivet_tests[];

// Defined by a test firmware that has them (RIVET_TEST_SETUP, _TEARDOWN),
// null otherwise: weak references rather than empty weak definitions, so that
// this file may share a translation unit with the test's definitions (a CMake
// unity build) without defining them twice.
[[gnu::weak]] void rivet_test_setup();
[[gnu::weak]] void rivet_test_teardown();

// The host's breakpoint: it puts the chosen index in r0 on entry. The asm
// keeps the compiler from assuming the argument comes back unchanged; noipa
// from cloning it for the constant main passes (the clone would set r0 itself).
[[gnu::noipa, gnu::used]] std::uint32_t rivet_test_ready(std::uint32_t selected) {
    asm volatile("" : "+r"(selected) : : "memory");
    return selected;
}

}  // extern "C"

namespace {

// A parameter, not `rivet_test_setup != nullptr`: where the test's
// definition is in the same translation unit, GCC warns that it is never null.
void call_if_defined(void (*hook)()) {
    if (hook != nullptr) hook();
}

void run(const rivet::testing::test_case& c) {
    call_if_defined(rivet_test_setup);
    c.function();
    call_if_defined(rivet_test_teardown);
}

}  // namespace

int main() {
    const std::uint32_t selected = rivet_test_ready(testing::no_case);
    const auto count = static_cast<std::uint32_t>(__stop_rivet_tests - __start_rivet_tests);
    if (selected >= count) {
        // No host chose (`rivet run`): the cases share no state only when
        // each runs on a freshly reset target, which `rivet test` does.
        RIVET_ERROR("no case chosen: run this firmware's {} cases with `rivet test`", count);
        return testing::no_such_case_exit_code;
    }
    run(__start_rivet_tests[selected]);
    return 0;
}
