// The weak default handlers every slot of the vector table points to until
// the application defines or binds its own, and the fault trap they end in.
// Always linked (the vector table itself is replaceable: vector_table.cpp).
#include <rivet/runtime/vector_table.hpp>

#include <cstdint>

extern "C" {
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

// rivet_irq_0 ... rivet_irq_239 (declared in the header).
#define RIVET_WEAK_IRQ(n) void rivet_irq_##n() noexcept RIVET_WEAK_DEFAULT;
RIVET_FOR_EACH_IRQ(RIVET_WEAK_IRQ)
}
