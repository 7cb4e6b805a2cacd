// Text in a monospaced font: a position and an anchor (horizontal alignment
// and baseline), line breaks at '\n', a line height and letter spacing, an
// optional background; and text boxes that wrap words to a rectangle.
// Strings are UTF-8; code points the font lacks draw as its replacement
// glyph ('?'), so Latin-1 text written in UTF-8 source shows as written.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "rivet/gfx/draw_target.hpp"
#include "rivet/gfx/font.hpp"

namespace rivet::gfx {

enum class horizontal_alignment : std::uint8_t { left, center, right };
// Which row of the text the position's y names.
enum class baseline : std::uint8_t { top, middle, bottom, alphabetic };

template <class C>
struct text_style {
    const mono_font* font = nullptr;
    std::optional<C> color{};
    std::optional<C> background{};
    horizontal_alignment alignment = horizontal_alignment::left;
    gfx::baseline base = gfx::baseline::top;
    coordinate line_height = 0;  // 0: the font's height
    coordinate letter_spacing = 0;

    constexpr coordinate line_pitch() const noexcept {
        return line_height > 0 ? line_height : font->height;
    }
};

// The next code point of UTF-8 `s` from `i` (advanced past it); a
// malformed sequence is one U+FFFD per byte.
constexpr char32_t next_code_point(std::string_view s, std::size_t& i) noexcept {
    const auto b = static_cast<unsigned char>(s[i++]);
    if (b < 0x80) return b;
    const int extra = b >= 0xf0 ? 3 : b >= 0xe0 ? 2 : b >= 0xc0 ? 1 : -1;
    if (extra < 0 || i + extra > s.size()) return 0xfffd;
    char32_t c = b & (0x3f >> extra);
    for (int k = 0; k < extra; ++k) {
        const auto n = static_cast<unsigned char>(s[i + k]);
        if ((n & 0xc0) != 0x80) return 0xfffd;
        c = c << 6 | (n & 0x3f);
    }
    i += extra;
    return c;
}

constexpr std::size_t code_points(std::string_view s) noexcept {
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size(); ++n) (void)next_code_point(s, i);
    return n;
}

// Width in pixels of one line of `s` (no '\n').
constexpr coordinate text_width(const mono_font& f, std::string_view s,
                                coordinate letter_spacing = 0) noexcept {
    const auto n = static_cast<coordinate>(code_points(s));
    return n == 0 ? 0 : n * (f.width + letter_spacing) - letter_spacing;
}

// One glyph with its cell's top-left at `p`.
template <draw_target T>
constexpr void draw_glyph(T& t, const mono_font& f, char32_t c, point p,
                          const text_style<typename T::color_type>& s) {
    const std::size_t w = f.width, h = f.height;
    const std::size_t bit = f.glyph_index(c) * w * h;
    const rectangle cell{p, {f.width, f.height}};
    const rectangle box = t.bounding_box();
    if (cell.intersection(box).empty()) return;
    const bool inside = cell.intersection(box) == cell;
    // The glyph's bits are read a byte at a time, shifted out MSB first.
    const std::uint8_t* byte = &f.bits[bit >> 3];
    unsigned bits = static_cast<unsigned>(*byte++) << (bit & 7);
    unsigned left = 8 - (bit & 7);
    for (coordinate y = p.y; y < p.y + f.height; ++y) {
        for (coordinate x = p.x; x < p.x + f.width; ++x) {
            if (left == 0) {
                bits = *byte++;
                left = 8;
            }
            const bool ink = (bits & 0x80) != 0;
            bits <<= 1;
            --left;
            if (ink ? !s.color : !s.background) continue;
            if (inside || box.contains({x, y}))
                t.draw_pixel({x, y}, ink ? *s.color : *s.background);
        }
    }
}

// Draws `s`, each line anchored at `position` as the style says (lines
// after the first one line pitch lower). Returns the point after the last
// glyph, on the last line's top, for continuing the text.
template <draw_target T>
constexpr point draw_text(T& t, std::string_view s, point position,
                          const text_style<typename T::color_type>& style) {
    const mono_font& f = *style.font;
    coordinate top = position.y;
    switch (style.base) {
        case baseline::top:
            break;
        case baseline::middle:
            top -= (f.height - 1) / 2;
            break;
        case baseline::bottom:
            top -= f.height - 1;
            break;
        case baseline::alphabetic:
            top -= f.baseline;
            break;
    }
    point pen{position.x, top};
    while (true) {
        const std::size_t end = s.find('\n');
        const std::string_view line = s.substr(0, end);
        const coordinate width = text_width(f, line, style.letter_spacing);
        pen.x = style.alignment == horizontal_alignment::left     ? position.x
                : style.alignment == horizontal_alignment::center ? position.x - width / 2
                                                                  : position.x - width + 1;
        for (std::size_t i = 0; i < line.size();) {
            draw_glyph(t, f, next_code_point(line, i), pen, style);
            pen.x += f.width + style.letter_spacing;
        }
        if (end == std::string_view::npos) return pen;
        s.remove_prefix(end + 1);
        pen.y += style.line_pitch();
    }
}

struct text_box_result {
    int lines = 0;     // lines the text took (drawn or not)
    bool fits = true;  // all of them inside the box
};

// Wraps `s` into `box`: lines break at '\n', and before a word that would
// cross the right edge (a word wider than the box is cut where it reaches
// the edge); spaces at a break are dropped. Lines are aligned within the
// box (style.alignment); the first line's top is the box's top, and
// nothing is drawn outside the box.
template <draw_target T>
constexpr text_box_result draw_text_box(T& t, std::string_view s, rectangle box,
                                        const text_style<typename T::color_type>& style) {
    auto area = crop(t, box);
    const mono_font& f = *style.font;
    const coordinate pitch = f.width + style.letter_spacing;
    const auto per_line =
        static_cast<std::size_t>(box.size.width + style.letter_spacing < pitch
                                     ? 1
                                     : (box.size.width + style.letter_spacing) / pitch);
    text_style<typename T::color_type> line_style = style;
    line_style.base = baseline::top;
    const coordinate x = style.alignment == horizontal_alignment::left     ? 0
                         : style.alignment == horizontal_alignment::center ? box.size.width / 2
                                                                           : box.size.width - 1;
    text_box_result r;
    coordinate y = 0;
    while (!s.empty()) {
        // The longest prefix of whole words (in code points) that fits.
        std::size_t i = 0, n = 0, cut = std::string_view::npos;
        while (i < s.size() && s[i] != '\n' && n < per_line) {
            if (s[i] == ' ') cut = i;
            (void)next_code_point(s, i);
            ++n;
        }
        const bool newline = i < s.size() && s[i] == '\n';
        std::size_t line_end = i;
        if (!newline && i < s.size() && s[i] != ' ' && cut != std::string_view::npos)
            line_end = cut;  // the word at the edge moves to the next line
        std::string_view line = s.substr(0, line_end);
        while (!line.empty() && line.back() == ' ') line.remove_suffix(1);
        draw_text(area, line, {x, y}, line_style);
        ++r.lines;
        if (y + f.height > box.size.height) r.fits = false;
        y += style.line_pitch();
        s.remove_prefix(newline ? line_end + 1 : line_end);
        if (!newline)
            while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    }
    return r;
}

}  // namespace rivet::gfx
