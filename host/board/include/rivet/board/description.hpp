// A board as the host sees it: which QEMU machine emulates it, its CPU and
// memory map, read from the board description (docs/board-description.md)
// that is built into `rivet` or carried in a firmware ELF.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rivet::board {

struct memory_region {
    std::string name;
    std::string kind;  // "flash" or "ram"
    std::uint32_t origin = 0;
    std::uint32_t length = 0;

    [[nodiscard]] bool contains(std::uint32_t address, std::uint32_t size) const {
        return address >= origin && size <= length && address - origin <= length - size;
    }
};

// A condition on a device register: the word at `address` has every bit
// of `mask` set.
struct register_condition {
    std::uint32_t address = 0;
    std::uint32_t mask = 0;
};

struct description {
    std::string name;
    std::string summary;
    std::string cpu;
    std::uint32_t clock_hz = 0;
    unsigned interrupts = 0;
    std::vector<memory_region> memory;
    std::string console_driver;
    std::uint32_t console_base = 0;
    std::string qemu_machine;  // empty: no emulator for this board
    // When QEMU's model of the console UART loses what it receives before
    // the firmware has set the receiver up, the register condition that
    // says it has: console input waits in rivet until it holds.
    std::optional<register_condition> qemu_console_ready;
    // For the real board: the arguments that name its debug adapter and
    // target to each GDB server Rivet can start ("openocd", "pyocd").
    std::map<std::string, std::vector<std::string>, std::less<>> probe_servers;

    // The region holding [address, address + size), if one does.
    [[nodiscard]] const memory_region* region_for(std::uint32_t address, std::uint32_t size) const;
    // Where the core reads its vector table at reset: the flash region's
    // origin (the first region when there is no flash).
    [[nodiscard]] std::uint32_t boot_address() const;
    // "flash 0x00000000-0x0003ffff, ram 0x20000000-0x2000ffff", for messages.
    [[nodiscard]] std::string describe_memory() const;
};

// What a core executes, in the numbering of the AEABI's Tag_CPU_arch.
struct core_profile {
    std::string name;   // "Cortex-M3"
    unsigned arch = 0;  // 11 ARMv6-M, 10 ARMv7(-M), 13 ARMv7E-M, 17 ARMv8-M mainline, ...
    bool fpu = false;
};

// The core of a board's "cpu" ("cortex-m4f"), if Rivet knows it.
std::optional<core_profile> core_of(std::string_view cpu);

// True when code built for `code_arch` (Tag_CPU_arch) runs on `core`.
bool runs_on(unsigned code_arch, const core_profile& core);

// Parses a board description; `source` names it in errors (a file path, or
// "PATH (.rivet.board)"). Throws rivet::error(bad_input).
description parse(std::string_view json_text, std::string_view source);

// The boards shipped with Rivet (the boards/ folder, built in).
std::optional<description> find_builtin(std::string_view name);
std::vector<std::string> builtin_names();
// The example firmwares Rivet's build has for a built-in board (CMake
// targets: "hello-microbit", "microbit-blink", ...).
std::vector<std::string> builtin_examples(std::string_view board);

}  // namespace rivet::board
