// "HELLO" as one row of SSD0303 display bytes, for the blocking and the
// async OLED examples: 8 columns a letter, bit 0 at the top.
#pragma once

#include <array>
#include <cstdint>

namespace hello {

// Column-major 8x8 glyphs, bit 0 at the top.
inline constexpr std::uint8_t letter_h[8] = {0x00, 0x7f, 0x08, 0x08, 0x08, 0x7f, 0x00, 0x00};
inline constexpr std::uint8_t letter_e[8] = {0x00, 0x7f, 0x49, 0x49, 0x49, 0x41, 0x00, 0x00};
inline constexpr std::uint8_t letter_l[8] = {0x00, 0x7f, 0x40, 0x40, 0x40, 0x40, 0x00, 0x00};
inline constexpr std::uint8_t letter_o[8] = {0x00, 0x3e, 0x41, 0x41, 0x41, 0x3e, 0x00, 0x00};
inline constexpr const std::uint8_t* letters[] = {letter_h, letter_e, letter_l, letter_l, letter_o};

inline constexpr auto row = [] {
    std::array<std::uint8_t, std::size(letters) * 8> bytes{};
    for (std::size_t i = 0; i < bytes.size(); ++i) bytes[i] = letters[i / 8][i % 8];
    return bytes;
}();

// Centred on the 96-pixel panel: from visible column 28.
inline constexpr std::uint8_t visible_column = 28;

}  // namespace hello
