// The vector table instance for the board this runtime is built for, and the
// weak default handlers every slot points to until the application defines
// its own.
#include <rivet/board/config.hpp>
#include <rivet/runtime/vector_table.hpp>

#include <utility>

extern "C" {
// Provided by the linker script: the top of the stack.
extern const std::uint32_t __stack_top__;

// A runner puts a breakpoint here (see contracts/runner.hpp). Naked and
// stackless: after a stack overflow the stack pointer may point outside RAM,
// and a push here would fault inside the fault handler and lock the core up.
// The default handler enters with r0 = exception number, r1 = EXC_RETURN,
// r2 = the stacked exception frame; LR still holds EXC_RETURN, so a debugger
// unwinds straight into the exception frame.
[[gnu::naked, gnu::noinline, gnu::used]] void rivet_fault_trap(std::uint32_t /*exception*/) {
    asm volatile("1: b 1b\n");
}

// Stackless for the same reason; Thumb-1 only, so that it serves ARMv6-M too.
[[gnu::naked, gnu::used]] void rivet_default_handler() {
    asm volatile(
        "mrs r0, ipsr\n"
        "mov r1, lr\n"
        "movs r2, #4\n"
        "tst r1, r2\n"
        "bne 1f\n"
        "mrs r2, msp\n"
        "b 2f\n"
        "1: mrs r2, psp\n"
        "2: ldr r3, =rivet_fault_trap\n"
        "bx r3\n"
        ".ltorg\n");
}

#define RIVET_WEAK_DEFAULT __attribute__((weak, alias("rivet_default_handler")))
void rivet_nmi_handler() noexcept RIVET_WEAK_DEFAULT;
void rivet_hard_fault_handler() noexcept RIVET_WEAK_DEFAULT;
void rivet_mem_manage_handler() noexcept RIVET_WEAK_DEFAULT;
void rivet_bus_fault_handler() noexcept RIVET_WEAK_DEFAULT;
void rivet_usage_fault_handler() noexcept RIVET_WEAK_DEFAULT;
void rivet_svcall_handler() noexcept RIVET_WEAK_DEFAULT;
void rivet_debug_monitor_handler() noexcept RIVET_WEAK_DEFAULT;
void rivet_pendsv_handler() noexcept RIVET_WEAK_DEFAULT;
void rivet_systick_handler() noexcept RIVET_WEAK_DEFAULT;

// rivet_irq_0 ... rivet_irq_239, declared by repetition so that one runtime
// serves every interrupt count; the table below takes the first N.
#define RIVET_IRQ_1(n) void rivet_irq_##n() noexcept RIVET_WEAK_DEFAULT;
#define RIVET_IRQ_10(n)                                                                       \
    RIVET_IRQ_1(n##0)                                                                         \
    RIVET_IRQ_1(n##1) RIVET_IRQ_1(n##2) RIVET_IRQ_1(n##3) RIVET_IRQ_1(n##4) RIVET_IRQ_1(n##5) \
        RIVET_IRQ_1(n##6) RIVET_IRQ_1(n##7) RIVET_IRQ_1(n##8) RIVET_IRQ_1(n##9)
RIVET_IRQ_1(0)
RIVET_IRQ_1(1) RIVET_IRQ_1(2) RIVET_IRQ_1(3) RIVET_IRQ_1(4) RIVET_IRQ_1(5) RIVET_IRQ_1(6)
    RIVET_IRQ_1(7) RIVET_IRQ_1(8) RIVET_IRQ_1(9) RIVET_IRQ_10(1) RIVET_IRQ_10(2) RIVET_IRQ_10(3)
        RIVET_IRQ_10(4) RIVET_IRQ_10(5) RIVET_IRQ_10(6) RIVET_IRQ_10(7) RIVET_IRQ_10(8)
            RIVET_IRQ_10(9) RIVET_IRQ_10(10) RIVET_IRQ_10(11) RIVET_IRQ_10(12) RIVET_IRQ_10(13)
                RIVET_IRQ_10(14) RIVET_IRQ_10(15) RIVET_IRQ_10(16) RIVET_IRQ_10(17) RIVET_IRQ_10(18)
                    RIVET_IRQ_10(19) RIVET_IRQ_10(20) RIVET_IRQ_10(21) RIVET_IRQ_10(22)
                        RIVET_IRQ_10(23)
}

namespace {

#undef RIVET_IRQ_1
#define RIVET_IRQ_1(n) rivet_irq_##n,
constexpr rivet_handler all_interrupt_handlers[] = {
    RIVET_IRQ_1(0) RIVET_IRQ_1(1) RIVET_IRQ_1(2) RIVET_IRQ_1(3) RIVET_IRQ_1(4) RIVET_IRQ_1(5)
        RIVET_IRQ_1(6) RIVET_IRQ_1(7) RIVET_IRQ_1(8) RIVET_IRQ_1(9) RIVET_IRQ_10(1) RIVET_IRQ_10(2)
            RIVET_IRQ_10(3) RIVET_IRQ_10(4) RIVET_IRQ_10(5) RIVET_IRQ_10(6) RIVET_IRQ_10(7)
                RIVET_IRQ_10(8) RIVET_IRQ_10(9) RIVET_IRQ_10(10) RIVET_IRQ_10(11) RIVET_IRQ_10(12)
                    RIVET_IRQ_10(13) RIVET_IRQ_10(14) RIVET_IRQ_10(15) RIVET_IRQ_10(16)
                        RIVET_IRQ_10(17) RIVET_IRQ_10(18) RIVET_IRQ_10(19) RIVET_IRQ_10(20)
                            RIVET_IRQ_10(21) RIVET_IRQ_10(22) RIVET_IRQ_10(23)};
static_assert(std::size(all_interrupt_handlers) == rivet::runtime::max_interrupts);

constexpr std::size_t interrupt_count = rivet::board::interrupt_count;
using table_type = rivet::runtime::vector_table<interrupt_count>;

template <std::size_t... I>
consteval std::array<rivet_handler, interrupt_count> first_interrupts(std::index_sequence<I...>) {
    return {all_interrupt_handlers[I]...};
}

}  // namespace

// The core fetches this table from the start of flash at reset; the linker
// script keeps `.vectors` first.
extern "C" [[gnu::section(".vectors"), gnu::used]] constinit const table_type rivet_vector_table{
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
    first_interrupts(std::make_index_sequence<interrupt_count>{}),
};
