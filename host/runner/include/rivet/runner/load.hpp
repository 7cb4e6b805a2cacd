// Putting a firmware on a target: its load segments (read back to verify)
// and a reset from its vector table.
#pragma once

#include <rivet/board/description.hpp>
#include <rivet/elf/file.hpp>
#include <rivet/probe/probe.hpp>

#include <cstddef>
#include <functional>

namespace rivet::runner {

// The phases of a load, as progress reports them.
enum class load_phase { write, verify };

// Called after each chunk with the bytes done and the total of the phase.
using load_progress = std::function<void(load_phase phase, std::size_t done, std::size_t total)>;

// Writes every load segment; with verify, reads them back and compares.
// Returns the number of bytes loaded. Works in chunks of load_chunk bytes
// so that `progress` (optional) sees the phases advance.
std::size_t load(probe::probe& target, const elf::file& firmware, bool verify,
                 const load_progress& progress = {});
inline constexpr std::size_t load_chunk = 4096;

// Points SP and PC at the reset values in the ELF's vector table.
void reset(probe::probe& target, const elf::file& firmware, const board::description& board);

}  // namespace rivet::runner
