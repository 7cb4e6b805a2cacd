// Small LED matrices (the micro:bit's 5 x 5) as draw targets, and text
// scrolling across them. The display keeps the picture as a binary
// framebuffer; picture() hands it to the board's matrix driver in the
// driver's own image type (anything with set(x, y, on)), which the driver
// then scans onto the LEDs.
#pragma once

#include <cstddef>
#include <string_view>

#include "rivet/gfx/framebuffer.hpp"
#include "rivet/gfx/text.hpp"

namespace rivet::gfx {

template <std::size_t W = 5, std::size_t H = 5>
class led_matrix_display {
public:
    using color_type = binary_color;
    constexpr rectangle bounding_box() const noexcept { return frame_.bounding_box(); }
    constexpr void draw_pixel(point p, binary_color c) noexcept { frame_.draw_pixel(p, c); }
    constexpr void fill_solid(rectangle r, binary_color c) noexcept { frame_.fill_solid(r, c); }
    constexpr binary_color get_pixel(point p) const noexcept { return frame_.get_pixel(p); }

    template <class Image>
    constexpr Image picture() const {
        Image img{};
        for (coordinate y = 0; y < static_cast<coordinate>(H); ++y)
            for (coordinate x = 0; x < static_cast<coordinate>(W); ++x)
                img.set(static_cast<unsigned>(x), static_cast<unsigned>(y),
                        frame_.get_pixel({x, y}).on);
        return img;
    }

private:
    framebuffer<binary_color, W, H> frame_{};
};

// Steps for `text` to scroll in from the right edge of a `width`-pixel
// target and out at the left, one pixel per step.
constexpr coordinate scroll_steps(const mono_font& f, std::string_view text, coordinate width,
                                  coordinate letter_spacing = 1) noexcept {
    return text_width(f, text, letter_spacing) + width + 1;
}

// Step `step` of the scroll: the target cleared, then the text with its
// left edge at width - step (so step 0 shows nothing, step `width` the
// first column of the first glyph at the left edge).
template <draw_target T>
constexpr void draw_scroll_step(T& t, std::string_view text,
                                const text_style<typename T::color_type>& style, coordinate step) {
    clear(t, typename T::color_type{});
    draw_text(t, text, {t.bounding_box().size.width - step, t.bounding_box().top()}, style);
}

}  // namespace rivet::gfx
