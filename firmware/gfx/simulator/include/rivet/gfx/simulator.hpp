// The host simulator: draw with rivet::gfx on the desktop and look at the
// result as a PNG (libpng). A `display<Color>` is a draw target of any size
// and colour; capture() turns any target with get_pixel() into RGB, which
// write_png() saves scaled, plain or with the look of an OLED (each pixel
// a square with a dark gap around it). Golden-image tests compare a
// capture with a reviewed reference PNG (compare_with_reference()).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "rivet/gfx/color.hpp"
#include "rivet/gfx/draw_target.hpp"

namespace rivet::gfx::simulator {

struct image {
    int width = 0;
    int height = 0;
    std::vector<rgb888> pixels;  // row by row
    rgb888 at(int x, int y) const { return pixels[static_cast<std::size_t>(y) * width + x]; }
};

template <class C>
class display {
public:
    using color_type = C;
    display(int width, int height)
        : width_(width), height_(height), pixels_(static_cast<std::size_t>(width) * height) {}
    rectangle bounding_box() const noexcept { return {{0, 0}, {width_, height_}}; }
    void draw_pixel(point p, C c) {
        pixels_[static_cast<std::size_t>(p.y) * width_ + p.x] = c;
        ++pixels_drawn_;
    }
    C get_pixel(point p) const {
        return bounding_box().contains(p) ? pixels_[static_cast<std::size_t>(p.y) * width_ + p.x]
                                          : C{};
    }
    // How many draw_pixel() calls reached the display (tests of fast paths).
    std::size_t pixels_drawn() const noexcept { return pixels_drawn_; }

private:
    int width_, height_;
    std::vector<C> pixels_;
    std::size_t pixels_drawn_ = 0;
};

template <class T>
image capture(const T& target) {
    const rectangle box = target.bounding_box();
    image out{box.size.width, box.size.height, {}};
    out.pixels.reserve(static_cast<std::size_t>(box.size.width) * box.size.height);
    for (coordinate y = box.top(); y < box.bottom(); ++y)
        for (coordinate x = box.left(); x < box.right(); ++x)
            out.pixels.push_back(convert<rgb888>(target.get_pixel({x, y})));
    return out;
}

enum class look { plain, oled };

struct png_options {
    int scale = 1;
    simulator::look look = look::plain;
};

// Empty on success, else "PATH: what went wrong".
std::string write_png(const std::string& path, const image& img, png_options options = {});
std::optional<image> read_png(const std::string& path, std::string& error);

// Pixel by pixel: empty when they match, else how many pixels differ and
// the first one. With RIVET_UPDATE_GOLDEN=1 in the environment the
// reference is written from `actual` instead (review it before committing).
std::string compare_with_reference(const image& actual, const std::string& reference_path);

}  // namespace rivet::gfx::simulator
