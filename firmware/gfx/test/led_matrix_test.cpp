// Text scrolling across a 5 x 5 LED matrix display, and the picture handed
// to a matrix driver's image type.
#include "rivet/gfx/led_matrix.hpp"

#include <gtest/gtest.h>

#include "ascii.hpp"
#include "rivet/gfx/fonts/font_4x6.hpp"

namespace {

using namespace rivet::gfx;
using rows = std::vector<std::string>;

// What a board's driver takes (the micro:bit BSP's image has this shape).
struct fake_image {
    bool lit[5][5] = {};
    constexpr fake_image& set(unsigned x, unsigned y, bool on = true) {
        lit[y][x] = on;
        return *this;
    }
};

TEST(led_matrix, text_scrolls_in_from_the_right_one_pixel_per_step) {
    led_matrix_display<> d;
    text_style<binary_color> s{&fonts::font_4x6, binary_color::lit()};
    s.letter_spacing = 1;
    // "H" is 4 pixels (3 of ink) wide; steps: 5 + 4 + 1 = 10
    EXPECT_EQ(scroll_steps(fonts::font_4x6, "H", 5), 10);
    draw_scroll_step(d, "H", s, 0);
    EXPECT_EQ(test::ascii(d), (rows{".....", ".....", ".....", ".....", "....."}));
    draw_scroll_step(d, "H", s, 5);  // the glyph's cell at x 0..3
    const rows full = test::ascii(d);
    draw_scroll_step(d, "H", s, 3);  // the same glyph two pixels to the right
    const rows shifted = test::ascii(d);
    for (std::size_t y = 0; y < 5; ++y) EXPECT_EQ(shifted[y].substr(2), full[y].substr(0, 3));
    EXPECT_NE(full, (rows{".....", ".....", ".....", ".....", "....."}));
    draw_scroll_step(d, "H", s, 9);  // gone at the left
    EXPECT_EQ(test::ascii(d), (rows{".....", ".....", ".....", ".....", "....."}));
}

TEST(led_matrix, picture_goes_to_the_drivers_image_type) {
    led_matrix_display<> d;
    draw_pixel(d, {1, 3}, binary_color::lit());
    draw_pixel(d, {4, 0}, binary_color::lit());
    const auto img = d.picture<fake_image>();
    EXPECT_TRUE(img.lit[3][1]);
    EXPECT_TRUE(img.lit[0][4]);
    EXPECT_FALSE(img.lit[0][0]);
}

}  // namespace
