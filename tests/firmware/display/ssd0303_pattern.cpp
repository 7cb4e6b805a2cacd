// Draws a fixed test pattern on the EK-LM3S811's SSD0303 OLED (QEMU's
// lm3s811evb: I2C0, address 0x3D), prints "ready" and waits for a byte on
// the console, then exits 0. tests/integration/ssd0303_screendump.sh takes
// a QMP screendump in between and compares it with reference/ssd0303.ppm.
//
// The visible panel is 96 x 16: RAM pages 0 and 1, columns 36 to 131.
// The pattern (x 0..95, y 0..15): a one-pixel border, a checkerboard of
// 4x4 squares at x 4..35 / y 4..11 whose top-left square is lit, and the
// glyphs "RIVET" (8x8 each) from x 44.
#include <rivet/bsp/lm3s811evb.hpp>
#include <rivet/console/console.hpp>
#include <rivet/drivers/ssd0303.hpp>
#include <rivet/log/log.hpp>

#include <cstdint>

namespace {

namespace bsp = rivet::bsp::lm3s811evb;
constexpr unsigned width = bsp::oled_width;
constexpr unsigned height = bsp::oled_height;

// Column-major 8x8 glyphs, bit 0 at the top.
constexpr std::uint8_t glyphs[5][8] = {
    {0x00, 0x7f, 0x09, 0x19, 0x29, 0x46, 0x00, 0x00},  // R
    {0x00, 0x41, 0x7f, 0x41, 0x00, 0x00, 0x00, 0x00},  // I
    {0x00, 0x1f, 0x20, 0x40, 0x20, 0x1f, 0x00, 0x00},  // V
    {0x00, 0x7f, 0x49, 0x49, 0x49, 0x41, 0x00, 0x00},  // E
    {0x00, 0x01, 0x01, 0x7f, 0x01, 0x01, 0x00, 0x00},  // T
};
constexpr unsigned glyphs_x = 44;
constexpr unsigned glyphs_y = 4;

constexpr bool lit(unsigned x, unsigned y) {
    if (x == 0 || x == width - 1 || y == 0 || y == height - 1) return true;
    if (x >= 4 && x < 36 && y >= 4 && y < 12) return ((x - 4) / 4 + (y - 4) / 4) % 2 == 0;
    if (x >= glyphs_x && x < glyphs_x + 5 * 8 && y >= glyphs_y && y < glyphs_y + 8) {
        const unsigned column = x - glyphs_x;
        return (glyphs[column / 8][column % 8] >> (y - glyphs_y) & 1u) != 0;
    }
    return false;
}
static_assert(lit(0, 0) && lit(95, 15) && !lit(1, 1) && lit(4, 4) && !lit(8, 4));

}  // namespace

int main() {
    auto bus = bsp::oled_bus::configure();
    rivet::drivers::ssd0303 oled{bus};
    RIVET_ASSERT(oled.init(), "ssd0303 init failed");
    RIVET_ASSERT(oled.clear(), "ssd0303 clear failed");
    for (std::uint8_t page = 0; page < height / 8; ++page) {
        std::uint8_t pixels[width] = {};
        for (unsigned x = 0; x < width; ++x) {
            for (unsigned bit = 0; bit < 8; ++bit) {
                if (lit(x, page * 8u + bit)) pixels[x] |= static_cast<std::uint8_t>(1u << bit);
            }
        }
        RIVET_ASSERT(oled.write_page(page, bsp::oled_first_visible_column, pixels),
                     "ssd0303 write failed");
    }
    rivet::console::write("ready\n");
    (void)rivet::console::read();
    return 0;
}
