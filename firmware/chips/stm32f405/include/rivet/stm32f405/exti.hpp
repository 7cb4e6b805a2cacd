// External interrupt lines 0-15: a GPIO input routed through SYSCFG EXTICR
// to its EXTI line, an edge selected, a pending flag and an interrupt.
//
//   using button_edge = exti::line<board::user_button, exti::edge::rising>;
//   auto b = button_edge::configure();   // configures the pin as well
//   button_edge::enable_interrupt();      // rivet_irq_<button_edge::irq>
#pragma once

#include <array>
#include <cstdint>

#include "rivet/cortex_m/nvic.hpp"
#include "rivet/hal/pins.hpp"
#include "rivet/stm32f405/gpio.hpp"
#include "rivet/stm32f405/interrupts.hpp"
#include "rivet/stm32f405/rcc.hpp"
#include "stm32f405/exti.hpp"
#include "stm32f405/syscfg.hpp"

namespace rivet::stm32f405::exti {

enum class edge : unsigned char { rising, falling, both };

// Lines 0-4 have an interrupt each; 5-9 and 10-15 share one.
constexpr irq irq_of(unsigned line) {
    constexpr irq own[] = {irq::exti0, irq::exti1, irq::exti2, irq::exti3, irq::exti4};
    return line < 5 ? own[line] : line < 10 ? irq::exti9_5 : irq::exti15_10;
}

// `Pin` is an input pin type of this HAL (gpio::input_pin<port, n>); its
// number is the EXTI line.
template <class Pin, edge Edge>
class line {
    static constexpr unsigned n = Pin::pin_number;
    static constexpr std::uint32_t bit = 1u << n;
    static constexpr auto exti = ::stm32f405::EXTI;

public:
    static constexpr unsigned number = n;
    static constexpr stm32f405::irq irq = irq_of(n);
    static constexpr auto claimed_pins = Pin::claimed_pins;

    // Configures the pin, clocks SYSCFG, routes the pin's port to line n,
    // selects the edge, clears a stale pending flag and unmasks the line.
    static line configure() {
        (void)Pin::configure();
        rcc::enable_clock<rcc::peripheral::syscfg>();
        [[maybe_unused]] static constexpr unsigned shift = 4 * (n % 4);
        [[maybe_unused]] static constexpr std::uint32_t port = static_cast<unsigned>(Pin::port_id);
        auto route = [](auto& r) { r.set_bits((r.bits() & ~(0xFu << shift)) | port << shift); };
        constexpr auto syscfg = ::stm32f405::SYSCFG;
        if constexpr (n < 4)
            syscfg.exticr1().modify(route);
        else if constexpr (n < 8)
            syscfg.exticr2().modify(route);
        else if constexpr (n < 12)
            syscfg.exticr3().modify(route);
        else
            syscfg.exticr4().modify(route);
        [[maybe_unused]] static constexpr bool rising = Edge != edge::falling,
                                               falling = Edge != edge::rising;
        exti.rtsr().modify([](auto& r) { r.set_bits(rising ? r.bits() | bit : r.bits() & ~bit); });
        exti.ftsr().modify([](auto& r) { r.set_bits(falling ? r.bits() | bit : r.bits() & ~bit); });
        clear_pending();
        exti.imr().modify([](auto& r) { r.set_bits(r.bits() | bit); });
        return line{};
    }

    static bool pending() { return (exti.pr().read().bits() & bit) != 0; }
    // PR bits clear when written with 1; other lines' bits are written 0.
    static void clear_pending() {
        exti.pr().write([](auto& r) { r.set_bits(bit); });
    }
    // Sets the line's SWIER bit: on silicon this makes the line pending (and
    // interrupts if unmasked) as if the edge had come. QEMU 7.2 only stores
    // the bit (see the README).
    static void trigger_by_software() {
        exti.swier().modify([](auto& r) { r.set_bits(r.bits() | bit); });
    }
    // A stale edge pending in the NVIC is dropped first.
    static void enable_interrupt() {
        cortex_m::nvic::clear_pending<irq>();
        cortex_m::nvic::enable<irq>();
    }
    static void disable_interrupt() { cortex_m::nvic::disable<irq>(); }
};

}  // namespace rivet::stm32f405::exti
