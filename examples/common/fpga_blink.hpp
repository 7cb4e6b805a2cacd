// The blink example of the MPS2 boards (mps2-an385, mps2-an505), written
// once against the CMSDK HAL: walk the two FPGA user LEDs on and off, paced
// by a delay timer, log each change with the LED register read back (bit n
// is LED n), then how long the walk took by the FPGA's 100 Hz counter.
// Returns 0 when the walk took at least its 16 waits.
#pragma once

#include <rivet/cmsdk/fpgaio.hpp>
#include <rivet/hal/delay.hpp>
#include <rivet/log/log.hpp>

#include <cstdint>

namespace rivet::examples {

template <class Led0, class Led1, class Timer>
int walk_fpga_leds(Led0& led0, Led1& led1, Timer& timer) {
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

}  // namespace rivet::examples
