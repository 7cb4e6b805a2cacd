// A fault on purpose, to show what `rivet run` reports when firmware
// crashes: the fault in words, the registers, and a backtrace with source
// lines through the calls that led there. The average of no samples divides
// by zero, which the Cortex-M3 traps once CCR.DIV_0_TRP is set (by default
// it quietly gives 0, a wrong reading nobody notices).
#include <rivet/log/log.hpp>

#include <array>
#include <cstdint>
#include <span>

namespace {

void trap_division_by_zero() {
    auto& ccr = *reinterpret_cast<volatile std::uint32_t*>(0xe000ed14);  // SCB->CCR
    ccr = ccr | (1u << 4);                                                // DIV_0_TRP
    asm volatile("dsb\n isb" ::: "memory");
}

[[gnu::noinline]] std::uint32_t average(std::span<const std::uint32_t> samples) {
    std::uint32_t sum = 0;
    for (auto sample : samples) sum += sample;
    return sum / static_cast<std::uint32_t>(samples.size());
}

[[gnu::noinline]] void report(const char* name, std::span<const std::uint32_t> samples) {
    RIVET_INFO("{}: {} samples, average {} mC", name, samples.size(), average(samples));
}

constexpr std::array<std::uint32_t, 4> indoor{21500, 21625, 21750, 21625};
volatile std::size_t outdoor_count = 0;  // the outdoor sensor has not answered yet
std::array<std::uint32_t, 4> outdoor{};

}  // namespace

int main() {
    trap_division_by_zero();
    report("indoor", indoor);
    report("outdoor", std::span(outdoor.data(), outdoor_count));
    RIVET_INFO("not reached");
    return 0;
}
