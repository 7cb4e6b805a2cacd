// Image decoders on small hand-made files: BMP (24-bit bottom-up with row
// padding, 1-bit top-down with a palette), TGA (true colour, run-length
// grey, colour-mapped), raw packed pixels; refusals of short or foreign
// data; clipping when drawn.
#include "rivet/gfx/image.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "rivet/gfx/framebuffer.hpp"

namespace {

using namespace rivet::gfx;
using bytes = std::vector<std::uint8_t>;

constexpr rgb888 red{255, 0, 0}, green{0, 255, 0}, blue{0, 0, 255}, white{255, 255, 255}, black{};

bytes bmp_header(std::int32_t w, std::int32_t h, std::uint16_t bpp, std::uint32_t offset,
                 std::uint32_t colors) {
    auto le = [](bytes& b, std::uint32_t v, int n) {
        for (int i = 0; i < n; ++i) b.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
    };
    bytes b{'B', 'M'};
    le(b, 0, 4);  // file size: not needed
    le(b, 0, 4);
    le(b, offset, 4);
    le(b, 40, 4);
    le(b, static_cast<std::uint32_t>(w), 4);
    le(b, static_cast<std::uint32_t>(h), 4);
    le(b, 1, 2);
    le(b, bpp, 2);
    for (int i = 0; i < 4; ++i) le(b, 0, 4);  // compression, size, resolution
    le(b, colors, 4);
    le(b, 0, 4);
    return b;
}

template <class Image>
framebuffer<rgb888, 4, 3> drawn_image(const Image& img, point at = {}) {
    framebuffer<rgb888, 4, 3> fb;
    draw(fb, img, at);
    return fb;
}

TEST(image, bmp24_bit_bottom_up_with_padding) {
    bytes b = bmp_header(2, 2, 24, 54, 0);
    // bottom row first (blue, white), 2 bytes of padding, then the top row
    for (std::uint8_t v : {0xff, 0, 0, 0xff, 0xff, 0xff, 0, 0, 0, 0, 0xff, 0, 0xff, 0, 0, 0})
        b.push_back(v);
    const auto img = bmp_image::parse(b);
    ASSERT_TRUE(img);
    EXPECT_EQ(img.size(), (size{2, 2}));
    const auto fb = drawn_image(img);
    EXPECT_EQ(fb.get_pixel({0, 0}), red);
    EXPECT_EQ(fb.get_pixel({1, 0}), green);
    EXPECT_EQ(fb.get_pixel({0, 1}), blue);
    EXPECT_EQ(fb.get_pixel({1, 1}), white);
}

TEST(image, bmp1_bit_top_down_through_its_palette) {
    bytes b = bmp_header(3, -2, 1, 62, 2);
    for (std::uint8_t v : {0, 0, 0, 0, 0xff, 0xff, 0xff, 0}) b.push_back(v);  // black, white
    for (std::uint8_t v : {0xa0, 0, 0, 0, 0x40, 0, 0, 0}) b.push_back(v);
    const auto img = bmp_image::parse(b);
    ASSERT_TRUE(img);
    framebuffer<binary_color, 3, 2> fb;
    draw(fb, img, {0, 0});
    EXPECT_EQ(fb.get_pixel({0, 0}), binary_color::lit());
    EXPECT_EQ(fb.get_pixel({1, 0}), binary_color::off());
    EXPECT_EQ(fb.get_pixel({2, 0}), binary_color::lit());
    EXPECT_EQ(fb.get_pixel({1, 1}), binary_color::lit());
    EXPECT_EQ(fb.get_pixel({0, 1}), binary_color::off());
}

TEST(image, bmp_refusals) {
    bytes b = bmp_header(2, 2, 24, 54, 0);
    b.resize(b.size() + 15);  // one byte short of two padded rows
    EXPECT_EQ(bmp_image::parse(b).error(), image_error::truncated);
    b.push_back(0);
    EXPECT_EQ(bmp_image::parse(b).error(), image_error::none);
    b[0] = 'X';
    EXPECT_EQ(bmp_image::parse(b).error(), image_error::bad_signature);
    bytes rle = bmp_header(2, 2, 8, 54, 0);
    rle[30] = 1;  // BI_RLE8
    EXPECT_EQ(bmp_image::parse(rle).error(), image_error::unsupported);
    EXPECT_EQ(bmp_image::parse(bytes{'B', 'M', 0}).error(), image_error::truncated);
}

bytes tga_header(std::uint8_t type, std::uint16_t w, std::uint16_t h, std::uint8_t bpp,
                 std::uint8_t descriptor, std::uint8_t map_type = 0, std::uint16_t map_length = 0,
                 std::uint8_t map_bits = 0) {
    return {0,
            map_type,
            type,
            0,
            0,
            static_cast<std::uint8_t>(map_length),
            static_cast<std::uint8_t>(map_length >> 8),
            map_bits,
            0,
            0,
            0,
            0,
            static_cast<std::uint8_t>(w),
            static_cast<std::uint8_t>(w >> 8),
            static_cast<std::uint8_t>(h),
            static_cast<std::uint8_t>(h >> 8),
            bpp,
            descriptor};
}

TEST(image, tga_true_colour_bottom_up) {
    bytes b = tga_header(2, 2, 2, 24, 0);
    for (std::uint8_t v : {0xff, 0, 0, 0xff, 0xff, 0xff, 0, 0, 0xff, 0, 0xff, 0}) b.push_back(v);
    const auto img = tga_image::parse(b);
    ASSERT_TRUE(img);
    const auto fb = drawn_image(img);
    EXPECT_EQ(fb.get_pixel({0, 0}), red);
    EXPECT_EQ(fb.get_pixel({1, 0}), green);
    EXPECT_EQ(fb.get_pixel({0, 1}), blue);
    EXPECT_EQ(fb.get_pixel({1, 1}), white);
}

TEST(image, tga_run_length_grey_top_down) {
    bytes b = tga_header(11, 4, 1, 8, 0x20);
    for (std::uint8_t v : {0x82, 0x80, 0x00, 0xff}) b.push_back(v);  // 3 x 0x80, then 0xff
    const auto img = tga_image::parse(b);
    ASSERT_TRUE(img);
    framebuffer<gray8, 4, 1> fb;
    draw(fb, img, {0, 0});
    EXPECT_EQ(fb.get_pixel({0, 0}), gray8{0x80});
    EXPECT_EQ(fb.get_pixel({2, 0}), gray8{0x80});
    EXPECT_EQ(fb.get_pixel({3, 0}), gray8{0xff});
    b.pop_back();
    EXPECT_EQ(tga_image::parse(b).error(), image_error::truncated);
}

TEST(image, tga_colour_mapped) {
    bytes b = tga_header(1, 2, 1, 8, 0x20, 1, 2, 24);
    for (std::uint8_t v : {0, 0xff, 0, 0xff, 0, 0}) b.push_back(v);  // green, blue
    for (std::uint8_t v : {1, 0}) b.push_back(v);
    const auto fb = drawn_image(tga_image::parse(b));
    EXPECT_EQ(fb.get_pixel({0, 0}), blue);
    EXPECT_EQ(fb.get_pixel({1, 0}), green);
    EXPECT_EQ(tga_image::parse(tga_header(1, 2, 1, 8, 0)).error(), image_error::unsupported);
}

TEST(image, raw_packed_pixels_and_clipping) {
    const std::uint8_t grey[] = {0x0f, 0xa5, 0x50, 0x00};  // 3 pixels wide: rows of 2 bytes
    const raw_image<gray4> img{grey, 3};
    EXPECT_EQ(img.size(), (size{3, 2}));
    framebuffer<gray4, 4, 3> fb;
    draw(fb, img, {2, 1});  // the third column falls off the right edge
    EXPECT_EQ(fb.get_pixel({2, 1}), gray4{0});
    EXPECT_EQ(fb.get_pixel({3, 1}), gray4{15});
    EXPECT_EQ(fb.get_pixel({2, 2}), gray4{5});
    EXPECT_EQ(fb.get_pixel({3, 2}), gray4{0});
    const auto rgb = drawn_image(raw_image<rgb565>{std::span<const std::uint8_t>{}, 1});
    EXPECT_EQ(rgb.get_pixel({0, 0}), black);
}

}  // namespace
