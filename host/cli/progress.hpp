// Progress of a long operation on a terminal: one line per phase, redrawn
// in place, with a bar, the bytes done and the throughput.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>

namespace rivet::cli {

// "write   [##########----------]  12.0/24.0 KiB  310 KiB/s" (no newline).
std::string progress_line(std::string_view phase, std::size_t done, std::size_t total,
                          double seconds);

// Draws progress_line on `out` while a phase advances, at most every 50 ms
// and always at the phase's end, which ends the line. Draws nothing when
// `out` is not a terminal: scripts and logs get the caller's summary only.
class progress_display {
public:
    progress_display(std::FILE* out, bool terminal) : out_(out), terminal_(terminal) {}
    void update(std::string_view phase, std::size_t done, std::size_t total);

private:
    using clock = std::chrono::steady_clock;
    std::FILE* out_;
    bool terminal_;
    std::string phase_;
    clock::time_point phase_start_{};
    clock::time_point last_draw_{};
};

}  // namespace rivet::cli
