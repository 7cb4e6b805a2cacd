// Glyph Bitmap Distribution Format: text, one keyword per line. Each
// glyph's BBX places its bitmap relative to the origin on the baseline.
#include <fmt/format.h>

#include <sstream>
#include <type_traits>

#include "rivet/fontgen/font.hpp"

namespace rivet::fontgen {

result<font> parse_bdf(const std::string& text, const std::string& name) {
    std::istringstream in(text);
    std::string line;
    int number = 0;
    auto bad = [&](const std::string& what) {
        return result<font>{std::nullopt, {fmt::format("{}:{}: {}", name, number, what)}};
    };
    // Every number is bounded before use, so no sum below can overflow:
    // cells are at most 255 pixels, offsets at most that far out.
    auto read = [](std::istringstream& words, long low, long high, auto& out) {
        long value = 0;
        if (!(words >> value) || value < low || value > high) return false;
        out = static_cast<std::remove_reference_t<decltype(out)>>(value);
        return true;
    };
    font f;
    int descent = 0;
    long encoding = -1;
    int bw = 0, bh = 0, bx = 0, by = 0, dwidth = -1;
    while (std::getline(in, line)) {
        ++number;
        std::istringstream words(line);
        std::string key;
        words >> key;
        if (key == "FONT_ASCENT") {
            if (!read(words, 0, 255, f.ascent)) return bad("FONT_ASCENT must be 0..255");
        } else if (key == "FONT_DESCENT") {
            if (!read(words, 0, 255, descent)) return bad("FONT_DESCENT must be 0..255");
        } else if (key == "STARTCHAR") {
            encoding = -1;
            dwidth = -1;
        } else if (key == "ENCODING") {
            // -1 (and a missing number): a glyph without a code point, skipped.
            if (!read(words, -1, 0x10ffff, encoding)) encoding = -1;
        } else if (key == "DWIDTH") {
            if (!read(words, 0, 255, dwidth)) return bad("DWIDTH must be 0..255");
        } else if (key == "BBX") {
            if (!read(words, 0, 255, bw) || !read(words, 0, 255, bh) ||
                !read(words, -255, 255, bx) || !read(words, -255, 255, by))
                return bad("BBX needs a width and height 0..255 and offsets -255..255");
        } else if (key == "BITMAP") {
            f.height = f.ascent + descent;
            if (f.height <= 0) return bad("BITMAP before FONT_ASCENT and FONT_DESCENT");
            if (f.height > 255 || dwidth <= 0 || dwidth > 255)
                return bad("character cell larger than 255 pixels");
            if (f.width == 0) f.width = dwidth;
            if (dwidth != f.width) return bad("not monospaced (DWIDTH differs)");
            std::vector<std::vector<bool>> cell(f.height, std::vector<bool>(f.width, false));
            for (int y = 0; y < bh; ++y) {
                if (!std::getline(in, line)) return bad("bitmap ends early");
                ++number;
                for (int x = 0; x < bw; ++x) {
                    const std::size_t digit = static_cast<std::size_t>(x / 4);
                    if (digit >= line.size()) return bad("bitmap row too short");
                    const char h = line[digit];
                    const int v = h >= '0' && h <= '9'   ? h - '0'
                                  : h >= 'a' && h <= 'f' ? h - 'a' + 10
                                  : h >= 'A' && h <= 'F' ? h - 'A' + 10
                                                         : -1;
                    if (v < 0) return bad("bitmap row is not hexadecimal");
                    const int cx = bx + x, cy = f.ascent - (by + bh) + y;
                    if ((v >> (3 - x % 4) & 1) != 0 && cx >= 0 && cx < f.width && cy >= 0 &&
                        cy < f.height)
                        cell[cy][cx] = true;
                }
            }
            if (encoding >= 0) f.glyphs[static_cast<char32_t>(encoding)] = std::move(cell);
        }
    }
    if (f.glyphs.empty()) return bad("no glyphs");
    return {f, {}};
}

}  // namespace rivet::fontgen
