// `rivet run`'s work, independent of how the target is reached and of how
// the result is shown: check, load, reset, run until the firmware ends, and
// say how it ended as a value (the CLI prints it and picks the exit code).
#pragma once

#include <rivet/board/description.hpp>
#include <rivet/elf/file.hpp>
#include <rivet/probe/probe.hpp>
#include <rivet/probe/service.hpp>
#include <rivet/runner/fault.hpp>

#include <atomic>
#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace rivet::runner {

struct run_options {
    std::chrono::milliseconds timeout{0};  // zero: wait for ever
    bool verify = true;                    // read the loaded bytes back
    // Polled while the firmware runs; when it becomes true the run ends
    // as interrupted.
    const std::atomic<bool>* interrupted = nullptr;
    // Run beside the firmware (e.g. the RTT log reader); not owned.
    std::vector<probe::target_service*> services;
    // When the firmware exits with a non-zero code (a panic, a failed
    // assert), read where it called rivet::exit from.
    bool backtrace_on_error_exit = false;
};

// How a run ended.
struct run_outcome {
    enum class ending {
        exited,       // the firmware exited with exit_code
        fault,        // it took a fault no handler of its own caught: `fault`
        timeout,      // run_options::timeout passed
        interrupted,  // run_options::interrupted became true
    };
    ending how = ending::exited;
    int exit_code = 0;  // exited: 0-255
    std::optional<fault_report_data> fault;
    // timeout and interrupted (when the core could be halted), and a
    // non-zero exit with backtrace_on_error_exit: where the core was.
    std::optional<backtrace_result> backtrace;
    std::string stopped_at;  // "0x00000124 in main", with a backtrace
};

// check_fits, load, reset, run until the firmware ends. Throws only for
// what goes wrong around the firmware: bad input, the probe's errors, a
// target that halts for no known reason (io).
run_outcome run(probe::probe& target, const elf::file& firmware, const board::description& board,
                const run_options& options);

// `rivet attach`: joins a firmware already running there, neither loading
// nor resetting it. The services see it (their attach() is not called: it
// prepares a freshly loaded image) and the traps end it as in run(), until
// the timeout or the interrupt; then the core is detached running, the
// traps removed, and the ending is timeout or interrupted. A firmware that
// exits or faults meanwhile is left halted there, as run() leaves it.
run_outcome attach(probe::probe& target, const elf::file& firmware, const board::description& board,
                   const run_options& options);

}  // namespace rivet::runner
