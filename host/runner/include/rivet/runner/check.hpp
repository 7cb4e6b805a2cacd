// Before anything is loaded: which board a firmware is for, and whether it
// can run there (memory, vector table, initial SP, architecture, FPU).
#pragma once

#include <rivet/board/description.hpp>
#include <rivet/elf/file.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rivet::runner {

// The board an ELF was built for: `name` if given (a built-in board),
// otherwise the description rivet_add_firmware put into the ELF.
board::description board_for(const elf::file& firmware, const std::optional<std::string>& name);

// The board rivet_add_firmware recorded in the ELF, if any.
std::optional<std::string> recorded_board(const elf::file& firmware);

// The QEMU devices the firmware asks for beside the board's own
// (RIVET_EMULATED_DEVICE), in the order it names them. Throws bad_input
// when the section is malformed.
std::vector<std::string> emulated_devices(const elf::file& firmware);

// Where the core finds the firmware's vector table: Rivet's
// rivet_vector_table, or the board's boot address.
std::uint32_t vector_table_address(const elf::file& firmware, const board::description& board);

// Throws bad_input, naming what and the board, when the firmware cannot run
// on the board: a load segment or an allocated section (.bss, a NOLOAD
// stack too) outside its memory, no vector table where it boots, an initial
// SP outside its RAM, a reset vector into nothing, or code for another
// architecture or an FPU the core lacks.
void check_fits(const elf::file& firmware, const board::description& board);

}  // namespace rivet::runner
