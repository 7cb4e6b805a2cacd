// Golden images: every primitive and a text page drawn into the simulator,
// compared pixel by pixel with the reviewed PNGs in test/golden/ (README.md
// says what each shows). An enlarged copy with the OLED look is written
// beside the test binary for reviewing. RIVET_UPDATE_GOLDEN=1 rewrites the
// references.
#include <gtest/gtest.h>

#include "rivet/gfx/fonts/font_10x20_digits.hpp"
#include "rivet/gfx/fonts/font_4x6.hpp"
#include "rivet/gfx/fonts/font_6x10.hpp"
#include "rivet/gfx/primitives.hpp"
#include "rivet/gfx/simulator.hpp"
#include "rivet/gfx/text.hpp"

namespace {

using namespace rivet::gfx;
using simulator::display;

void check(const display<gray4>& d, const std::string& name) {
    const simulator::image img = simulator::capture(d);
    EXPECT_EQ(simulator::write_png(name + "-x4.png", img, {4, simulator::look::oled}), "");
    EXPECT_EQ(simulator::compare_with_reference(img, RIVET_GFX_GOLDEN "/" + name + ".png"), "");
}

TEST(golden, primitives) {
    display<gray4> d(128, 64);
    const gray4 white = gray4::white();
    draw(d, rectangle{{0, 0}, {128, 64}}, stroke(gray4{6}));
    draw(d, line{{3, 3}, {30, 14}}, stroke(white));
    draw(d, line{{3, 8}, {30, 28}}, stroke(gray4{10}, 3));
    draw(d, rectangle{{34, 3}, {20, 12}}, fill_and_stroke(gray4{4}, white, 2));
    draw(d, rounded_rectangle{{{58, 3}, {26, 14}}, 5}, stroke(white, 1));
    draw(d, circle{{88, 3}, 15}, fill(gray4{9}));
    draw(d, circle{{106, 3}, 17}, stroke(white, 3, stroke_alignment::inside));
    draw(d, ellipse{{{4, 34}, {28, 16}}}, fill_and_stroke(gray4{3}, gray4{12}, 1));
    draw(d, arc{{36, 32}, 24, 200, 250}, stroke(white, 2));
    draw(d, sector{{64, 32}, 24, -60, 120}, fill_and_stroke(gray4{7}, white, 1));
    draw(d, triangle{{92, 56}, {104, 30}, {122, 52}}, fill_and_stroke(gray4{5}, white, 1));
    const point zigzag[] = {{4, 60}, {20, 54}, {36, 60}, {52, 54}, {68, 60}, {84, 56}};
    draw(d, polyline{zigzag}, stroke(gray4{11}, 2));
    check(d, "primitives");
}

TEST(golden, text_page) {
    display<gray4> d(128, 64);
    const gray4 white = gray4::white();
    text_style<gray4> big{&fonts::font_6x10, white};
    text_style<gray4> small{&fonts::font_4x6, gray4{11}};
    draw_text(d,
              "\xc3\x84pfel \xc2\xa3"
              "5\xc2\xb0",
              {0, 0}, big);
    text_style<gray4> inverse{&fonts::font_6x10, gray4::black(), white};
    draw_text(d, "inverse", {127, 0},
              {inverse.font, inverse.color, inverse.background, horizontal_alignment::right});
    big.base = baseline::alphabetic;
    big.alignment = horizontal_alignment::center;
    draw_text(d, "centred gy", {64, 20}, big);
    draw(d, line{{0, 20}, {127, 20}}, stroke(gray4{3}));
    text_style<gray4> digits{&fonts::font_10x20_digits, white};
    draw_text(d,
              "23.5\xc2\xb0"
              "C",
              {0, 24}, digits);
    draw(d, rectangle{{66, 24}, {62, 40}}, stroke(gray4{5}));
    draw_text_box(d, "Words wrap inside a box, cut at its edge.", {{68, 26}, {58, 36}}, small);
    draw_text(d, "two\nlines", {0, 50}, small);
    check(d, "text");
}

}  // namespace
