// Monospaced bitmap fonts. The tables are not written by hand: rivet-fontgen
// (host/fontgen) generates them at build time from the X11 fonts of Debian's
// xfonts-base (misc-fixed, public domain) as <rivet/gfx/fonts/NAME.hpp>.
// Glyphs are one bit per pixel, row by row, glyph after glyph, with no
// padding; ranges map runs of code points to glyph numbers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace rivet::gfx {

struct glyph_range {
    char32_t first;
    std::uint16_t count;
    std::uint16_t first_glyph;
};

struct mono_font {
    std::uint8_t width;         // of the character cell, in pixels
    std::uint8_t height;        // of the cell: ascent + descent
    std::uint8_t baseline;      // rows from the cell's top to the baseline
    std::uint16_t replacement;  // glyph drawn for characters the font lacks ('?')
    std::span<const std::uint8_t> bits;
    std::span<const glyph_range> ranges;

    constexpr std::size_t glyph_index(char32_t c) const noexcept {
        for (const glyph_range& r : ranges)
            if (c >= r.first && c - r.first < r.count) return r.first_glyph + (c - r.first);
        return replacement;
    }
    constexpr bool has(char32_t c) const noexcept {
        for (const glyph_range& r : ranges)
            if (c >= r.first && c - r.first < r.count) return true;
        return false;
    }
};

}  // namespace rivet::gfx
