// The NVIC and the System Control Block's exception controls, for every chip:
// enable, disable, pend, clear and read an interrupt, and set its priority,
// all by the interrupt's name from the chip's SVD (rivet/cortex_m/device.hpp):
//
//   using irq = ::lm3s6965::irq;
//   rivet::cortex_m::nvic::set_priority<irq::timer3a, 2>();
//   rivet::cortex_m::nvic::enable<irq::timer3a>();
//
// What cannot work does not compile: enabling a core exception through the
// NVIC, a priority the chip's NVIC does not have, an active-bit read on
// ARMv6-M. The registers are the architectural ones (ARMv6-M and ARMv7-M
// manuals, B3.4 and B3.2); their set and clear registers take a 1 per
// interrupt, so enabling or pending needs no read-modify-write.
#pragma once

#include <cstdint>

#include "rivet/cortex_m/device.hpp"

namespace rivet::cortex_m::nvic {

namespace detail {
inline constexpr std::uintptr_t iser = 0xE000E100, icer = 0xE000E180, ispr = 0xE000E200,
                                icpr = 0xE000E280, iabr = 0xE000E300, ipr = 0xE000E400;
inline constexpr std::uintptr_t icsr = 0xE000ED04, shpr = 0xE000ED18;
inline constexpr std::uint32_t icsr_pendsvset = 1u << 28, icsr_pendsvclr = 1u << 27,
                               icsr_pendstset = 1u << 26, icsr_pendstclr = 1u << 25;

inline volatile std::uint32_t& word(std::uintptr_t address) {
    return *reinterpret_cast<volatile std::uint32_t*>(address);  // NOLINT: MMIO
}

// The word of a bit-per-interrupt register holding interrupt n, and its bit.
inline volatile std::uint32_t& word_of(std::uintptr_t base, unsigned n) {
    return word(base + 4 * (n / 32));
}
constexpr std::uint32_t bit_of(unsigned n) {
    return 1u << (n % 32);
}

// Barriers after a change that must have taken effect before the next
// instruction: a disabled interrupt is no longer taken, a pended one is.
[[gnu::always_inline]] inline void settle() {
#if defined(__arm__)
    asm volatile("dsb\n\tisb" ::: "memory");
#endif
}

template <auto Irq>
consteval unsigned device_interrupt() {
    static_assert(device_irq<decltype(Irq)>,
                  "not an interrupt of a chip Rivet knows: name it by the chip's irq enum "
                  "(e.g. ::lm3s6965::irq::timer0a)");
    static_assert(number_of(Irq) >= 0,
                  "this is a core exception, which the NVIC does not enable, disable or read: "
                  "SysTick is switched on in its own CSR, PendSV and SVCall are always enabled");
    static_assert(number_of(Irq) < 0 || static_cast<std::size_t>(number_of(Irq)) <
                                            device<decltype(Irq)>::interrupt_count,
                  "this interrupt number is beyond the device's interrupts");
    return static_cast<unsigned>(number_of(Irq));
}

template <auto Irq>
consteval void pendable_exception() {
    static_assert(Irq == decltype(Irq)::pend_sv || Irq == decltype(Irq)::sys_tick,
                  "of the core exceptions only PendSV and SysTick can be pended or cleared "
                  "(ICSR); the others are raised by what they report");
}

// Where a priority lives: byte `shift / 8` of the word at `address` (IPR for
// device interrupts, SHPR1-3 for the core exceptions with a priority).
struct priority_slot {
    std::uintptr_t address;
    unsigned shift;
};

template <auto Irq>
consteval priority_slot priority_slot_of() {
    using irq = decltype(Irq);
    static_assert(device_irq<irq>, "not an interrupt of a chip Rivet knows");
    constexpr int n = number_of(Irq);
    if constexpr (n >= 0) {
        (void)device_interrupt<Irq>();
        return {ipr + 4 * (n / 4), 8 * (n % 4)};
    } else {
        constexpr int exception = 16 + n;
        static_assert(exception >= 4,
                      "NMI and HardFault have fixed priorities (-2 and -1), above every other");
        static_assert(exception >= 11 || !device<irq>::armv6m,
                      "ARMv6-M has no MemManage, BusFault or UsageFault exception");
        return {shpr + ((exception - 4) & ~3), 8 * ((exception - 4) % 4)};
    }
}
}  // namespace detail

// Lets the interrupt be taken (once its source raises it and the priority
// and masks allow).
template <auto Irq>
inline void enable() {
    constexpr unsigned n = detail::device_interrupt<Irq>();
    detail::word_of(detail::iser, n) = detail::bit_of(n);
}

// Also waits for the write to take effect: no interrupt from Irq is taken
// after this returns.
template <auto Irq>
inline void disable() {
    constexpr unsigned n = detail::device_interrupt<Irq>();
    detail::word_of(detail::icer, n) = detail::bit_of(n);
    detail::settle();
}

template <auto Irq>
[[nodiscard]] inline bool is_enabled() {
    constexpr unsigned n = detail::device_interrupt<Irq>();
    return (detail::word_of(detail::iser, n) & detail::bit_of(n)) != 0;
}

// Makes the interrupt pending as if its source had raised it; an enabled
// one whose priority is above the current one is taken before the next
// instruction. Device interrupts, PendSV and SysTick.
template <auto Irq>
inline void pend() {
    if constexpr (number_of(Irq) >= 0) {
        constexpr unsigned n = detail::device_interrupt<Irq>();
        detail::word_of(detail::ispr, n) = detail::bit_of(n);
    } else {
        detail::pendable_exception<Irq>();
        detail::word(detail::icsr) =
            Irq == decltype(Irq)::pend_sv ? detail::icsr_pendsvset : detail::icsr_pendstset;
    }
    detail::settle();
}

template <auto Irq>
inline void clear_pending() {
    if constexpr (number_of(Irq) >= 0) {
        constexpr unsigned n = detail::device_interrupt<Irq>();
        detail::word_of(detail::icpr, n) = detail::bit_of(n);
    } else {
        detail::pendable_exception<Irq>();
        detail::word(detail::icsr) =
            Irq == decltype(Irq)::pend_sv ? detail::icsr_pendsvclr : detail::icsr_pendstclr;
    }
}

template <auto Irq>
[[nodiscard]] inline bool is_pending() {
    if constexpr (number_of(Irq) >= 0) {
        constexpr unsigned n = detail::device_interrupt<Irq>();
        return (detail::word_of(detail::ispr, n) & detail::bit_of(n)) != 0;
    } else {
        detail::pendable_exception<Irq>();
        return (detail::word(detail::icsr) &
                (Irq == decltype(Irq)::pend_sv ? detail::icsr_pendsvset
                                               : detail::icsr_pendstset)) != 0;
    }
}

// Whether the interrupt's handler is running or preempted (ARMv7-M's IABR;
// ARMv6-M has none).
template <auto Irq>
[[nodiscard]] inline bool is_active() {
    static_assert(!device<decltype(Irq)>::armv6m, "ARMv6-M has no interrupt active-bit registers");
    constexpr unsigned n = detail::device_interrupt<Irq>();
    return (detail::word_of(detail::iabr, n) & detail::bit_of(n)) != 0;
}

// Priority 0 is the most urgent; the chip's NVIC has priority_levels<irq>
// of them (2^nvic_prio_bits from its SVD). Device interrupts and the
// configurable core exceptions (SVCall, PendSV, SysTick; on ARMv7-M also
// MemManage, BusFault, UsageFault, DebugMonitor). A read-modify-write of a
// word shared with three others (ARMv6-M accesses these registers by words
// only): set priorities before the interrupts run, or in a critical section.
template <auto Irq, unsigned Priority>
inline void set_priority() {
    using irq = decltype(Irq);
    static_assert(Priority < priority_levels<irq>,
                  "the chip's NVIC has fewer priority levels: Priority must be below "
                  "priority_levels (2^nvic_prio_bits of the device)");
    constexpr detail::priority_slot slot = detail::priority_slot_of<Irq>();
    constexpr std::uint32_t field = 0xFFu << slot.shift;
    constexpr std::uint32_t value = std::uint32_t{encoded_priority<irq>(Priority)} << slot.shift;
    auto& reg = detail::word(slot.address);
    reg = (reg & ~field) | value;
}

template <auto Irq>
[[nodiscard]] inline unsigned priority() {
    using irq = decltype(Irq);
    constexpr detail::priority_slot slot = detail::priority_slot_of<Irq>();
    const std::uint32_t byte = (detail::word(slot.address) >> slot.shift) & 0xFFu;
    return byte >> (8 - device<irq>::priority_bits);
}

}  // namespace rivet::cortex_m::nvic
