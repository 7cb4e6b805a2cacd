// A 10 ms tick from TIM3's update interrupt, and PWM on D5 (TIM4 channel
// 3). QEMU models the timer registers but no pin, so the PWM set-up is
// logged from the registers. Each tick the main loop notices is logged
// with the TIM2 time: under QEMU 7.2 the ticks do not come every 10 ms
// (see firmware/chips/stm32f405/README.md), so only their count is checked.
#include <rivet/bsp/netduinoplus2.hpp>
#include <rivet/cortex_m/interrupts.hpp>
#include <rivet/hal/pwm.hpp>
#include <rivet/log/log.hpp>

#include <cstdint>

namespace board = rivet::bsp::netduinoplus2;
using tick = board::tick_timer<10'000>;

namespace {
volatile std::uint32_t ticks = 0;

void on_tick() {
    tick::clear_update();
    ticks = ticks + 1;
}
}  // namespace

// TIM3's update interrupt (tick::irq is board::irq::tim3) runs on_tick.
RIVET_BIND_INTERRUPTS(rivet::cortex_m::bind<tick::irq, on_tick>);

int main() {
    auto [clock, timer, out] = rivet::hal::take<board::delay_timer, tick, board::d5_pwm<1000>>();
    (void)clock;
    (void)timer;
    tick::enable_interrupt();
    std::uint32_t seen = 0;
    while (seen < 5) {
        if (ticks != seen) {
            seen = ticks;
            RIVET_INFO("tick {} at {} us", seen, board::delay_timer::now_us());
        }
    }
    tick::disable_interrupt();
    tick::stop();
    RIVET_INFO("{} ticks or more", 5);

    (void)rivet::hal::pwm::set_percent(out, 25);
    RIVET_INFO("PWM on D5: 1000 Hz, duty 25 % = CCR3 {} of {}", out.compare_value(),
               static_cast<unsigned>(out.max_duty_cycle()));
    return 0;
}
