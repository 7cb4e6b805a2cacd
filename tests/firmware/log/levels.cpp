// Compile-time filtering: this file is built with RIVET_LOG_LEVEL=INFO, so
// the trace and debug calls compile to nothing (their format strings are
// not even in the ELF; log_no_strings checks that too).
#include <rivet/log/log.hpp>

int main() {
    RIVET_TRACE("filtered-trace-text {}", 1);
    RIVET_DEBUG("filtered-debug-text {}", 2);
    RIVET_INFO("info {}", 3);
    RIVET_WARN("warn {}", 4);
    RIVET_ERROR("error {}", 5);
    RIVET_PRINTLN("println {}", 6);
    return 0;
}
