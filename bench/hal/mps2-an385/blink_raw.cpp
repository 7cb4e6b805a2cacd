// examples/mps2-an385/blink with raw register accesses: the same LED walk,
// the same TIMER0 delays and the same log lines.
#include <rivet/log/log.hpp>

#include <cstdint>

#include "raw.hpp"

namespace {
void delay_ms(std::uint32_t ms) {
    raw::timer_wait_ticks(raw::timer0, ms * 25'000);
}
void led_on(std::uint32_t mask) {
    raw::reg(raw::fpgaio + raw::fpgaio_led) = raw::reg(raw::fpgaio + raw::fpgaio_led) | mask;
}
void led_off(std::uint32_t mask) {
    raw::reg(raw::fpgaio + raw::fpgaio_led) = raw::reg(raw::fpgaio + raw::fpgaio_led) & ~mask;
}
std::uint32_t leds() {
    return raw::reg(raw::fpgaio + raw::fpgaio_led);
}
}  // namespace

int main() {
    // As take<led0, led1, timer0>(): both LEDs off, the timer stopped.
    led_off(1);
    led_off(2);
    raw::reg(raw::timer0 + raw::timer_ctrl) = 0;
    raw::reg(raw::timer0 + raw::timer_intstatus) = 1;
    const std::uint32_t start = raw::reg(raw::fpgaio + raw::fpgaio_clk100hz);
    constexpr int cycles = 4;
    for (int i = 0; i < cycles; ++i) {
        led_on(1);
        RIVET_INFO("LED0 on, LED register {:#x}", leds());
        delay_ms(25);
        led_on(2);
        RIVET_INFO("LED1 on, LED register {:#x}", leds());
        delay_ms(25);
        led_off(1);
        RIVET_INFO("LED0 off, LED register {:#x}", leds());
        delay_ms(25);
        led_off(2);
        RIVET_INFO("LED1 off, LED register {:#x}", leds());
        delay_ms(25);
    }
    const std::uint32_t elapsed_ms = (raw::reg(raw::fpgaio + raw::fpgaio_clk100hz) - start) * 10;
    RIVET_INFO("{} cycles in {} ms", cycles, elapsed_ms);
    return elapsed_ms >= 16 * 25 - 10 ? 0 : 1;
}
