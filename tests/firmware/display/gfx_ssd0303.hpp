// What gfx_ssd0303.cpp draws on the SSD0303 panel, for the blocking draw
// target and the async one alike (tests/firmware/async_bus), so both compare
// with reference/gfx_ssd0303.ppm:
// - a one-pixel border; "Rivet gfx" in 6x10 at (3, 3);
// - a circle outline (diameter 11) at (60, 3);
// - then the change: a filled triangle (74, 13), (84, 2), (92, 13).
#pragma once

#include <rivet/gfx/fonts/font_6x10.hpp>
#include <rivet/gfx/primitives.hpp>
#include <rivet/gfx/text.hpp>

namespace gfx_ssd0303 {

namespace gfx = rivet::gfx;

// Flushed whole.
template <class Display>
void draw_frame(Display& display) {
    const auto on = gfx::binary_color::lit();
    gfx::draw(display, gfx::rectangle{{0, 0}, {96, 16}}, gfx::stroke(on));
    gfx::draw_text(display, "Rivet gfx", {3, 3}, {&gfx::fonts::font_6x10, on});
    gfx::draw(display, gfx::circle{{60, 3}, 11}, gfx::stroke(on));
}

// Flushed alone afterwards.
template <class Display>
void draw_change(Display& display) {
    gfx::draw(display, gfx::triangle{{74, 13}, {84, 2}, {92, 13}},
              gfx::fill(gfx::binary_color::lit()));
}

}  // namespace gfx_ssd0303
