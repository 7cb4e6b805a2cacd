// The Cortex-M vector table: the initial stack pointer, the reset handler,
// the 14 core exception slots and the device's interrupts, laid out at
// compile time. Every slot starts on a weak default: define the function
// (`extern "C" void rivet_irq_5() { ... }`, `rivet_systick_handler`) to
// take it, or bind handlers to interrupts by name with
// RIVET_BIND_INTERRUPTS (rivet/cortex_m/interrupts.hpp), which builds the
// table from default_vector_table() and the bindings.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

extern "C" {
using rivet_handler = void (*)();

// Provided by the linker script: the top of the stack.
extern const std::uint32_t __stack_top__;

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

// RIVET_FOR_EACH_IRQ(F) is F(0) F(1) ... F(239): one per device interrupt
// Rivet supports.
// clang-format off
#define RIVET_FOR_EACH_IRQ_10(F, n) \
    F(n##0) F(n##1) F(n##2) F(n##3) F(n##4) F(n##5) F(n##6) F(n##7) F(n##8) F(n##9)
#define RIVET_FOR_EACH_IRQ(F) \
    F(0) F(1) F(2) F(3) F(4) F(5) F(6) F(7) F(8) F(9) \
    RIVET_FOR_EACH_IRQ_10(F, 1) RIVET_FOR_EACH_IRQ_10(F, 2) RIVET_FOR_EACH_IRQ_10(F, 3) \
    RIVET_FOR_EACH_IRQ_10(F, 4) RIVET_FOR_EACH_IRQ_10(F, 5) RIVET_FOR_EACH_IRQ_10(F, 6) \
    RIVET_FOR_EACH_IRQ_10(F, 7) RIVET_FOR_EACH_IRQ_10(F, 8) RIVET_FOR_EACH_IRQ_10(F, 9) \
    RIVET_FOR_EACH_IRQ_10(F, 10) RIVET_FOR_EACH_IRQ_10(F, 11) RIVET_FOR_EACH_IRQ_10(F, 12) \
    RIVET_FOR_EACH_IRQ_10(F, 13) RIVET_FOR_EACH_IRQ_10(F, 14) RIVET_FOR_EACH_IRQ_10(F, 15) \
    RIVET_FOR_EACH_IRQ_10(F, 16) RIVET_FOR_EACH_IRQ_10(F, 17) RIVET_FOR_EACH_IRQ_10(F, 18) \
    RIVET_FOR_EACH_IRQ_10(F, 19) RIVET_FOR_EACH_IRQ_10(F, 20) RIVET_FOR_EACH_IRQ_10(F, 21) \
    RIVET_FOR_EACH_IRQ_10(F, 22) RIVET_FOR_EACH_IRQ_10(F, 23)
// clang-format on

// rivet_irq_0 ... rivet_irq_239: weak aliases of the default handler
// (runtime/src/default_handlers.cpp) until the application defines one.
#define RIVET_DECLARE_IRQ(n) void rivet_irq_##n() noexcept;
RIVET_FOR_EACH_IRQ(RIVET_DECLARE_IRQ)
#undef RIVET_DECLARE_IRQ
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
    // exceptions[e - 1] is exception e (2 NMI ... 15 SysTick).
    std::array<rivet_handler, core_exception_count - 1> exceptions;
    std::array<rivet_handler, InterruptCount> interrupts;
};

#define RIVET_IRQ_HANDLER(n) rivet_irq_##n,
inline constexpr rivet_handler weak_interrupt_handlers[] = {RIVET_FOR_EACH_IRQ(RIVET_IRQ_HANDLER)};
#undef RIVET_IRQ_HANDLER
static_assert(std::size(weak_interrupt_handlers) == max_interrupts);

// Every slot on its weak default: the rivet_*_handler of each core
// exception and rivet_irq_<n> for device interrupt n.
template <std::size_t InterruptCount>
consteval vector_table<InterruptCount> default_vector_table() {
    vector_table<InterruptCount> table{
        &__stack_top__,
        {
            rivet_reset_handler,
            rivet_nmi_handler,
            rivet_hard_fault_handler,
            rivet_mem_manage_handler,
            rivet_bus_fault_handler,
            rivet_usage_fault_handler,
            nullptr,  // 7-10: reserved
            nullptr,
            nullptr,
            nullptr,
            rivet_svcall_handler,
            rivet_debug_monitor_handler,
            nullptr,  // 13: reserved
            rivet_pendsv_handler,
            rivet_systick_handler,
        },
        {},
    };
    for (std::size_t i = 0; i < InterruptCount; ++i) {
        table.interrupts[i] = weak_interrupt_handlers[i];
    }
    return table;
}

}  // namespace rivet::runtime
