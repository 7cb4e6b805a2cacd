// The Cortex-M vector table: the initial stack pointer, the reset handler,
// the 14 core exception slots and the device's interrupts, laid out at
// compile time. Interrupt handlers are overridden by defining the weak
// functions declared here (e.g. `extern "C" void rivet_irq_5() { ... }`).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

extern "C" {
using rivet_handler = void (*)();

void rivet_reset_handler() noexcept;
void rivet_nmi_handler() noexcept;
void rivet_hard_fault_handler() noexcept;
void rivet_mem_manage_handler() noexcept;
void rivet_bus_fault_handler() noexcept;
void rivet_usage_fault_handler() noexcept;
void rivet_svcall_handler() noexcept;
void rivet_debug_monitor_handler() noexcept;
void rivet_pendsv_handler() noexcept;
void rivet_systick_handler() noexcept;
}

namespace rivet::runtime {

// Core exceptions are 1..15; device interrupt n is exception 16 + n.
inline constexpr std::size_t core_exception_count = 16;
// ARMv7-M allows at most 496 device interrupts, ARMv6-M 32.
inline constexpr std::size_t max_interrupts = 240;

template <std::size_t InterruptCount>
struct vector_table {
    static_assert(InterruptCount <= max_interrupts, "more device interrupts than Rivet supports");
    const void* initial_stack_pointer;
    std::array<rivet_handler, core_exception_count - 1> exceptions;
    std::array<rivet_handler, InterruptCount> interrupts;
};

}  // namespace rivet::runtime
