// The few NVIC operations the STM32F405 HAL needs (enable, disable, pend an
// interrupt by number), at the architectural addresses (ARMv7-M, B3.4).
#pragma once

#include <cstdint>

namespace rivet::stm32f405::nvic {

namespace detail {
inline volatile std::uint32_t& word(std::uintptr_t address) {
    return *reinterpret_cast<volatile std::uint32_t*>(address);  // NOLINT: MMIO
}
inline constexpr std::uintptr_t iser = 0xE000E100, icer = 0xE000E180, ispr = 0xE000E200,
                                icpr = 0xE000E280;
}  // namespace detail

// The STM32F405 has 82 interrupts (0..81).
template <unsigned Irq>
inline void enable() {
    static_assert(Irq < 82, "the STM32F405 has interrupts 0 to 81");
    detail::word(detail::icpr + 4 * (Irq / 32)) = 1u << (Irq % 32);
    detail::word(detail::iser + 4 * (Irq / 32)) = 1u << (Irq % 32);
}
template <unsigned Irq>
inline void disable() {
    static_assert(Irq < 82, "the STM32F405 has interrupts 0 to 81");
    detail::word(detail::icer + 4 * (Irq / 32)) = 1u << (Irq % 32);
#if defined(__arm__)
    asm volatile("dsb\n\tisb" ::: "memory");
#endif
}
template <unsigned Irq>
inline void pend() {
    static_assert(Irq < 82, "the STM32F405 has interrupts 0 to 81");
    detail::word(detail::ispr + 4 * (Irq / 32)) = 1u << (Irq % 32);
    // So that an enabled interrupt is taken before the next instruction.
#if defined(__arm__)
    asm volatile("dsb\n\tisb" ::: "memory");
#endif
}

}  // namespace rivet::stm32f405::nvic
