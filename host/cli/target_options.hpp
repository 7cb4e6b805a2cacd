// The options every command that talks to a target shares (ELF, --board,
// --probe), and turning them into a firmware, a board and a probe.
#pragma once

#include <rivet/board/description.hpp>
#include <rivet/elf/file.hpp>
#include <rivet/probe/probe.hpp>

#include <CLI/CLI.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace rivet::cli {

struct target_options {
    std::string elf;
    std::optional<std::string> board;
    std::string probe = "qemu";
    // Extra arguments for QEMU, e.g. a sensor: -device tmp105,address=0x48.
    std::vector<std::string> qemu_arguments;
    // --probe openocd|pyocd: the adapter and target instead of the board's.
    std::vector<std::string> probe_arguments;
    // Send rivet's stdin to the board's console UART (QEMU probe).
    bool forward_stdin = false;
    // Let the probe count instructions (QEMU: run under -icount).
    bool count_instructions = false;

    void add_to(CLI::App& command);
};

struct target_session {
    elf::file firmware;
    board::description board;
    std::unique_ptr<probe::probe> probe;
};

// Opens the ELF, picks the board, checks the ELF fits, then starts or
// connects to the probe; target output goes to stdout as it arrives.
target_session open_target(const target_options& options);

}  // namespace rivet::cli
