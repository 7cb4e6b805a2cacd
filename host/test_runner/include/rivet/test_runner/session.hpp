// `rivet test`'s work, independent of how the target is reached and of how
// results are shown: load the firmware once, then for each case reset the
// whole system, hand the firmware the case at the handshake
// (contracts/testing.hpp), run it to its end and judge it. A case that
// fails, faults or hangs is reported with where and why, and the next case
// runs on a freshly reset target, so one failure hides no other.
#pragma once

#include <rivet/board/description.hpp>
#include <rivet/elf/file.hpp>
#include <rivet/probe/probe.hpp>
#include <rivet/probe/service.hpp>
#include <rivet/runner/fault.hpp>
#include <rivet/test_runner/cases.hpp>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace rivet::test_runner {

struct case_result {
    enum class verdict { passed, failed, ignored };
    test_case which{};
    verdict how = verdict::passed;
    // From the handshake to the end of the case (setup, body, teardown and
    // the way out: the per-case overhead is in BENCHMARKS.md), when the
    // probe counts instructions.
    std::optional<std::uint64_t> instructions{};
    // Failed: why, in words ("panicked", "exited with 3", "took a fault",
    // "timed out after 10 s", "passed, but should_fail expects a failure").
    std::string reason{};
    // Failed: "file:line (function)" of the failure, when the backtrace says.
    std::string location{};
    std::optional<runner::fault_report_data> fault{};
    std::optional<runner::backtrace_result> backtrace{};
};

struct session_options {
    // Per case, from the handshake (the firmware's start before it has at
    // least 10 s); zero: none.
    std::chrono::milliseconds timeout{10000};
    bool verify = true;
    const std::atomic<bool>* interrupted = nullptr;
    // Run beside every case (the RTT log reader); attached after each reset.
    std::vector<probe::target_service*> services;
    // Told as each case starts and ends (for printing as it goes).
    std::function<void(const test_case&)> on_start;
    std::function<void(const case_result&)> on_result;
};

struct session_result {
    std::vector<case_result> results;  // in the order run (ignored ones too)
    bool interrupted = false;          // Ctrl-C: the cases after it did not run
    [[nodiscard]] std::size_t count(case_result::verdict v) const;
};

// Loads the firmware (check_fits, load, verify) and goes through `cases` in
// order: those `chosen` runs, the ignored ones it reports without running,
// the rest it leaves out. Throws only for what goes wrong around the
// firmware (bad input, the probe's errors).
session_result run_cases(probe::probe& target, const elf::file& firmware,
                         const board::description& board, const std::vector<test_case>& cases,
                         const selection& chosen, const session_options& options);

// Where a failure happened: the first frame of the backtrace that is not
// Rivet's way out (rivet::exit, the panic path, the fault trap and the
// handler before the exception entry). "file:line (function)", or empty.
std::string failure_location(const backtrace::trace& trace);

}  // namespace rivet::test_runner
