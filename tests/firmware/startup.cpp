// What the reset handler promises before main, as cases run on every board
// (`rivet test`): .data copied from flash, .bss zeroed, static constructors
// run in order, .data writable.
#include <rivet/testing/test.hpp>

#include <cstdint>

namespace {

volatile std::uint32_t initialised = 0x12345678;  // .data
volatile std::uint32_t zeroed[16];                // .bss
int construction_order = 0;

struct recorder {
    int seen;
    recorder() : seen(++construction_order) {}
};
recorder first;
recorder second;

}  // namespace

RIVET_TEST(data_is_copied_from_flash) {
    RIVET_ASSERT_EQ(initialised, 0x12345678u);
}

RIVET_TEST(bss_is_zeroed) {
    for (auto word : zeroed) RIVET_ASSERT_EQ(word, 0u);
}

RIVET_TEST(constructors_run_in_order) {
    RIVET_ASSERT_EQ(first.seen, 1);
    RIVET_ASSERT_EQ(second.seen, 2);
}

RIVET_TEST(data_is_ram) {
    initialised = initialised + 1;
    RIVET_ASSERT_EQ(initialised, 0x12345679u);
}
