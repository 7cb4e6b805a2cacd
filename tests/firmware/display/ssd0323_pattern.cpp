// Draws a fixed test pattern on the EK-LM3S6965's SSD0323 OLED (QEMU's
// lm3s6965evb: SSI0, D/C on PC7), prints "ready" and waits for a byte on
// the console, then exits 0. tests/integration/ssd0323_screendump.sh takes
// a QMP screendump in between and compares it with reference/ssd0323.ppm.
//
// The pattern (x 0..127, y 0..63, grey 0..15):
// - a one-pixel border of grey 15;
// - 16 bars of grey 0..15, 6 x 16 pixels each, from x 16, y 4;
// - "RIVET" in 5 x 7 capitals drawn at twice the size (10 x 14), grey 15,
//   on a 12-pixel pitch from x 8, y 26;
// - a checkerboard of 4 x 4 squares, greys 10 and 5 (top-left 10), at
//   x 80..119, y 26..41, sent on its own with write_region();
// - a ramp from grey 0 to 15 in 7-pixel steps at x 8..119, y 48..55.
#include "ssd0323_pattern.hpp"

#include <rivet/bsp/lm3s6965evb.hpp>
#include <rivet/console/console.hpp>
#include <rivet/drivers/ssd0323.hpp>
#include <rivet/log/log.hpp>

#include <cstdint>

namespace {

namespace bsp = rivet::bsp::lm3s6965evb;
rivet::drivers::ssd0323_frame frame;

}  // namespace

int main() {
    auto [device, data_command] = bsp::configure_oled();
    rivet::drivers::ssd0323 oled{device, data_command};
    RIVET_ASSERT(oled.init(), "ssd0323 init failed");
    RIVET_ASSERT(oled.clear(), "ssd0323 clear failed");

    ssd0323_pattern::draw_frame(frame);
    RIVET_ASSERT(oled.write_frame(frame.bytes()), "ssd0323 frame failed");

    ssd0323_pattern::draw_checkerboard(frame);
    RIVET_ASSERT(
        oled.write_region(frame.bytes(), ssd0323_pattern::checkerboard_column,
                          ssd0323_pattern::checkerboard_row, ssd0323_pattern::checkerboard_columns,
                          ssd0323_pattern::checkerboard_rows),
        "ssd0323 region failed");

    rivet::console::write("ready\n");
    (void)rivet::console::read();
    return 0;
}
