// The SSD0303 test pattern (see ssd0303_pattern.cpp), for the blocking test
// and the async one alike, so both compare with one reference picture.
//
// The visible panel is 96 x 16: RAM pages 0 and 1, columns 36 to 131.
// The pattern (x 0..95, y 0..15): a one-pixel border, a checkerboard of
// 4x4 squares at x 4..35 / y 4..11 whose top-left square is lit, and the
// glyphs "RIVET" (8x8 each) from x 44.
#pragma once

#include <rivet/bsp/lm3s811evb.hpp>

#include <cstdint>

namespace ssd0303_pattern {

namespace bsp = rivet::bsp::lm3s811evb;
inline constexpr unsigned width = bsp::oled_width;
inline constexpr unsigned height = bsp::oled_height;

// Column-major 8x8 glyphs, bit 0 at the top.
inline constexpr std::uint8_t glyphs[5][8] = {
    {0x00, 0x7f, 0x09, 0x19, 0x29, 0x46, 0x00, 0x00},  // R
    {0x00, 0x41, 0x7f, 0x41, 0x00, 0x00, 0x00, 0x00},  // I
    {0x00, 0x1f, 0x20, 0x40, 0x20, 0x1f, 0x00, 0x00},  // V
    {0x00, 0x7f, 0x49, 0x49, 0x49, 0x41, 0x00, 0x00},  // E
    {0x00, 0x01, 0x01, 0x7f, 0x01, 0x01, 0x00, 0x00},  // T
};
inline constexpr unsigned glyphs_x = 44;
inline constexpr unsigned glyphs_y = 4;
inline constexpr unsigned glyphs_width = 5 * 8;

constexpr bool lit(unsigned x, unsigned y) {
    if (x == 0 || x == width - 1 || y == 0 || y == height - 1) return true;
    if (x >= 4 && x < 36 && y >= 4 && y < 12) return ((x - 4) / 4 + (y - 4) / 4) % 2 == 0;
    if (x >= glyphs_x && x < glyphs_x + glyphs_width && y >= glyphs_y && y < glyphs_y + 8) {
        const unsigned column = x - glyphs_x;
        return (glyphs[column / 8][column % 8] >> (y - glyphs_y) & 1u) != 0;
    }
    return false;
}
static_assert(lit(0, 0) && lit(95, 15) && !lit(1, 1) && lit(4, 4) && !lit(8, 4));

// The display byte of column x in page `page` (bit 0 at the top).
constexpr std::uint8_t column_byte(unsigned page, unsigned x) {
    std::uint8_t byte = 0;
    for (unsigned bit = 0; bit < 8; ++bit) {
        if (lit(x, page * 8u + bit)) byte |= static_cast<std::uint8_t>(1u << bit);
    }
    return byte;
}

}  // namespace ssd0303_pattern
