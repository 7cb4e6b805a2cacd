// Enabling and disabling device interrupts in the NVIC, by number (the
// chip's IRQ number, exception number minus 16). The set/clear registers
// take a 1 per interrupt, so no read-modify-write is needed.
#pragma once

#include <cstdint>

namespace rivet::cortex_m::nvic {

inline constexpr std::uintptr_t iser_address = 0xE000E100;  // set-enable
inline constexpr std::uintptr_t icer_address = 0xE000E180;  // clear-enable
inline constexpr std::uintptr_t icpr_address = 0xE000E280;  // clear-pending

namespace detail {
inline void set_bit(std::uintptr_t base, unsigned irq) {
    *reinterpret_cast<volatile std::uint32_t*>(base + 4 * (irq / 32)) = 1u << (irq % 32);
}
}  // namespace detail

inline void enable(unsigned irq) {
    detail::set_bit(iser_address, irq);
}

// Also waits for the write to take effect, so no interrupt from `irq` is
// taken after this returns.
inline void disable(unsigned irq) {
    detail::set_bit(icer_address, irq);
    asm volatile("dsb\n isb" ::: "memory");
}

inline void clear_pending(unsigned irq) {
    detail::set_bit(icpr_address, irq);
}

}  // namespace rivet::cortex_m::nvic
