// Logging from an interrupt and from thread mode at once: SysTick fires
// every few hundred cycles while main logs in a loop. Every frame must
// arrive whole (log_interrupts.sh checks both sequences and that nothing
// was skipped as corrupt).
#include <rivet/log/log.hpp>
#include <rivet/runtime/vector_table.hpp>

#include <cstdint>

namespace {
volatile std::uint32_t ticks = 0;
auto* const syst_csr = reinterpret_cast<volatile std::uint32_t*>(0xE000E010u);
auto* const syst_rvr = reinterpret_cast<volatile std::uint32_t*>(0xE000E014u);
auto* const syst_cvr = reinterpret_cast<volatile std::uint32_t*>(0xE000E018u);
}  // namespace

extern "C" void rivet_systick_handler() noexcept {
    const std::uint32_t n = ticks;
    RIVET_DEBUG("tick {} {}", n, RIVET_STR("from the interrupt"));
    ticks = n + 1;
}

int main() {
    *syst_rvr = 1500;
    *syst_cvr = 0;
    *syst_csr = 0b111;  // processor clock, interrupt, enable
    for (std::uint32_t i = 0; i < 20000; ++i) RIVET_INFO("main {} {}", i, RIVET_STR("thread mode"));
    *syst_csr = 0;
    RIVET_PRINTLN("ticks={}", static_cast<std::uint32_t>(ticks));
    return 0;
}
