// Test helper: a small binary target and its pixels as rows of '#' and '.'.
#pragma once

#include <string>
#include <vector>

#include "rivet/gfx/framebuffer.hpp"

namespace rivet::gfx::test {

inline constexpr binary_color on = binary_color::lit();

template <std::size_t W, std::size_t H>
using ascii_target = framebuffer<binary_color, W, H, one_per_pixel>;

template <class T>
std::vector<std::string> ascii(const T& t) {
    std::vector<std::string> rows;
    const rectangle b = t.bounding_box();
    for (coordinate y = b.top(); y < b.bottom(); ++y) {
        std::string row;
        for (coordinate x = b.left(); x < b.right(); ++x)
            row += t.get_pixel({x, y}) == binary_color::lit() ? '#' : '.';
        rows.push_back(row);
    }
    return rows;
}

}  // namespace rivet::gfx::test
