// Timestamps from a user hook: this file turns them on for its own calls;
// the host prints each frame's value.
#define RIVET_LOG_TIMESTAMPS 1
#include <rivet/log/log.hpp>

#include <cstdint>

namespace {
std::uint64_t microseconds = 999'999'000;
}

extern "C" std::uint64_t rivet_log_timestamp() {
    return microseconds += 1000;
}

int main() {
    RIVET_INFO("first");
    RIVET_WARN("second {}", 2);
    return 0;
}
