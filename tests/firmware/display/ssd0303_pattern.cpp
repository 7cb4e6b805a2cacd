// Draws a fixed test pattern (ssd0303_pattern.hpp) on the EK-LM3S811's
// SSD0303 OLED (QEMU's lm3s811evb: I2C0, address 0x3D), prints "ready" and
// waits for a byte on the console, then exits 0.
// tests/integration/ssd0303_screendump.sh takes a QMP screendump in between
// and compares it with reference/ssd0303.ppm.
#include "ssd0303_pattern.hpp"

#include <rivet/bsp/lm3s811evb.hpp>
#include <rivet/console/console.hpp>
#include <rivet/drivers/ssd0303.hpp>
#include <rivet/log/log.hpp>

#include <cstdint>

int main() {
    namespace bsp = rivet::bsp::lm3s811evb;
    using namespace ssd0303_pattern;
    auto bus = bsp::oled_bus::configure();
    rivet::drivers::ssd0303 oled{bus};
    RIVET_ASSERT(oled.init(), "ssd0303 init failed");
    RIVET_ASSERT(oled.clear(), "ssd0303 clear failed");
    for (std::uint8_t page = 0; page < height / 8; ++page) {
        std::uint8_t pixels[width] = {};
        for (unsigned x = 0; x < width; ++x) pixels[x] = column_byte(page, x);
        RIVET_ASSERT(oled.write_page(page, bsp::oled_first_visible_column, pixels),
                     "ssd0303 write failed");
    }
    rivet::console::write("ready\n");
    (void)rivet::console::read();
    return 0;
}
