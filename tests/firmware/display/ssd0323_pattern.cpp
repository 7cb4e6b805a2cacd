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
#include <rivet/bsp/lm3s6965evb.hpp>
#include <rivet/console/console.hpp>
#include <rivet/drivers/ssd0323.hpp>
#include <rivet/log/log.hpp>

#include <cstdint>

namespace {

namespace bsp = rivet::bsp::lm3s6965evb;
using rivet::drivers::ssd0323_frame;

// Row-major 5 x 7 glyphs, bit 4 at the left.
constexpr std::uint8_t glyphs[5][7] = {
    {0x1e, 0x11, 0x11, 0x1e, 0x14, 0x12, 0x11},  // R
    {0x0e, 0x04, 0x04, 0x04, 0x04, 0x04, 0x0e},  // I
    {0x11, 0x11, 0x11, 0x11, 0x11, 0x0a, 0x04},  // V
    {0x1f, 0x10, 0x10, 0x1e, 0x10, 0x10, 0x1f},  // E
    {0x1f, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04},  // T
};

void draw_text(ssd0323_frame& frame, unsigned x, unsigned y) {
    for (unsigned g = 0; g < 5; ++g) {
        for (unsigned row = 0; row < 7; ++row) {
            for (unsigned column = 0; column < 5; ++column) {
                if ((glyphs[g][row] >> (4 - column) & 1u) != 0)
                    frame.fill(x + 12 * g + 2 * column, y + 2 * row, 2, 2, 15);
            }
        }
    }
}

void draw_checkerboard(ssd0323_frame& frame) {
    for (unsigned y = 26; y < 42; ++y) {
        for (unsigned x = 80; x < 120; ++x)
            frame.set(x, y, ((x - 80) / 4 + (y - 26) / 4) % 2 == 0 ? 10 : 5);
    }
}

ssd0323_frame frame;

}  // namespace

int main() {
    auto [device, data_command] = bsp::configure_oled();
    rivet::drivers::ssd0323 oled{device, data_command};
    RIVET_ASSERT(oled.init(), "ssd0323 init failed");
    RIVET_ASSERT(oled.clear(), "ssd0323 clear failed");

    frame.fill(0, 0, 128, 1, 15);
    frame.fill(0, 63, 128, 1, 15);
    frame.fill(0, 0, 1, 64, 15);
    frame.fill(127, 0, 1, 64, 15);
    for (unsigned grey = 0; grey < 16; ++grey)
        frame.fill(16 + 6 * grey, 4, 6, 16, static_cast<std::uint8_t>(grey));
    draw_text(frame, 8, 26);
    for (unsigned x = 8; x < 120; ++x)
        frame.fill(x, 48, 1, 8, static_cast<std::uint8_t>((x - 8) / 7));
    RIVET_ASSERT(oled.write_frame(frame.bytes()), "ssd0323 frame failed");

    // Byte columns 40..59 are pixels 80..119.
    draw_checkerboard(frame);
    RIVET_ASSERT(oled.write_region(frame.bytes(), 40, 26, 20, 16), "ssd0323 region failed");

    rivet::console::write("ready\n");
    (void)rivet::console::read();
    return 0;
}
