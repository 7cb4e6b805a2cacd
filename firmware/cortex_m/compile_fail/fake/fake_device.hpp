// Two devices shaped as `rivet svd gen` emits them, for the compile-fail
// tests of the core layer: a Cortex-M3 with three interrupts and 3 priority
// bits, and a Cortex-M0 with two and 2 bits.
#pragma once

#include <cstddef>
#include <cstdint>

#include "rivet/cortex_m/device.hpp"

namespace fake {
struct core_config {
    const char* name;
    unsigned nvic_prio_bits;
};

enum class irq : std::int16_t {
    non_maskable_int = -14,
    hard_fault = -13,
    memory_management = -12,
    sv_call = -5,
    pend_sv = -2,
    sys_tick = -1,
    alpha = 0,
    beta = 1,
    gamma = 2,
};
inline constexpr std::size_t irq_count = 3;
inline constexpr core_config core{"CM3", 3};

namespace m0 {
enum class irq : std::int16_t {
    memory_management = -12,
    pend_sv = -2,
    sys_tick = -1,
    alpha = 0,
    beta = 1
};
inline constexpr std::size_t irq_count = 2;
inline constexpr core_config core{"CM0", 2};
}  // namespace m0
}  // namespace fake

template <>
struct rivet::cortex_m::device<fake::irq>
    : rivet::cortex_m::device_facts<fake::irq_count, fake::core> {};
template <>
struct rivet::cortex_m::device<fake::m0::irq>
    : rivet::cortex_m::device_facts<fake::m0::irq_count, fake::m0::core> {};

inline void handler() {}
inline void other_handler() {}
