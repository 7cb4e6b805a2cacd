// The CMSDK timers on QEMU's mps2-an385, run with `-icount shift=4` so that
// QEMU's clock follows the instructions executed rather than the host's
// (otherwise a busy host stretches any wait and merges timer periods):
//  * TIMER0 delays, measured with dual timer counter 2 running free: each
//    lasts at least what was asked and at most 50 us more;
//  * TIMER1 periodic at 1 ms with its interrupt, counted in rivet_irq_9
//    (the runtime's vector table slot for NVIC 9) over a 50 ms delay;
//  * dual timer counter 1 periodic at 1 ms, counted in rivet_irq_10, then
//    as a one-shot delay;
//  * TIMER1 polled through take_expired().
#include <rivet/bsp/mps2_an385.hpp>
#include <rivet/hal/delay.hpp>
#include <rivet/log/log.hpp>

#include <cstdint>

namespace board = rivet::bsp::mps2_an385;

namespace {
volatile std::uint32_t timer1_interrupts = 0;
volatile std::uint32_t dual_interrupts = 0;

// Counter 2 of the dual timer counts down from 0xFFFFFFFF, free-running.
std::uint32_t ticks_of(board::dual_timer<2>& clock, auto&& wait) {
    const std::uint32_t before = clock.count();
    wait();
    return before - clock.count();
}
}  // namespace

extern "C" void rivet_irq_9() {
    board::tick_timer::clear_expired();
    timer1_interrupts = timer1_interrupts + 1;
}

extern "C" void rivet_irq_10() {
    board::dual_timer<1>::clear_expired();
    dual_interrupts = dual_interrupts + 1;
}

int main() {
    auto delay = board::delay_timer::configure();
    auto clock = board::dual_timer<2>::configure();
    clock.start_periodic(0xFFFF'FFFFu);

    constexpr std::uint32_t per_us = board::clock_hz / 1'000'000;
    const std::uint32_t t_100us = ticks_of(clock, [&] { rivet::hal::delay_us(delay, 100); });
    const std::uint32_t t_2ms = ticks_of(clock, [&] { rivet::hal::delay_ms(delay, 2); });
    const std::uint32_t t_20ms = ticks_of(clock, [&] { rivet::hal::delay_ms(delay, 20); });
    const std::uint32_t t_3us = ticks_of(clock, [&] { rivet::hal::delay_ns(delay, 3'000); });
    RIVET_INFO("timer: ticks for 100 us {}, 2 ms {}, 20 ms {}, 3 us {}", t_100us, t_2ms, t_20ms,
               t_3us);
    if (t_100us < 100 * per_us || t_2ms < 2000 * per_us || t_20ms < 20000 * per_us ||
        t_3us < 3 * per_us)
        return 1;  // a delay returned early
    constexpr std::uint32_t slack = 50 * per_us;
    if (t_100us > 100 * per_us + slack || t_2ms > 2000 * per_us + slack ||
        t_20ms > 20000 * per_us + slack || t_3us > 3 * per_us + slack)
        return 2;  // a delay overslept
    RIVET_INFO("timer: delays in order");

    auto tick = board::tick_timer::configure();
    tick.enable_interrupt();
    const std::uint32_t periods_1 = ticks_of(clock,
                                             [&] {
                                                 tick.start_periodic(1000 * per_us);
                                                 rivet::hal::delay_ms(delay, 50);
                                                 tick.stop();
                                             }) /
                                    (1000 * per_us);
    const std::uint32_t counted = timer1_interrupts;
    RIVET_INFO("timer: TIMER1 interrupts {} in 50 ms", counted);
    // One per elapsed period.
    if (counted + 1 < periods_1 || counted > periods_1 + 1) return 3;
    tick.disable_interrupt();

    auto dual = board::dual_timer<1>::configure();
    const std::uint32_t periods_2 = ticks_of(clock,
                                             [&] {
                                                 dual.start_periodic(1000 * per_us, true);
                                                 rivet::hal::delay_ms(delay, 50);
                                                 dual.stop();
                                             }) /
                                    (1000 * per_us);
    const std::uint32_t dual_counted = dual_interrupts;
    RIVET_INFO("timer: dual timer interrupts {} in 50 ms", dual_counted);
    if (dual_counted + 1 < periods_2 || dual_counted > periods_2 + 1) return 4;

    // Counter 1 of the dual timer as a delay (one-shot mode).
    auto dual_delay = board::dual_timer<1>::configure();
    const std::uint32_t t_dual = ticks_of(clock, [&] { rivet::hal::delay_us(dual_delay, 500); });
    RIVET_INFO("timer: dual timer delay of 500 us took {} ticks", t_dual);
    if (t_dual < 500 * per_us || t_dual > 500 * per_us + slack) return 6;

    tick.start_periodic(500 * per_us);
    int periods = 0;
    while (periods < 3) {
        if (tick.take_expired()) ++periods;
    }
    tick.stop();
    if (timer1_interrupts != counted) return 5;  // the interrupt stayed off
    RIVET_INFO("timer: polled {} periods", periods);
    return 0;
}
