// What the async tests share: a trace of letters the tasks and handlers
// append to (in a critical section: handlers preempt tasks), checked step
// by step, and a count of failed checks that main() turns into the exit code.
#pragma once

#include <rivet/cortex_m/critical_section.hpp>
#include <rivet/log/log.hpp>

#include <array>
#include <cstddef>
#include <string_view>

namespace test {

inline std::array<char, 32> trace{};
inline volatile std::size_t traced = 0;
inline int failures = 0;

inline void record(char what) {
    const rivet::cortex_m::critical_section masked;
    if (traced < trace.size()) trace[traced] = what;
    traced = traced + 1;
}

// Logs the trace as `step: trace` when it is `wanted`, else an error; then
// starts a new one.
inline void expect_trace(const char* step, std::string_view wanted) {
    const std::string_view seen(trace.data(), traced < trace.size() ? traced : trace.size());
    if (seen != wanted) {
        RIVET_ERROR("{}: \"{}\", expected \"{}\"", step, seen, wanted);
        ++failures;
    } else {
        RIVET_INFO("{}: {}", step, seen);
    }
    traced = 0;
}

inline void check(bool ok, const char* what) {
    if (!ok) {
        RIVET_ERROR("{}: FAILED", what);
        ++failures;
    }
}

}  // namespace test
