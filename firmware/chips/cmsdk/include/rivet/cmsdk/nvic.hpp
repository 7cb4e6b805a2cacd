// Enabling a device interrupt in the NVIC. The NVIC is part of the
// Cortex-M3 core, not of the CMSDK, so CMSDK_CM3.svd does not describe it:
// these are the architectural addresses (ARMv7-M, NVIC_ISER/ICER/ICPR).
#pragma once

#include <cstdint>

namespace rivet::cmsdk::nvic {

namespace detail {
inline volatile std::uint32_t& word(std::uintptr_t base, unsigned irq) {
    return *reinterpret_cast<volatile std::uint32_t*>(base + 4 * (irq / 32));  // NOLINT: MMIO
}
}  // namespace detail

inline void enable(unsigned irq) {
    detail::word(0xE000E100u, irq) = 1u << (irq % 32);
}
inline void disable(unsigned irq) {
    detail::word(0xE000E180u, irq) = 1u << (irq % 32);
}
inline void clear_pending(unsigned irq) {
    detail::word(0xE000E280u, irq) = 1u << (irq % 32);
}

}  // namespace rivet::cmsdk::nvic
