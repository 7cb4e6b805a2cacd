// The lm3s811evb's OLED: writes "HELLO" on the SSD0303 (I2C0, 0x3D) through
// the Stellaris I2C HAL and the ssd0303 driver, then exits. Under QEMU with
// a display (`rivet run ... --qemu-arg=-display --qemu-arg=gtk`, if your
// QEMU has one), the word stays on the panel until QEMU ends.
#include "hello.hpp"

#include <rivet/bsp/lm3s811evb.hpp>
#include <rivet/drivers/ssd0303.hpp>
#include <rivet/log/log.hpp>

namespace bsp = rivet::bsp::lm3s811evb;

int main() {
    auto bus = bsp::oled_bus::configure();
    rivet::drivers::ssd0303 oled{bus};
    RIVET_ASSERT(oled.init(), "no SSD0303 at 0x3d");
    RIVET_ASSERT(oled.clear());
    RIVET_ASSERT(
        oled.write_page(0, bsp::oled_first_visible_column + hello::visible_column, hello::row));
    RIVET_INFO("oled: HELLO drawn");
    return 0;
}
