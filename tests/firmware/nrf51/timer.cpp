// The nRF51 TIMER HAL on QEMU's microbit: delays never shorter than asked,
// measured on a second timer; a periodic tick; compares that fire in order.
// QEMU runs the timers on its virtual clock, which follows the host clock,
// so the bounds below are lower bounds (a busy host only makes waits longer)
// plus orderings with wide margins.
#include <rivet/bsp/microbit.hpp>
#include <rivet/hal/delay.hpp>
#include <rivet/log/log.hpp>

#include <cstdint>

namespace timer = rivet::nrf51::timer;

namespace {
// Ticks from a to b on the 16-bit stopwatch (it wraps every 2.1 s).
std::uint32_t elapsed(std::uint32_t a, std::uint32_t b) {
    return (b - a) & 0xffffu;
}
}  // namespace

int main() {
    auto delay = timer::timer<0>::configure();     // 1 MHz, 32 bits
    auto watch = timer::timer<2, 9>::configure();  // 31250 Hz, 16 bits: 2 s range
    static_assert(timer::timer<2, 9>::tick_hz == 31'250);
    static_assert(rivet::cortex_m::ticks_for(timer::timer<0>::tick_hz, 1,
                                             rivet::cortex_m::per_ns) == 1);  // rounded up
    static_assert(rivet::cortex_m::ticks_for(timer::timer<0, 0>::tick_hz, 1000,
                                             rivet::cortex_m::per_ns) == 16);
    static_assert(timer::timer<1>::max_ticks == 0xffff);

    watch.start();
    const std::uint32_t t0 = watch.now();
    rivet::hal::delay_ms(delay, 10);
    const std::uint32_t t1 = watch.now();
    rivet::hal::delay_ms(delay, 50);
    const std::uint32_t t2 = watch.now();
    rivet::hal::delay_us(delay, 2000);
    const std::uint32_t t3 = watch.now();
    // Longer than TIMER1's 16-bit range at 1 MHz: three compares.
    auto narrow = timer::timer<1>::configure();
    rivet::hal::delay_ms(narrow, 150);
    const std::uint32_t t4 = watch.now();
    RIVET_INFO("timer: 10 ms took {} ticks, 50 ms {}, 2000 us {}, 150 ms on TIMER1 {} (31250 Hz)",
               elapsed(t0, t1), elapsed(t1, t2), elapsed(t2, t3), elapsed(t3, t4));
    RIVET_ASSERT(elapsed(t0, t1) >= 312, "delay_ms(10) returned early");
    RIVET_ASSERT(elapsed(t1, t2) >= 1562, "delay_ms(50) returned early");
    RIVET_ASSERT(elapsed(t2, t3) >= 62, "delay_us(2000) returned early");
    RIVET_ASSERT(elapsed(t3, t4) >= 4687, "delay_ms(150) on the 16-bit TIMER1 returned early");
    RIVET_ASSERT(elapsed(t1, t2) > elapsed(t0, t1) || elapsed(t0, t1) > 3000,
                 "50 ms measured shorter than 10 ms");

    // Compares on the running stopwatch: 100 ms and 1.5 s from now.
    const std::uint32_t now = watch.now();
    watch.set_compare<1>((now + 3125) & 0xffffu);
    watch.set_compare<2>((now + 46875) & 0xffffu);
    rivet::hal::delay_ms(delay, 5);
    RIVET_ASSERT(!watch.take_event<1>(), "the 100 ms compare fired after 5 ms");
    rivet::hal::delay_ms(delay, 200);
    RIVET_ASSERT(watch.take_event<1>(), "the 100 ms compare did not fire within 205 ms");
    RIVET_ASSERT(!watch.take_event<1>(), "take_event() did not clear the event");
    RIVET_ASSERT(!watch.take_event<2>(), "the 1.5 s compare fired after 205 ms");
    RIVET_INFO("timer: compares ok");

    // A 5 ms tick on TIMER1: four periods take at least 20 ms.
    narrow.start_periodic(5000);
    const std::uint32_t p0 = watch.now();
    narrow.wait_period();  // the first, partial from p0's point of view
    const std::uint32_t p1 = watch.now();
    for (int i = 0; i < 4; ++i) narrow.wait_period();
    const std::uint32_t p2 = watch.now();
    narrow.stop();
    RIVET_INFO("timer: four 5 ms periods took {} ticks", elapsed(p1, p2));
    RIVET_ASSERT(elapsed(p0, p1) <= 31250, "the first period took more than a second");
    RIVET_ASSERT(elapsed(p1, p2) >= 4 * 156, "four 5 ms periods took less than 20 ms");
    RIVET_INFO("timer: periodic ok");
    return 0;
}
