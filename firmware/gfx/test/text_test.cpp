// Text: glyph placement by alignment and baseline, UTF-8 and Latin-1,
// replacement glyphs, backgrounds, line breaks and text boxes.
#include "rivet/gfx/text.hpp"

#include <gtest/gtest.h>

#include "ascii.hpp"
#include "rivet/gfx/fonts/font_4x6.hpp"
#include "rivet/gfx/fonts/font_6x10.hpp"
#include "rivet/gfx/primitives.hpp"

namespace {

using namespace rivet::gfx;
using rows = std::vector<std::string>;
using test::on;

rows crop_rows(const rows& all, std::size_t x, std::size_t y, std::size_t w, std::size_t h) {
    rows out;
    for (std::size_t r = y; r < y + h; ++r) out.push_back(all[r].substr(x, w));
    return out;
}

const text_style<binary_color> six{&fonts::font_6x10, on};

TEST(text, glyph_cell_top_left_is_the_position) {
    test::ascii_target<8, 12> t;
    draw_text(t, "A", {1, 1}, six);
    EXPECT_EQ(test::ascii(t),
              (rows{"........", "........", "...#....", "..#.#...", ".#...#..", ".#...#..",
                    ".#####..", ".#...#..", ".#...#..", "........", "........", "........"}));
}

TEST(text, baselines_and_alignments) {
    // 'A' ends one row above the baseline (row 8 of the 6x10 cell).
    for (auto [base, top] : {std::pair{baseline::top, 10},
                             {baseline::middle, 6},
                             {baseline::bottom, 1},
                             {baseline::alphabetic, 2}}) {
        test::ascii_target<40, 24> t;
        text_style<binary_color> s = six;
        s.base = base;
        const point end = draw_text(t, "AA", {10, 10}, s);
        EXPECT_EQ(test::ascii(t)[top + 1].substr(10, 12), "..#.....#...") << int(base);
        EXPECT_EQ(end, (point{22, top}));
    }
    test::ascii_target<40, 12> left, centre, right;
    text_style<binary_color> s = six;
    draw_text(left, "AB", {14, 0}, s);
    s.alignment = horizontal_alignment::center;
    draw_text(centre, "AB", {20, 0}, s);  // 12 pixels wide: 14..25
    s.alignment = horizontal_alignment::right;
    draw_text(right, "AB", {25, 0}, s);
    EXPECT_EQ(test::ascii(left), test::ascii(centre));
    EXPECT_EQ(test::ascii(left), test::ascii(right));
}

TEST(text, latin1_from_utf8_and_a_replacement_for_the_rest) {
    test::ascii_target<12, 10> umlaut, euro, question;
    draw_text(umlaut, "\xc3\x84", {0, 0}, six);    // U+00C4
    draw_text(euro, "\xe2\x82\xac", {0, 0}, six);  // U+20AC: not in Latin-1
    draw_text(question, "?", {0, 0}, six);
    EXPECT_EQ(test::ascii(umlaut)[0].substr(0, 6), ".#.#..");
    EXPECT_EQ(test::ascii(euro), test::ascii(question));
    EXPECT_EQ(code_points("a\xc3\x84\xe2\x82\xac"), 3u);
    std::size_t i = 0;
    EXPECT_EQ(next_code_point("\xc3", i), 0xfffdu);  // cut short
}

TEST(text, background_fills_the_cell) {
    test::ascii_target<6, 10> t;
    text_style<binary_color> s{&fonts::font_6x10, binary_color::off(), on};
    draw_text(t, " ", {0, 0}, s);
    for (const auto& row : test::ascii(t)) EXPECT_EQ(row, "######");
}

TEST(text, lines_and_letter_spacing) {
    test::ascii_target<20, 14> t;
    text_style<binary_color> s{&fonts::font_4x6, on};
    s.letter_spacing = 1;
    s.line_height = 7;
    EXPECT_EQ(text_width(fonts::font_4x6, "abc", 1), 14);
    const point end = draw_text(t, "ab\nc", {0, 0}, s);
    EXPECT_EQ(end, (point{5, 7}));
    test::ascii_target<20, 14> c_alone;
    draw_text(c_alone, "c", {0, 7}, s);
    EXPECT_EQ(crop_rows(test::ascii(t), 0, 7, 4, 6), crop_rows(test::ascii(c_alone), 0, 7, 4, 6));
}

TEST(text, boxes_wrap_at_spaces_and_cut_long_words) {
    test::ascii_target<40, 40> t, expected;
    text_style<binary_color> s{&fonts::font_4x6, on};
    // 5 characters fit in 20 pixels.
    const auto r = draw_text_box(t, "one two  three abcdefgh", {{4, 2}, {20, 40}}, s);
    EXPECT_EQ(r.lines, 5);
    EXPECT_TRUE(r.fits);
    int y = 2;
    for (const char* line : {"one", "two", "three", "abcde", "fgh"}) {
        draw_text(expected, line, {4, y}, s);
        y += 6;
    }
    EXPECT_EQ(test::ascii(t), test::ascii(expected));
    test::ascii_target<40, 40> clipped;
    const auto small = draw_text_box(clipped, "one two three", {{0, 0}, {20, 8}}, s);
    EXPECT_EQ(small.lines, 3);
    EXPECT_FALSE(small.fits);
    EXPECT_EQ(test::ascii(clipped)[8], std::string(40, '.'));  // nothing below the box
}

// Text off the target's edge: the visible part, exactly.
TEST(text, clipped_at_the_edges) {
    test::ascii_target<30, 12> big;
    test::ascii_target<10, 6> small;
    draw_text(big, "Hey", {7, 2}, six);
    draw_text(small, "Hey", {-3, -2}, six);
    EXPECT_EQ(test::ascii(small), crop_rows(test::ascii(big), 10, 4, 10, 6));
}

}  // namespace
