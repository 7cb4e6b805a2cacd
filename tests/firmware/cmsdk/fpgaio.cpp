// The FPGA I/O block through the HAL: each LED is one bit of the LED
// register (read back after every change), toggle() and is_set_high()
// agree with it, the buttons read released (QEMU cannot press them) and
// the 100 Hz counter advances.
#include <rivet/bsp/mps2_an385.hpp>
#include <rivet/hal/delay.hpp>
#include <rivet/hal/pins.hpp>
#include <rivet/log/log.hpp>

#include <cstdint>

namespace board = rivet::bsp::mps2_an385;
namespace fpgaio = rivet::cmsdk::fpgaio;

int main() {
    auto [led0, led1, button0, button1, delay] =
        rivet::hal::take<board::user_led0, board::user_led1, board::user_button0,
                         board::user_button1, board::delay_timer>();
    std::uint32_t seen[5];
    seen[0] = fpgaio::leds();
    (void)led0.set_high();
    seen[1] = fpgaio::leds();
    (void)led1.toggle();
    seen[2] = fpgaio::leds();
    (void)led0.toggle();
    seen[3] = fpgaio::leds();
    (void)led1.set_low();
    seen[4] = fpgaio::leds();
    RIVET_INFO("fpgaio: LED register {:#x} {:#x} {:#x} {:#x} {:#x}", seen[0], seen[1], seen[2],
               seen[3], seen[4]);
    if (seen[0] != 0 || seen[1] != 1 || seen[2] != 3 || seen[3] != 2 || seen[4] != 0) return 1;

    (void)led1.set_high();
    if (!led1.is_set_high().value() || led1.is_set_low().value()) return 2;
    if (!led0.is_set_low().value()) return 3;
    // Bits beyond the two LEDs are not stored.
    fpgaio::set_leds(0xFF);
    if (fpgaio::leds() != 0x3) return 4;
    fpgaio::set_leds(0);

    if (button0.is_high().value() || button1.is_high().value() || !button0.is_low().value())
        return 5;
    RIVET_INFO("fpgaio: buttons released");

    const std::uint32_t before = fpgaio::clk100hz();
    rivet::hal::delay_ms(delay, 30);
    const std::uint32_t after = fpgaio::clk100hz();
    if (after - before < 2) return 6;
    RIVET_INFO("fpgaio: 100 Hz counter runs");
    return 0;
}
