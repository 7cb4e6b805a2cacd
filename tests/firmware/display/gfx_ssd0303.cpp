// rivet::gfx on the SSD0303 through ssd0303_display (QEMU's lm3s811evb,
// the 96 x 16 window from column 36): a frame of text and shapes flushed
// whole, then a change flushed alone; prints "ready" and exits 0 at the
// first console byte. tests/integration/ssd0303_screendump.sh compares a
// screendump with reference/gfx_ssd0303.ppm:
// - a one-pixel border; "Rivet gfx" in 6x10 at (3, 3);
// - a circle outline (diameter 11) at (60, 3);
// - then the change: a filled triangle (74, 13), (84, 2), (92, 13).
#include <rivet/bsp/lm3s811evb.hpp>
#include <rivet/console/console.hpp>
#include <rivet/drivers/ssd0303_display.hpp>
#include <rivet/gfx/fonts/font_6x10.hpp>
#include <rivet/gfx/primitives.hpp>
#include <rivet/gfx/text.hpp>
#include <rivet/log/log.hpp>

namespace bsp = rivet::bsp::lm3s811evb;
namespace gfx = rivet::gfx;

int main() {
    auto bus = bsp::oled_bus::configure();
    rivet::drivers::ssd0303 oled{bus};
    RIVET_ASSERT(oled.init(), "ssd0303 init failed");
    RIVET_ASSERT(oled.clear(), "ssd0303 clear failed");
    rivet::drivers::ssd0303_display<decltype(oled), bsp::oled_width, bsp::oled_height,
                                    bsp::oled_first_visible_column>
        display{oled};
    const auto on = gfx::binary_color::lit();

    gfx::draw(display, gfx::rectangle{{0, 0}, {96, 16}}, gfx::stroke(on));
    gfx::draw_text(display, "Rivet gfx", {3, 3}, {&gfx::fonts::font_6x10, on});
    gfx::draw(display, gfx::circle{{60, 3}, 11}, gfx::stroke(on));
    RIVET_ASSERT(display.flush(), "first flush failed");

    gfx::draw(display, gfx::triangle{{74, 13}, {84, 2}, {92, 13}}, gfx::fill(on));
    RIVET_ASSERT(display.flush(), "second flush failed");

    rivet::console::write("ready\n");
    (void)rivet::console::read();
    return 0;
}
