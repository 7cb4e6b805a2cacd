// The Netduino Plus 2's user LED blinking on the TIM2 delay. QEMU does not
// model GPIO, so each change is logged, with the time the delay timer
// measured, and the run checks that no delay came back early.
#include <rivet/bsp/netduinoplus2.hpp>
#include <rivet/hal/delay.hpp>
#include <rivet/hal/pins.hpp>
#include <rivet/log/log.hpp>

#include <cstdint>

namespace board = rivet::bsp::netduinoplus2;

int main() {
    auto [led, delay] = rivet::hal::take<board::user_led, board::delay_timer>();
    constexpr std::uint32_t half_period_ms = 50;
    for (int i = 0; i < 3; ++i) {
        (void)led.set_high();
        RIVET_INFO("LED on");
        const std::uint32_t on_at = board::delay_timer::now_us();
        rivet::hal::delay_ms(delay, half_period_ms);
        (void)led.set_low();
        const std::uint32_t lit_us = board::delay_timer::now_us() - on_at;
        RIVET_INFO("LED off after {} us", lit_us);
        if (lit_us < half_period_ms * 1000) return 1;
        rivet::hal::delay_ms(delay, half_period_ms);
    }
    RIVET_INFO("3 blinks, each delay long enough");
    return 0;
}
