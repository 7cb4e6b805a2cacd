// Timestamps from a user hook: this file turns them on for its own calls;
// the host prints each frame's value, in seconds when the firmware says
// what a tick is (RIVET_TEST_MICROSECONDS).
#define RIVET_LOG_TIMESTAMPS 1
#include <rivet/log/log.hpp>

#include <cstdint>

namespace {
std::uint64_t microseconds = 999'999'000;
}

#ifdef RIVET_TEST_MICROSECONDS
RIVET_LOG_TIMESTAMP_HZ(1'000'000);
#endif

extern "C" std::uint64_t rivet_log_timestamp() {
    return microseconds += 1000;
}

int main() {
    RIVET_INFO("first");
    RIVET_WARN("second {}", 2);
    return 0;
}
