// Critical sections: code that no interrupt may run into.
//
//   {
//       rivet::cortex_m::critical_section masked;   // PRIMASK: all interrupts
//       counter += 1;
//   }
//   {
//       rivet::cortex_m::priority_mask<irq, 2> masked;  // BASEPRI: priorities 2 and below
//       queue.push(x);                                   // (ARMv7-M only)
//   }
//
// Both restore what they found, so they nest, and both are compiler
// barriers: no memory access moves across their ends. Costs (GCC 12 -Os,
// counted under QEMU; firmware/cortex_m/README.md): a critical_section is 3
// instructions (MRS PRIMASK, CPSID I; MSR PRIMASK), a priority_mask 4 (MRS
// BASEPRI, MOVS, MSR BASEPRI_MAX; MSR BASEPRI).
#pragma once

#include <cstdint>
#include <utility>

#include "rivet/cortex_m/device.hpp"

namespace rivet::cortex_m {

namespace detail {
inline std::uint32_t primask() {
    std::uint32_t value = 0;
#if defined(__arm__)
    asm volatile("mrs %0, primask" : "=r"(value)::"memory");
#endif
    return value;
}
inline void mask_interrupts() {
#if defined(__arm__)
    asm volatile("cpsid i" ::: "memory");
#endif
}
inline void set_primask([[maybe_unused]] std::uint32_t value) {
#if defined(__arm__)
    asm volatile("msr primask, %0" ::"r"(value) : "memory");
#endif
}

// What BASEPRI can do on the device, checked when compiling.
template <device_irq Irq, unsigned Priority>
consteval bool basepri_can_mask() {
    static_assert(!device<Irq>::armv6m,
                  "ARMv6-M (Cortex-M0) has no BASEPRI: use critical_section, or disable the "
                  "interrupts concerned in the NVIC");
    static_assert(Priority > 0,
                  "BASEPRI cannot mask priority 0 (0 means no mask): use critical_section");
    static_assert(Priority < priority_levels<Irq>,
                  "the chip's NVIC has fewer priority levels: Priority must be below "
                  "priority_levels (2^nvic_prio_bits of the device)");
    return true;
}
}  // namespace detail

// PRIMASK set for the object's lifetime: no interrupt with a configurable
// priority is taken (NMI and HardFault still are). Pended interrupts wait
// and are taken, most urgent first, when the outermost section ends.
class [[nodiscard]] critical_section {
public:
    critical_section() noexcept : was_(detail::primask()) { detail::mask_interrupts(); }
    ~critical_section() { detail::set_primask(was_); }
    critical_section(const critical_section&) = delete;
    critical_section& operator=(const critical_section&) = delete;

private:
    std::uint32_t was_;
};

// Runs f() in a critical_section and returns what it returns.
template <class F>
decltype(auto) critical(F&& f) {
    const critical_section masked;
    return std::forward<F>(f)();
}

// BASEPRI raised to Priority for the object's lifetime (ARMv7-M): interrupts
// of priority Priority and less urgent (higher numbers) wait; more urgent
// ones still preempt, so a lock shared with priorities up to Priority costs
// the urgent ones nothing. BASEPRI_MAX only ever raises the mask, so a
// priority_mask inside a stricter one changes nothing. Priority 0 would mask
// nothing (BASEPRI 0 is "no mask"): use critical_section.
template <device_irq Irq, unsigned Priority>
class [[nodiscard]] priority_mask {
    static_assert(detail::basepri_can_mask<Irq, Priority>());

public:
    priority_mask() noexcept {
#if defined(__arm__)
        asm volatile("mrs %0, basepri" : "=r"(was_)::"memory");
        asm volatile("msr basepri_max, %0" ::"r"(std::uint32_t{encoded_priority<Irq>(Priority)})
                     : "memory");
#endif
    }
    ~priority_mask() {
#if defined(__arm__)
        asm volatile("msr basepri, %0" ::"r"(was_) : "memory");
#endif
    }
    priority_mask(const priority_mask&) = delete;
    priority_mask& operator=(const priority_mask&) = delete;

private:
    std::uint32_t was_ = 0;
};

// Runs f() with BASEPRI raised to Priority, as priority_mask does, and
// gives what f returns. The value found stays in a register: the RAII
// priority_mask keeps it in its object, which GCC leaves in memory across
// the memory-clobbering MSR (a store and a load more). 3 instructions
// (MRS, MOVS, MSR BASEPRI_MAX) before f, 1 after. The SRP framework's locks
// (firmware/tasks) are this.
template <device_irq Irq, unsigned Priority, class F>
[[gnu::always_inline]] inline decltype(auto) with_priority_mask(F&& f) {
    static_assert(detail::basepri_can_mask<Irq, Priority>());
    [[maybe_unused]] std::uint32_t was = 0;
#if defined(__arm__)
    asm volatile("mrs %0, basepri" : "=r"(was)::"memory");
    asm volatile("msr basepri_max, %0" ::"r"(std::uint32_t{encoded_priority<Irq>(Priority)})
                 : "memory");
#endif
    struct restore {
        std::uint32_t value;
        ~restore() {
#if defined(__arm__)
            asm volatile("msr basepri, %0" ::"r"(value) : "memory");
#endif
        }
    };
    const restore at_end{was};
    return std::forward<F>(f)();
}

}  // namespace rivet::cortex_m
