// What the core layer knows of a chip: its interrupts by name, as the enum
// `irq` that `rivet svd gen` emits from the chip's SVD (core exceptions
// negative, device interrupts 0..irq_count-1), and the facts that go with
// it. Each chip HAL declares its enum a device (rivet/<chip>/interrupts.hpp):
//
//   template <>
//   struct rivet::cortex_m::device<::lm3s6965::irq>
//       : rivet::cortex_m::device_facts<::lm3s6965::irq_count, ::lm3s6965::core> {};
//
// and the NVIC, the critical sections and the vector table of this folder
// take its interrupts by name, checked when compiling.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>

namespace rivet::cortex_m {

// Specialised once per chip; undefined for anything else.
template <class Irq>
struct device;

// The facts of a device from its generated header: the number of device
// interrupts (irq_count) and the core configuration (core, whose name says
// the architecture and whose nvic_prio_bits the number of priority levels).
template <std::size_t Count, const auto& Core>
struct device_facts {
    static constexpr std::size_t interrupt_count = Count;
    static constexpr unsigned priority_bits = Core.nvic_prio_bits;
    // Cortex-M0, M0+ and M1 are ARMv6-M: no BASEPRI, no active-bit
    // registers, priorities in whole words only.
    static constexpr bool armv6m = std::string_view(Core.name).starts_with("CM0") ||
                                   std::string_view(Core.name).starts_with("CM1");
    static_assert(priority_bits >= 2 && priority_bits <= 8,
                  "a Cortex-M NVIC implements 2 to 8 priority bits");
};

// An interrupt enum of a chip Rivet knows (one with a device<> specialisation).
template <class Irq>
concept device_irq = std::is_enum_v<Irq> && !std::is_convertible_v<Irq, int> && requires {
    { device<Irq>::interrupt_count } -> std::convertible_to<std::size_t>;
    { device<Irq>::priority_bits } -> std::convertible_to<unsigned>;
    { device<Irq>::armv6m } -> std::convertible_to<bool>;
};

// The number the NVIC and the vector table use: device interrupts from 0,
// core exceptions negative (SysTick -1, PendSV -2, SVCall -5, ...).
template <device_irq Irq>
constexpr int number_of(Irq irq) {
    return static_cast<int>(irq);
}

// The levels of priority a device's NVIC has: 0 is the most urgent,
// priority_levels<Irq> - 1 the least.
template <device_irq Irq>
inline constexpr unsigned priority_levels = 1u << device<Irq>::priority_bits;

// A priority as the NVIC, the SHPR registers and BASEPRI hold it: in the top
// priority_bits bits of a byte (the bits below read as zero).
template <device_irq Irq>
constexpr std::uint8_t encoded_priority(unsigned priority) {
    return static_cast<std::uint8_t>(priority << (8 - device<Irq>::priority_bits));
}

// Checks, when compiling, that a board description's "interrupts" is the
// device's interrupt count (a BSP asserts it for its board:
// static_assert(interrupt_count_matches<irq, rivet::board::interrupt_count>())).
template <device_irq Irq, std::size_t BoardInterrupts>
consteval bool interrupt_count_matches() {
    static_assert(BoardInterrupts == device<Irq>::interrupt_count,
                  "board.json's \"interrupts\" differs from the device's interrupt count "
                  "(irq_count, from its SVD): the vector table would be the wrong size");
    return true;
}

}  // namespace rivet::cortex_m
