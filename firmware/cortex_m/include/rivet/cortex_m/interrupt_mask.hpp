// A set of device interrupts kept from being taken, through the NVIC's
// enable bits: the mask of a core without BASEPRI (ARMv6-M), where masking
// by priority is not possible. The SRP framework's locks use it there
// (firmware/tasks), as RTIC does on Cortex-M0.
//
//   constexpr auto lines = rivet::cortex_m::nvic::lines_of<irq>({irq::swi0, irq::swi1});
//   rivet::cortex_m::nvic::with_lines_disabled<irq, lines>([] {
//       ...   // swi0 and swi1 stay pending if raised
//   });
//
// It restores only the enables it took away, so masks nest.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <utility>

#include "rivet/cortex_m/device.hpp"
#include "rivet/cortex_m/nvic.hpp"

namespace rivet::cortex_m::nvic {

// Bit n % 32 of word n / 32 for device interrupt n, as ISER and ICER take them.
template <device_irq Irq>
using line_set = std::array<std::uint32_t, (device<Irq>::interrupt_count + 31) / 32>;

template <device_irq Irq>
constexpr line_set<Irq> lines_of(std::initializer_list<Irq> irqs) {
    line_set<Irq> set{};
    for (const Irq irq : irqs) {
        const auto n = static_cast<unsigned>(number_of(irq));
        set[n / 32] |= 1u << (n % 32);
    }
    return set;
}

// Runs f() with Lines' interrupts disabled (one store per word, then the
// barriers that make it take effect before f), re-enables those of them
// that were enabled, and gives what f returns. An interrupt raised
// meanwhile stays pending and is taken at the end. What was enabled stays in
// registers (a function rather than an RAII object, which GCC would keep
// in memory).
template <device_irq Irq, line_set<Irq> Lines, class F>
[[gnu::always_inline]] inline decltype(auto) with_lines_disabled(F&& f) {
    struct restore {
        line_set<Irq> was{};
        ~restore() {
            for (std::size_t i = 0; i < Lines.size(); ++i) {
                if (Lines[i] != 0) detail::word(detail::iser + 4 * i) = was[i];
            }
        }
    };
    restore at_end;
    for (std::size_t i = 0; i < Lines.size(); ++i) {
        if (Lines[i] == 0) continue;
        at_end.was[i] = detail::word(detail::iser + 4 * i) & Lines[i];
        detail::word(detail::icer + 4 * i) = Lines[i];
    }
    detail::settle();
    return std::forward<F>(f)();
}

}  // namespace rivet::cortex_m::nvic
