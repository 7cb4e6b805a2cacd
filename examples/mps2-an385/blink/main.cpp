// The MPS2 AN385 by name: walk the two FPGA user LEDs on and off, paced by
// TIMER0, and log each change with the LED register read back (bit n is
// LED n), then how long the walk took by the FPGA's 100 Hz counter.
#include <rivet/bsp/mps2_an385.hpp>
#include <rivet/hal/delay.hpp>
#include <rivet/hal/pins.hpp>
#include <rivet/log/log.hpp>

#include <cstdint>

namespace board = rivet::bsp::mps2_an385;

int main() {
    auto [led0, led1, timer] =
        rivet::hal::take<board::user_led0, board::user_led1, board::delay_timer>();
    const std::uint32_t start = rivet::cmsdk::fpgaio::clk100hz();
    constexpr int cycles = 4;
    for (int i = 0; i < cycles; ++i) {
        (void)led0.set_high();
        RIVET_INFO("LED0 on, LED register {:#x}", rivet::cmsdk::fpgaio::leds());
        rivet::hal::delay_ms(timer, 25);
        (void)led1.set_high();
        RIVET_INFO("LED1 on, LED register {:#x}", rivet::cmsdk::fpgaio::leds());
        rivet::hal::delay_ms(timer, 25);
        (void)led0.set_low();
        RIVET_INFO("LED0 off, LED register {:#x}", rivet::cmsdk::fpgaio::leds());
        rivet::hal::delay_ms(timer, 25);
        (void)led1.set_low();
        RIVET_INFO("LED1 off, LED register {:#x}", rivet::cmsdk::fpgaio::leds());
        rivet::hal::delay_ms(timer, 25);
    }
    const std::uint32_t elapsed_ms = (rivet::cmsdk::fpgaio::clk100hz() - start) * 10;
    RIVET_INFO("{} cycles in {} ms", cycles, elapsed_ms);
    // 16 waits of 25 ms: a delay that returned early would finish sooner.
    return elapsed_ms >= 16 * 25 - 10 ? 0 : 1;
}
