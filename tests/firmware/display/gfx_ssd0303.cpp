// rivet::gfx on the SSD0303 through ssd0303_display (QEMU's lm3s811evb,
// the 96 x 16 window from column 36): a frame of text and shapes flushed
// whole, then a change flushed alone (gfx_ssd0303.hpp); prints "ready" and
// exits 0 at the first console byte. tests/integration/ssd0303_screendump.sh
// compares a screendump with reference/gfx_ssd0303.ppm.
#include "gfx_ssd0303.hpp"

#include <rivet/bsp/lm3s811evb.hpp>
#include <rivet/console/console.hpp>
#include <rivet/drivers/ssd0303_display.hpp>
#include <rivet/log/log.hpp>

namespace bsp = rivet::bsp::lm3s811evb;

int main() {
    auto bus = bsp::oled_bus::configure();
    rivet::drivers::ssd0303 oled{bus};
    RIVET_ASSERT(oled.init(), "ssd0303 init failed");
    RIVET_ASSERT(oled.clear(), "ssd0303 clear failed");
    rivet::drivers::ssd0303_display<decltype(oled), bsp::oled_width, bsp::oled_height,
                                    bsp::oled_first_visible_column>
        display{oled};
    gfx_ssd0303::draw_frame(display);
    RIVET_ASSERT(display.flush(), "first flush failed");
    gfx_ssd0303::draw_change(display);
    RIVET_ASSERT(display.flush(), "second flush failed");

    rivet::console::write("ready\n");
    (void)rivet::console::read();
    return 0;
}
