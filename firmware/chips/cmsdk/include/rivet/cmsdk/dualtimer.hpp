// The CMSDK APB dual timer (0x40002000 on the AN385, one interrupt,
// irq::dualtimer, shared by both counters): counter 1 or counter 2 as a
// rivet::hal::delay in one-shot 32-bit mode, or as a periodic tick.
//
// CONTROL resets to 0x20 (interrupt enabled, timer off), so every CONTROL
// write here spells out the interrupt enable: a delay must not raise the
// shared interrupt, whose handler would clear the flag the delay waits on.
//
// Both counters have the same registers 0x20 bytes apart. The generated
// header gives them distinct types (TIMER1* and TIMER2*); this HAL drives
// counter 2 through the TIMER1 types at the TIMER2 addresses, which is
// exact because the layouts are identical.
#pragma once

#include <cstdint>

#include "cmsdk_cm3/dualtimer.hpp"
#include "rivet/cmsdk/interrupts.hpp"
#include "rivet/cmsdk/timer.hpp"
#include "rivet/cortex_m/nvic.hpp"
#include "rivet/cortex_m/ticks.hpp"
#include "rivet/hal/delay.hpp"
#include "rivet/registers/register.hpp"

namespace rivet::cmsdk::dualtimer {

inline constexpr cmsdk::irq irq = cmsdk::irq::dualtimer;

template <unsigned Counter, std::uint32_t ClockHz>
class dualtimer : public cortex_m::delay_in_ticks<dualtimer<Counter, ClockHz>, ClockHz> {
    static_assert(Counter == 1 || Counter == 2, "the dual timer has counters 1 and 2");
    static_assert(ClockHz >= 1'000'000, "the delay arithmetic assumes at least 1 MHz");

    static constexpr std::uintptr_t base = ::cmsdk::DUALTIMER.base_address() + 0x20 * (Counter - 1);
    template <class R>
    using reg = ::rivet::registers::reg<R>;
    using control_value = ::cmsdk::dualtimer::timer1control::value;
    using one_shot_v = ::cmsdk::dualtimer::timer1control::one_shot_count_v;
    using size_v = ::cmsdk::dualtimer::timer1control::timer_size_v;
    using mode_v = ::cmsdk::dualtimer::timer1control::timer_mode_v;
    using enable_v = ::cmsdk::dualtimer::timer1control::interrupt_enable_v;
    static constexpr reg<::cmsdk::dualtimer::timer1load::value> load{base + 0x0};
    static constexpr reg<::cmsdk::dualtimer::timer1value::value> current{base + 0x4};
    static constexpr reg<control_value> ctrl{base + 0x8};
    static constexpr reg<::cmsdk::dualtimer::timer1intclr::value> intclr{base + 0xC};
    static constexpr reg<::cmsdk::dualtimer::timer1ris::value> ris{base + 0x10};

    static void clear() {
        intclr.write([](auto& r) { r.int_(true); });
    }

    // Stops the counter, loads `ticks`, clears the flag and starts it
    // again in 32-bit mode, as a one-shot or periodic, its interrupt
    // output enabled or not.
    static void run(std::uint32_t ticks, bool periodic, bool interrupt) {
        ctrl.write(control_value{0u});
        load.write(::cmsdk::dualtimer::timer1load::value{ticks});
        clear();
        ctrl.write([periodic, interrupt](auto& r) {
            r.one_shot_count(periodic ? one_shot_v::wrapping : one_shot_v::one_shot)
                .timer_mode(periodic ? mode_v::periodic : mode_v::free_running)
                .timer_size(size_v::_32_bit)
                .interrupt_enable(interrupt ? enable_v::enable : enable_v::disable)
                .timer_enable(enable_v::enable);
        });
    }

    static void wait_once(std::uint32_t ticks) {
        run(ticks, false, false);
        while (!ris.read().ris()) {
        }
        ctrl.write(control_value{0u});
        clear();
    }

public:
    static constexpr unsigned counter = Counter;

    static dualtimer configure() {
        ctrl.write(control_value{0u});
        clear();
        return dualtimer{};
    }

    // delay_ns/us/ms (delay_in_ticks) wait this many ticks, rounded up.
    static void wait_ticks(std::uint64_t ticks) { detail::wait_in_steps(ticks, wait_once); }

    // Periodic mode, 32 bits, no prescaler: the flag rises every `ticks`
    // cycles. With `interrupt`, the counter's interrupt is enabled too
    // (handle irq::dualtimer and call clear_expired() there).
    void start_periodic(std::uint32_t ticks, bool interrupt = false) {
        run(ticks, true, interrupt);
        if (interrupt) cortex_m::nvic::enable<irq>();
    }
    // One-shot, 32 bits: the counter stops at 0 with its flag raised, and
    // its interrupt output too. The NVIC line is left to the caller, who
    // shares it with the other counter (rivet/async/delay/cmsdk.hpp).
    void start_one_shot(std::uint32_t ticks) { run(ticks, false, true); }
    void stop() { ctrl.write(control_value{0u}); }
    [[nodiscard]] bool expired() const { return ris.read().ris(); }
    static void clear_expired() { clear(); }
    bool take_expired() {
        if (!expired()) return false;
        clear();
        return true;
    }
    [[nodiscard]] std::uint32_t count() const { return current.read().bits(); }
};

static_assert(rivet::hal::delay<dualtimer<1, 25'000'000>>);

}  // namespace rivet::cmsdk::dualtimer
