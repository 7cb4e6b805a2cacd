// The EK-LM3S6965 board by name: blink the status LED (PF0) three times,
// waiting on the core's SysTick timer (board::delay), and log each change
// with the level read back from the pin.
#include <rivet/bsp/lm3s6965evb.hpp>
#include <rivet/hal/delay.hpp>
#include <rivet/log/log.hpp>

namespace board = rivet::bsp::lm3s6965evb;

int main() {
    auto [led, delay] = rivet::hal::take<board::status_led, board::delay>();
    for (int i = 0; i < 3; ++i) {
        (void)led.set_high();
        RIVET_INFO("LED on (pin high: {})", led.is_set_high().value());
        rivet::hal::delay_ms(delay, 100);
        (void)led.set_low();
        RIVET_INFO("LED off (pin high: {})", led.is_set_high().value());
        rivet::hal::delay_ms(delay, 100);
    }
    return 0;
}
