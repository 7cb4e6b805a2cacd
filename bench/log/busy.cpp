// Polling cost: a fixed amount of work after one log line (so the RTT block
// exists and rivet run polls it, idle, for the whole run); run.sh times it
// under rivet run against plain QEMU with no debugger attached.
#include <rivet/log/log.hpp>

#include <cstdint>

int main() {
    RIVET_INFO("working");
    volatile std::uint32_t sink = 0;
    for (std::uint32_t i = 0; i < 1'000'000'000; ++i) sink = sink + i;
    RIVET_INFO("done {}", static_cast<std::uint32_t>(sink));
    return 0;
}
