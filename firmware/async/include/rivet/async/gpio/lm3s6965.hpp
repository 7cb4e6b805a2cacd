// GPIO inputs that can be awaited (rivet::hal::async::input_pin): a level or
// an edge is armed in the pin's GPIOIS/IBE/IEV bits and its interrupt mask,
// and the port's interrupt wakes the waiting task. One waiting task per pin.
//
//   using up = rivet::async::gpio::lm3s6965_pin<gpio::port::e, 0>;
//   RIVET_BIND_INTERRUPTS(rivet::async::gpio::lm3s6965_port<gpio::port::e>::binding, ...);  // once
//   per port auto button = up::configure(gpio::pull::up); co_await button.wait_for_falling_edge();
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
#include "rivet/lm3s6965/gpio.hpp"
#include "rivet/lm3s6965/interrupts.hpp"

namespace rivet::async::gpio {

namespace lm3s6965_gpio = ::rivet::lm3s6965::gpio;

constexpr ::rivet::lm3s6965::irq lm3s6965_irq_of(lm3s6965_gpio::port p) {
    switch (p) {
        case lm3s6965_gpio::port::a:
            return ::rivet::lm3s6965::irq::gpioa;
        case lm3s6965_gpio::port::b:
            return ::rivet::lm3s6965::irq::gpiob;
        case lm3s6965_gpio::port::c:
            return ::rivet::lm3s6965::irq::gpioc;
        case lm3s6965_gpio::port::d:
            return ::rivet::lm3s6965::irq::gpiod;
        case lm3s6965_gpio::port::e:
            return ::rivet::lm3s6965::irq::gpioe;
        case lm3s6965_gpio::port::f:
            return ::rivet::lm3s6965::irq::gpiof;
        case lm3s6965_gpio::port::g:
            break;
    }
    return ::rivet::lm3s6965::irq::gpiog;
}

// A port's interrupt, which serves every awaited pin of the port: bind it
// once (two bindings of one port do not compile: "bound twice").
template <lm3s6965_gpio::port P, unsigned Priority = 0>
struct lm3s6965_port {
    static constexpr auto irq = lm3s6965_irq_of(P);
    static constexpr auto block = lm3s6965_gpio::block_of(P);
    static inline std::array<waker, 8> waiting{};

    static void on_interrupt() {
        const std::uint32_t fired = block.mis().read().bits();
        block.im().write(::lm3s6965::gpioa::im::value{block.im().read().bits() & ~fired});
        block.icr().write(::lm3s6965::gpioa::icr::value{fired});
        for (unsigned pin = 0; pin < 8; ++pin) {
            if ((fired & (1u << pin)) == 0 || waiting[pin] == nullptr) continue;
            const waker task = waiting[pin];
            waiting[pin] = nullptr;
            wake(task);
        }
    }
    using binding = cortex_m::bind<irq, on_interrupt>;

    static void enable() {
        cortex_m::nvic::set_priority<irq, Priority>();
        cortex_m::nvic::enable<irq>();
    }
};

namespace detail {
// One pin as a line of waitable_pin (rivet/async/gpio/wait.hpp).
template <lm3s6965_gpio::port P, unsigned Pin>
struct lm3s6965_line {
    static constexpr auto block = lm3s6965_gpio::block_of(P);
    static constexpr std::uint32_t mask = 1u << Pin;

    static bool level() {
        return (lm3s6965_gpio::detail::masked_data<P, Pin>().read().bits() & mask) != 0;
    }
    static waker& slot() { return lm3s6965_port<P>::waiting[Pin]; }
    // Levels use the level-sensitive interrupt, edges the edge detector,
    // cleared first so an edge from before the wait does not count.
    static void arm(rivet::hal::async::pin_event what) {
        using event = rivet::hal::async::pin_event;
        const bool level = what == event::high || what == event::low;
        const bool both = what == event::any_edge;
        const bool upward = what == event::high || what == event::rising_edge;
        const auto set = [](std::uint32_t bits, bool on) {
            return on ? bits | mask : bits & ~mask;
        };
        block.is().write(::lm3s6965::gpioa::is::value{set(block.is().read().bits(), level)});
        block.ibe().write(::lm3s6965::gpioa::ibe::value{set(block.ibe().read().bits(), both)});
        block.iev().write(::lm3s6965::gpioa::iev::value{set(block.iev().read().bits(), upward)});
        block.icr().write(::lm3s6965::gpioa::icr::value{mask});
        block.im().write(::lm3s6965::gpioa::im::value{block.im().read().bits() | mask});
    }
    static void disarm() {
        block.im().write(::lm3s6965::gpioa::im::value{block.im().read().bits() & ~mask});
    }
};
}  // namespace detail

template <lm3s6965_gpio::port P, unsigned Pin>
class lm3s6965_pin : public waitable_pin<detail::lm3s6965_line<P, Pin>> {
public:
    static constexpr auto claimed_pins = lm3s6965_gpio::input_pin<P, Pin>::claimed_pins;

    // The input's setup, its interrupt masked, and the port's NVIC line on.
    static lm3s6965_pin configure(lm3s6965_gpio::pull resistor = lm3s6965_gpio::pull::none) {
        (void)lm3s6965_gpio::input_pin<P, Pin>::configure(resistor);
        detail::lm3s6965_line<P, Pin>::disarm();
        lm3s6965_port<P>::enable();
        return lm3s6965_pin{};
    }
};

static_assert(rivet::hal::async::input_pin<lm3s6965_pin<lm3s6965_gpio::port::e, 0>>);

}  // namespace rivet::async::gpio
