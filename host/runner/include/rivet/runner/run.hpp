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

// The board rivet_add_firmware recorded in the ELF, if any.
std::optional<std::string> recorded_board(const elf::file& firmware);

// Where the core finds the firmware's vector table: Rivet's
// rivet_vector_table, or the board's boot address.
std::uint32_t vector_table_address(const elf::file& firmware, const board::description& board);

// Throws bad_input, naming what and the board, when the firmware cannot run
// on the board: a load segment or an allocated section (.bss, a NOLOAD
// stack too) outside its memory, no vector table where it boots, an initial
// SP outside its RAM, a reset vector into nothing, or code for another
// architecture or an FPU the core lacks.
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
