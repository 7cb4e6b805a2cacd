// Reliability: 100,000 messages as fast as the firmware can log them, in
// blocking mode; log_stress.sh checks that all arrive, in order.
#include <rivet/log/log.hpp>

#include <cstdint>

int main() {
    for (std::uint32_t i = 0; i < 100000; ++i) RIVET_INFO("seq {}", i);
    RIVET_PRINTLN("done");
    return 0;
}
