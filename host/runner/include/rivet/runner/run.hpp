// `rivet run`'s work, independent of how the target is reached: check the
// ELF against the board, load and verify it, reset from its vector table,
// run, and turn the way the firmware stopped into an exit code.
#pragma once

#include <rivet/board/description.hpp>
#include <rivet/elf/file.hpp>
#include <rivet/probe/probe.hpp>
#include <rivet/runner/service.hpp>

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
    // with ErrorKind::interrupted.
    const std::atomic<bool>* interrupted = nullptr;
    // Run beside the firmware (e.g. the RTT log reader); not owned.
    std::vector<target_service*> services;
    // When the firmware exits with a non-zero code (a panic, a failed
    // assert), print where it called rivet::exit from (stderr).
    bool backtrace_on_error_exit = false;
};

// The board an ELF was built for: `name` if given (a built-in board),
// otherwise the description rivet_add_firmware put into the ELF.
board::description board_for(const elf::file& firmware, const std::optional<std::string>& name);

// Throws bad_input when a load segment lies outside the board's memory.
void check_fits(const elf::file& firmware, const board::description& board);

// Writes every load segment; with verify, reads them back and compares.
// Returns the number of bytes loaded.
std::size_t load(probe::probe& target, const elf::file& firmware, bool verify);

// Points SP and PC at the reset values in the ELF's vector table.
void reset(probe::probe& target, const elf::file& firmware, const board::description& board);

// check_fits, load, reset, run. Returns the firmware's exit code (0-255);
// throws timeout, interrupted, target_fault or the probe's errors.
int run(probe::probe& target, const elf::file& firmware, const board::description& board,
        const run_options& options);

}  // namespace rivet::runner
