// The lm3s811evb's OLED: writes "HELLO" on the SSD0303 (I2C0, 0x3D) through
// the Stellaris I2C HAL and the ssd0303 driver, then exits. Under QEMU with
// a display (`rivet run ... --qemu-arg=-display --qemu-arg=gtk`, if your
// QEMU has one), the word stays on the panel until QEMU ends.
#include <rivet/bsp/lm3s811evb.hpp>
#include <rivet/drivers/ssd0303.hpp>
#include <rivet/log/log.hpp>

#include <cstdint>

namespace {

// Column-major 8x8 glyphs, bit 0 at the top.
constexpr std::uint8_t letter_h[8] = {0x00, 0x7f, 0x08, 0x08, 0x08, 0x7f, 0x00, 0x00};
constexpr std::uint8_t letter_e[8] = {0x00, 0x7f, 0x49, 0x49, 0x49, 0x41, 0x00, 0x00};
constexpr std::uint8_t letter_l[8] = {0x00, 0x7f, 0x40, 0x40, 0x40, 0x40, 0x00, 0x00};
constexpr std::uint8_t letter_o[8] = {0x00, 0x3e, 0x41, 0x41, 0x41, 0x3e, 0x00, 0x00};
constexpr const std::uint8_t* hello[] = {letter_h, letter_e, letter_l, letter_l, letter_o};

namespace bsp = rivet::bsp::lm3s811evb;

}  // namespace

int main() {
    auto bus = bsp::oled_bus::configure();
    rivet::drivers::ssd0303 oled{bus};
    RIVET_ASSERT(oled.init(), "no SSD0303 at 0x3d");
    RIVET_ASSERT(oled.clear());
    std::uint8_t row[sizeof hello / sizeof hello[0] * 8] = {};
    for (unsigned i = 0; i < sizeof row; ++i) row[i] = hello[i / 8][i % 8];
    RIVET_ASSERT(oled.write_page(0, bsp::oled_first_visible_column + 28, row));
    RIVET_INFO("oled: HELLO drawn");
    return 0;
}
