// STM32F405 inputs that can be awaited (rivet::hal::async::input_pin) through
// EXTI: a wait selects the edge it needs (RTSR/FTSR), clears the line's
// pending flag and unmasks it; the line's interrupt wakes the task. Levels
// are sampled from the pin and, when not there yet, awaited as the edge
// towards them. Lines 0-4 have an interrupt each, 5-9 and 10-15 share one:
// bind `binding` once per interrupt (two pins of one shared group bind it
// once; binding it twice does not compile).
//
//   using d8 = rivet::async::gpio::stm32f405_pin<stm::gpio::input_pin<stm::gpio::port::a, 0>>;
//   RIVET_BIND_INTERRUPTS(d8::binding, ...);
//   auto pin = d8::configure();
//   co_await pin.wait_for_rising_edge();
#pragma once

#include <array>
#include <coroutine>
#include <cstdint>

#include "rivet/async/executor.hpp"
#include "rivet/async/gpio/wait.hpp"
#include "rivet/cortex_m/critical_section.hpp"
#include "rivet/cortex_m/interrupts.hpp"
#include "rivet/cortex_m/nvic.hpp"
#include "rivet/hal/async/digital.hpp"
#include "rivet/stm32f405/exti.hpp"

namespace rivet::async::gpio {

// The sixteen EXTI lines' waiting tasks, and the handler every EXTI
// interrupt shares: it wakes the task of each pending line it serves.
struct stm32f405_exti {
    static constexpr auto exti = ::stm32f405::EXTI;
    static inline std::array<waker, 16> waiting{};

    static void on_interrupt() {
        const std::uint32_t pending = exti.pr().read().bits() & 0xFFFFu;
        // QEMU 7.2 also pulses the interrupt on a level change that is not
        // a selected edge, with PR clear: nothing to do then.
        if (pending == 0) return;
        exti.imr().modify([pending](auto& r) { r.set_bits(r.bits() & ~pending); });
        exti.pr().write([pending](auto& r) { r.set_bits(pending); });
        for (unsigned line = 0; line < 16; ++line) {
            if ((pending & (1u << line)) == 0 || waiting[line] == nullptr) continue;
            const waker task = waiting[line];
            waiting[line] = nullptr;
            wake(task);
        }
    }
};

namespace detail {
// One EXTI line as a line of waitable_pin (rivet/async/gpio/wait.hpp):
// levels are sampled from the pin and awaited as the edge towards them.
template <class Pin>
struct stm32f405_line {
    static constexpr std::uint32_t bit = 1u << Pin::pin_number;
    static constexpr auto exti = ::stm32f405::EXTI;

    static bool level() { return Pin{}.is_high().value(); }
    static waker& slot() { return stm32f405_exti::waiting[Pin::pin_number]; }
    static void arm(rivet::hal::async::pin_event what) {
        using event = rivet::hal::async::pin_event;
        const bool rising =
            what == event::high || what == event::rising_edge || what == event::any_edge;
        const bool falling =
            what == event::low || what == event::falling_edge || what == event::any_edge;
        exti.rtsr().modify(
            [rising](auto& r) { r.set_bits(rising ? r.bits() | bit : r.bits() & ~bit); });
        exti.ftsr().modify(
            [falling](auto& r) { r.set_bits(falling ? r.bits() | bit : r.bits() & ~bit); });
        exti.pr().write([](auto& r) { r.set_bits(bit); });
        exti.imr().modify([](auto& r) { r.set_bits(r.bits() | bit); });
    }
    static void disarm() {
        exti.imr().modify([](auto& r) { r.set_bits(r.bits() & ~bit); });
    }
};
}  // namespace detail

template <class Pin, unsigned Priority = 0>
class stm32f405_pin : public waitable_pin<detail::stm32f405_line<Pin>> {
    // The routing and the unmasking are the blocking line's; the edge is
    // chosen per wait.
    using routed = rivet::stm32f405::exti::line<Pin, rivet::stm32f405::exti::edge::both>;

public:
    static constexpr auto claimed_pins = Pin::claimed_pins;
    static constexpr auto irq = rivet::stm32f405::exti::irq_of(Pin::pin_number);
    using binding = cortex_m::bind<irq, stm32f405_exti::on_interrupt>;

    static stm32f405_pin configure() {
        (void)routed::configure();
        detail::stm32f405_line<Pin>::disarm();
        cortex_m::nvic::set_priority<irq, Priority>();
        cortex_m::nvic::clear_pending<irq>();
        cortex_m::nvic::enable<irq>();
        return stm32f405_pin{};
    }
};

}  // namespace rivet::async::gpio
