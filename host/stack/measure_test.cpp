#include <rivet/stack/measure.hpp>

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

}  // namespace
