// The CMSDK APB timers TIMER0 and TIMER1: 32-bit counters that count down
// at the peripheral clock from VALUE to 0, raise their interrupt flag and
// reload from RELOAD. One type serves two uses (not both at once):
//
//   * a rivet::hal::delay: delay_ns/us/ms busy-wait on the flag, never
//     shorter than asked (the count is rounded up);
//   * a periodic tick: start_periodic(ticks) and then either poll
//     take_expired() or enable_interrupt() and handle the interrupt `irq`
//     (irq::timer0 or irq::timer1: bind a handler to it, or define
//     rivet_irq_8 / rivet_irq_9), which must clear the flag with
//     clear_expired().
//
// The flag only rises while CTRL.INTEN is set (the timer's RTL gates the
// status with it, and QEMU 7.2 models that: a timer counting with INTEN
// clear never shows INTSTATUS). So this HAL always counts with INTEN set
// and decides between polling and interrupts in the NVIC alone.
//
// The SVD describes INTSTATUS and INTCLEAR without fields; the TRM puts the
// flag in bit 0 of both (INTCLEAR: write 1 to clear).
#pragma once

#include <cstdint>

#include "cmsdk_cm3/timer0.hpp"
#include "rivet/cmsdk/interrupts.hpp"
#include "rivet/cortex_m/nvic.hpp"
#include "rivet/cortex_m/ticks.hpp"
#include "rivet/hal/delay.hpp"
#include "rivet/hal/pins.hpp"

namespace rivet::cmsdk {
namespace detail {
// Waits `ticks` of a 32-bit down-counter with wait_ticks(n), n in
// 1..2^31, so that waits longer than the counter are split.
template <class WaitTicks>
void wait_in_steps(std::uint64_t ticks, WaitTicks wait_ticks) {
    constexpr std::uint32_t step = 0x8000'0000u;
    while (ticks > step) {
        wait_ticks(step);
        ticks -= step;
    }
    if (ticks > 0) wait_ticks(static_cast<std::uint32_t>(ticks));
}
}  // namespace detail
}  // namespace rivet::cmsdk

namespace rivet::cmsdk::timer {

template <unsigned Index, std::uint32_t ClockHz>
class timer : public cortex_m::delay_in_ticks<timer<Index, ClockHz>, ClockHz> {
    static_assert(Index < 2, "the MPS2 AN385 has TIMER0 and TIMER1 (see dualtimer.hpp for more)");
    static_assert(ClockHz >= 1'000'000, "the delay arithmetic assumes at least 1 MHz");

    static constexpr ::cmsdk::timer0::block block = Index == 0 ? ::cmsdk::TIMER0 : ::cmsdk::TIMER1;
    using bit = ::cmsdk::timer0::ctrl::enable_v;

    // Counts `ticks` (>= 1) from now and waits for the flag.
    static void wait_once(std::uint32_t ticks) {
        block.ctrl().write(::cmsdk::timer0::ctrl::value{});
        block.reload().write(::cmsdk::timer0::reload::value{ticks});
        block.value().write(::cmsdk::timer0::value::value{ticks});
        block.intclear().write(::cmsdk::timer0::intclear::value{1});
        block.ctrl().write([](auto& r) { r.enable(bit::enable).inten(bit::enable); });
        while ((block.intstatus().read().bits() & 1u) == 0) {
        }
        block.ctrl().write(::cmsdk::timer0::ctrl::value{});
        block.intclear().write(::cmsdk::timer0::intclear::value{1});
    }

public:
    static constexpr unsigned index = Index;
    static constexpr std::uint32_t clock_hz = ClockHz;
    static constexpr cmsdk::irq irq = Index == 0 ? cmsdk::irq::timer0 : cmsdk::irq::timer1;
    // An async bus the timer paces (rivet/async/i2c/sbcon.hpp) claims it too.
    static constexpr rivet::hal::peripheral_id claimed_peripheral{
        static_cast<std::uint32_t>(block.base_address())};

    // Stops the timer and clears its flag; the timer drives no pins (its
    // EXTIN input is left unused).
    static timer configure() {
        block.ctrl().write(::cmsdk::timer0::ctrl::value{});
        block.intclear().write(::cmsdk::timer0::intclear::value{1});
        return timer{};
    }

    // delay_ns/us/ms (delay_in_ticks) wait this many ticks, rounded up.
    static void wait_ticks(std::uint64_t ticks) { detail::wait_in_steps(ticks, wait_once); }

    // Raises the flag every `ticks` clock cycles from now on.
    void start_periodic(std::uint32_t ticks) {
        stop();
        block.reload().write(::cmsdk::timer0::reload::value{ticks});
        block.value().write(::cmsdk::timer0::value::value{ticks});
        block.intclear().write(::cmsdk::timer0::intclear::value{1});
        block.ctrl().write([](auto& r) { r.enable(bit::enable).inten(bit::enable); });
    }
    void stop() { block.ctrl().write(::cmsdk::timer0::ctrl::value{}); }
    // Lets the flag interrupt the core. A flag left pending by polling or
    // a delay is dropped first, so the handler runs for new periods only.
    void enable_interrupt() {
        clear_expired();
        cortex_m::nvic::clear_pending<irq>();
        cortex_m::nvic::enable<irq>();
    }
    void disable_interrupt() { cortex_m::nvic::disable<irq>(); }
    [[nodiscard]] bool expired() const { return (block.intstatus().read().bits() & 1u) != 0; }
    static void clear_expired() { block.intclear().write(::cmsdk::timer0::intclear::value{1}); }
    // True (and clears the flag) if the period ran out since the last call.
    bool take_expired() {
        if (!expired()) return false;
        clear_expired();
        return true;
    }
    [[nodiscard]] std::uint32_t count() const { return block.value().read().bits(); }
};

static_assert(rivet::hal::delay<timer<0, 25'000'000>>);

}  // namespace rivet::cmsdk::timer
