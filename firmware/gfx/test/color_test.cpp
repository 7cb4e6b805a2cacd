// Colour conversions and the framebuffer layouts.
#include "rivet/gfx/color.hpp"

#include <gtest/gtest.h>

#include "rivet/gfx/framebuffer.hpp"
#include "rivet/gfx/primitives.hpp"

namespace {

using namespace rivet::gfx;

TEST(color, grey_levels_rescale_to_nearest) {
    EXPECT_EQ(convert<gray4>(gray8{255}), gray4{15});
    EXPECT_EQ(convert<gray4>(gray8{136}), gray4{8});
    EXPECT_EQ(convert<gray8>(gray4{1}), gray8{17});
    EXPECT_EQ(convert<gray2>(gray4{10}), gray2{2});
    EXPECT_EQ(convert<gray8>(gray2{3}), gray8{255});
}

TEST(color, rgb_and_grey_meet_through_luma) {
    EXPECT_EQ(convert<gray8>(rgb888{255, 0, 0}), gray8{76});
    EXPECT_EQ(convert<gray8>(rgb888{0, 255, 0}), gray8{150});
    EXPECT_EQ(convert<rgb888>(gray4{15}), (rgb888{255, 255, 255}));
    EXPECT_EQ(convert<binary_color>(rgb888{200, 200, 200}), binary_color::lit());
    EXPECT_EQ(convert<binary_color>(gray8{127}), binary_color::off());
    EXPECT_EQ(convert<rgb888>(binary_color::lit()), (rgb888{255, 255, 255}));
}

TEST(color, rgb565_packs_and_expands) {
    EXPECT_EQ(rgb565::from_rgb(255, 0, 0).raw(), 0xf800);
    EXPECT_EQ(convert<rgb565>(rgb888{0, 255, 0}).raw(), 0x07e0);
    EXPECT_EQ(convert<rgb888>(rgb565{0x001f}), (rgb888{0, 0, 255}));
    EXPECT_EQ(convert<rgb888>(rgb565{0x8410}), (rgb888{132, 130, 132}));
}

TEST(framebuffer, gray4_packs_two_pixels_left_in_the_high_nibble) {
    framebuffer<gray4, 6, 2> fb;
    static_assert(decltype(fb)::row_bytes == 3);
    fb.draw_pixel({0, 0}, gray4{0xa});
    fb.draw_pixel({1, 0}, gray4{0x5});
    fb.draw_pixel({5, 1}, gray4{0xf});
    EXPECT_EQ(fb.bytes()[0], 0xa5);
    EXPECT_EQ(fb.bytes()[5], 0x0f);
    EXPECT_EQ(fb.get_pixel({1, 0}), gray4{5});
}

TEST(framebuffer, vertical_pages_put_the_top_row_in_bit0) {
    framebuffer<binary_color, 4, 16, vertical_pages> fb;
    fb.draw_pixel({1, 0}, binary_color::lit());
    fb.draw_pixel({1, 9}, binary_color::lit());
    EXPECT_EQ(fb.bytes()[1], 0x01);
    EXPECT_EQ(fb.bytes()[4 + 1], 0x02);
    fill_solid(fb, {{0, 3}, {4, 10}}, binary_color::lit());
    EXPECT_EQ(fb.bytes()[0], 0xf8);
    EXPECT_EQ(fb.bytes()[4], 0x1f);
}

// The fast fill writes exactly the pixels a pixel-by-pixel fill writes, for
// every alignment of the rectangle's edges within a byte.
template <class Fb, class C>
void check_fill_matches_pixels(C a, C b) {
    for (coordinate x0 = 0; x0 < 9; ++x0) {
        for (coordinate w = 0; w < 23; ++w) {
            Fb fast, slow;
            clear(fast, a);
            clear(slow, a);
            const rectangle r{{x0, 1}, {w, 3}};
            fill_solid(fast, r, b);
            for (coordinate y = 1; y < 4; ++y)
                for (coordinate x = x0; x < x0 + w && x < 24; ++x) slow.draw_pixel({x, y}, b);
            ASSERT_TRUE(std::equal(fast.bytes().begin(), fast.bytes().end(), slow.bytes().begin()))
                << "x0 " << x0 << " width " << w;
        }
    }
}

TEST(framebuffer, fast_fill_matches_pixel_fill) {
    check_fill_matches_pixels<framebuffer<gray4, 24, 5>>(gray4{3}, gray4{12});
    check_fill_matches_pixels<framebuffer<binary_color, 24, 5>>(binary_color::off(),
                                                                binary_color::lit());
    check_fill_matches_pixels<framebuffer<gray2, 24, 5>>(gray2{1}, gray2{2});
    check_fill_matches_pixels<framebuffer<binary_color, 24, 5, vertical_pages>>(
        binary_color::lit(), binary_color::off());
}

TEST(framebuffer, full_width_fill_is_one_run) {
    framebuffer<gray4, 128, 64> fb;
    fill_solid(fb, {{0, 10}, {128, 20}}, gray4{7});
    EXPECT_EQ(fb.bytes()[10 * 64 - 1], 0x00);
    EXPECT_EQ(fb.bytes()[10 * 64], 0x77);
    EXPECT_EQ(fb.bytes()[30 * 64 - 1], 0x77);
    EXPECT_EQ(fb.bytes()[30 * 64], 0x00);
}

}  // namespace
