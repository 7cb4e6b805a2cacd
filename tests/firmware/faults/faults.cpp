// Faults on purpose, for the runner's fault report and backtrace: the kind
// is picked at build time (RIVET_FAULT_UNDEFINED, _DIVIDE, _BUS), and with
// RIVET_FAULT_IN_INTERRUPT the fault happens inside an interrupt handler.
#include <rivet/console/console.hpp>

#include <cstdint>

namespace {

volatile std::uint32_t divisor = 0;
volatile std::uint32_t sink;

[[maybe_unused]] auto& reg(std::uintptr_t address) {
    return *reinterpret_cast<volatile std::uint32_t*>(address);
}

}  // namespace

[[gnu::noinline]] void fault_here() {
#if defined(RIVET_FAULT_UNDEFINED)
    asm volatile("udf #0");
#elif defined(RIVET_FAULT_DIVIDE)
    reg(0xE000ED14u) = reg(0xE000ED14u) | (1u << 4);  // CCR.DIV_0_TRP
    asm volatile("dsb\n isb" ::: "memory");
    sink = 100u / divisor;
#elif defined(RIVET_FAULT_NMI)
    reg(0xE000ED04u) = 1u << 31;  // ICSR.NMIPENDSET
    asm volatile("dsb\n isb" ::: "memory");
#elif defined(RIVET_FAULT_USAGE_ENABLED)
    reg(0xE000ED24u) = reg(0xE000ED24u) | (1u << 18);  // SHCSR.USGFAULTENA: no escalation
    asm volatile("dsb\n isb\n udf #1" ::: "memory");
#elif defined(RIVET_FAULT_BUS)
    sink = reg(0x1ffffff8u);  // just below RAM
#else
#error "pick a fault"
#endif
}

// Inlined at every optimisation level: the backtrace marks it so.
[[gnu::always_inline]] inline void inlined_step() {
    fault_here();
    sink = 2;
}

[[gnu::noinline]] void call_the_faulting_function() {
    inlined_step();
    sink = 1;
}

extern "C" void rivet_irq_0() {
    call_the_faulting_function();
    sink = 3;  // not a tail call, so the handler keeps its frame
}

volatile float scale = 1.5f;

#if defined(RIVET_FAULT_ON_PSP)
// Thread mode on the process stack, as under an RTOS.
alignas(8) std::uint32_t process_stack[256];

void switch_to_process_stack() {
    asm volatile(
        "msr psp, %0\n"
        "movs r1, #2\n"  // CONTROL.SPSEL
        "msr control, r1\n"
        "isb\n" ::"r"(process_stack + 256)
        : "r1", "memory");
}
#endif

int main() {
    rivet::console::write_line("about to fault");
#if defined(RIVET_FAULT_AFTER_FPU)
    // Floating-point state is live, so the core stacks an FPU-extended frame.
    scale = scale * 3.0f;
#endif
#if defined(RIVET_FAULT_ON_PSP)
    switch_to_process_stack();
#endif
#if defined(RIVET_FAULT_IN_INTERRUPT)
    reg(0xE000E100u) = 1u;  // NVIC_ISER0: enable interrupt 0
    reg(0xE000E200u) = 1u;  // NVIC_ISPR0: and make it pending
    // QEMU takes the interrupt at the end of a translation block, after the
    // ISB at the latest; the NOP keeps the return address on a line of main
    // whatever code follows (an inlined call would show as its own frame).
    asm volatile("dsb\n isb\n nop" ::: "memory");
#else
    call_the_faulting_function();
#endif
    rivet::console::write_line("did not fault");
    return 0;
}
