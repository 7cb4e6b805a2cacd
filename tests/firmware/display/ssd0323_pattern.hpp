// The SSD0323 test pattern (see ssd0323_pattern.cpp), drawn into a frame by
// the blocking test and the async one alike, so both compare with one
// reference picture.
#pragma once

#include <rivet/drivers/ssd0323.hpp>

#include <cstdint>

namespace ssd0323_pattern {

using rivet::drivers::ssd0323_frame;

// Row-major 5 x 7 glyphs, bit 4 at the left.
constexpr std::uint8_t glyphs[5][7] = {
    {0x1e, 0x11, 0x11, 0x1e, 0x14, 0x12, 0x11},  // R
    {0x0e, 0x04, 0x04, 0x04, 0x04, 0x04, 0x0e},  // I
    {0x11, 0x11, 0x11, 0x11, 0x11, 0x0a, 0x04},  // V
    {0x1f, 0x10, 0x10, 0x1e, 0x10, 0x10, 0x1f},  // E
    {0x1f, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04},  // T
};

inline void draw_text(ssd0323_frame& frame, unsigned x, unsigned y) {
    for (unsigned g = 0; g < 5; ++g) {
        for (unsigned row = 0; row < 7; ++row) {
            for (unsigned column = 0; column < 5; ++column) {
                if ((glyphs[g][row] >> (4 - column) & 1u) != 0)
                    frame.fill(x + 12 * g + 2 * column, y + 2 * row, 2, 2, 15);
            }
        }
    }
}

inline void draw_checkerboard(ssd0323_frame& frame) {
    for (unsigned y = 26; y < 42; ++y) {
        for (unsigned x = 80; x < 120; ++x)
            frame.set(x, y, ((x - 80) / 4 + (y - 26) / 4) % 2 == 0 ? 10 : 5);
    }
}

// Everything but the checkerboard, which goes out on its own (write_region).
inline void draw_frame(ssd0323_frame& frame) {
    frame.fill(0, 0, 128, 1, 15);
    frame.fill(0, 63, 128, 1, 15);
    frame.fill(0, 0, 1, 64, 15);
    frame.fill(127, 0, 1, 64, 15);
    for (unsigned grey = 0; grey < 16; ++grey)
        frame.fill(16 + 6 * grey, 4, 6, 16, static_cast<std::uint8_t>(grey));
    draw_text(frame, 8, 26);
    for (unsigned x = 8; x < 120; ++x)
        frame.fill(x, 48, 1, 8, static_cast<std::uint8_t>((x - 8) / 7));
}

// Byte columns 40..59 (pixels 80..119), rows 26..41.
inline constexpr std::uint8_t checkerboard_column = 40;
inline constexpr std::uint8_t checkerboard_row = 26;
inline constexpr std::uint8_t checkerboard_columns = 20;
inline constexpr std::uint8_t checkerboard_rows = 16;

}  // namespace ssd0323_pattern
