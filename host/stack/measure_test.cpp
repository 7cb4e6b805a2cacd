#include <rivet/board/description.hpp>
#include <rivet/stack/measure.hpp>
#include <rivet/support/error.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstring>
#include <vector>

namespace {

std::vector<std::uint8_t> painted_stack(std::size_t size, std::size_t used) {
    std::vector<std::uint8_t> bytes(size);
    for (std::size_t i = 0; i + 4 <= size; i += 4) {
        std::memcpy(&bytes[i], &rivet::stack::paint_word, 4);
    }
    for (std::size_t i = size - used; i < size; ++i) bytes[i] = 0x11;
    return bytes;
}

TEST(peak_use, untouched_stack_uses_nothing) {
    EXPECT_EQ(rivet::stack::peak_use(painted_stack(256, 0), 256), 0u);
}

TEST(peak_use, counts_from_the_top_to_the_lowest_overwritten_word) {
    EXPECT_EQ(rivet::stack::peak_use(painted_stack(256, 40), 256), 40u);
}

TEST(peak_use, a_paint_coloured_word_in_use_is_not_mistaken_for_the_bottom) {
    auto bytes = painted_stack(256, 64);
    std::memcpy(&bytes[256 - 32], &rivet::stack::paint_word,
                4);  // a saved value equal to the paint
    EXPECT_EQ(rivet::stack::peak_use(bytes, 256), 64u);
}

TEST(peak_use, whole_stack) {
    EXPECT_EQ(rivet::stack::peak_use(painted_stack(256, 256), 256), 256u);
}

// Firmware with its own linker script (no __stack_bottom__): the stack runs
// from the vector table's initial SP (the top of RAM) down to the end of the
// highest section below it (the fixture reserves 0x800 bytes after .bss).
TEST(main_stack, from_the_initial_sp_without_rivets_symbols) {
    auto firmware = rivet::elf::file::open(RIVET_STACK_TESTDATA "/foreign-recurse.elf");
    auto stack = rivet::stack::main_stack(firmware, *rivet::board::find_builtin("lm3s6965evb"));
    EXPECT_EQ(stack.top, 0x20010000u);
    EXPECT_GT(stack.bottom, 0x20000800u);
    EXPECT_LT(stack.bottom, 0x20002000u);
    EXPECT_THAT(stack.source, ::testing::HasSubstr("initial SP 0x20010000"));
    EXPECT_THAT(stack.source, ::testing::HasSubstr("._user_stack"));
}

TEST(main_stack, an_initial_sp_outside_the_boards_ram_is_an_error) {
    auto firmware = rivet::elf::file::open(RIVET_STACK_TESTDATA "/foreign-recurse.elf");
    try {
        (void)rivet::stack::main_stack(firmware, *rivet::board::find_builtin("microbit"));
        FAIL() << "no error";
    } catch (const rivet::error& e) {
        EXPECT_EQ(e.kind(), rivet::error_kind::bad_input);
        EXPECT_THAT(e.what(), ::testing::HasSubstr("initial SP 0x20010000"));
    }
}

}  // namespace
