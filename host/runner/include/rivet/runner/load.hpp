// Putting a firmware on a target: its load segments (read back to verify)
// and a reset from its vector table.
#pragma once

#include <rivet/board/description.hpp>
#include <rivet/elf/file.hpp>
#include <rivet/probe/probe.hpp>

#include <cstddef>

namespace rivet::runner {

// Writes every load segment; with verify, reads them back and compares.
// Returns the number of bytes loaded.
std::size_t load(probe::probe& target, const elf::file& firmware, bool verify);

// Points SP and PC at the reset values in the ELF's vector table.
void reset(probe::probe& target, const elf::file& firmware, const board::description& board);

}  // namespace rivet::runner
