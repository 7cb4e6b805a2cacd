// Whether a firmware can run on a board, decided before anything is loaded.
#include <rivet/contracts/runner.hpp>
#include <rivet/runner/check.hpp>
#include <rivet/support/error.hpp>

#include <fmt/format.h>

namespace rivet::runner {

namespace {

// The board description rivet_add_firmware put into the ELF, if any.
std::optional<board::description> recorded_description(const elf::file& firmware) {
    auto note = firmware.section(contracts::board_section);
    if (!note || note->empty()) return std::nullopt;
    std::string_view text(reinterpret_cast<const char*>(note->data()), note->size());
    text = text.substr(0, text.find('\0'));
    return board::parse(text,
                        fmt::format("{} ({})", firmware.path().string(), contracts::board_section));
}

}  // namespace

std::optional<std::string> recorded_board(const elf::file& firmware) {
    auto board = recorded_description(firmware);
    if (!board) return std::nullopt;
    return board->name;
}

std::vector<std::string> emulated_devices(const elf::file& firmware) {
    std::vector<std::string> devices;
    auto note = firmware.section(contracts::emulated_devices_section);
    if (!note) return devices;
    std::string_view text(reinterpret_cast<const char*>(note->data()), note->size());
    while (!text.empty()) {
        const auto end = text.find('\0');
        if (end == std::string_view::npos) {
            throw error(error_kind::bad_input,
                        fmt::format("{}: section {} ends inside a device specification",
                                    firmware.path().string(), contracts::emulated_devices_section));
        }
        if (end > 0) devices.emplace_back(text.substr(0, end));
        text.remove_prefix(end + 1);
    }
    return devices;
}

board::description board_for(const elf::file& firmware, const std::optional<std::string>& name) {
    if (name) {
        if (auto board = board::find_builtin(*name)) return *board;
        std::string known;
        for (const auto& n : board::builtin_names()) known += (known.empty() ? "" : ", ") + n;
        throw error(error_kind::usage, fmt::format("unknown board '{}' (known: {})", *name, known));
    }
    if (auto board = recorded_description(firmware)) return *board;
    throw error(error_kind::usage,
                fmt::format("{}: the ELF does not say which board it is for (no {} section); "
                            "pass --board",
                            firmware.path().string(), contracts::board_section));
}

std::uint32_t vector_table_address(const elf::file& firmware, const board::description& board) {
    if (auto symbol = firmware.find_symbol(contracts::vector_table_symbol)) return symbol->value;
    return board.boot_address();
}

void check_fits(const elf::file& firmware, const board::description& board) {
    const std::string path = firmware.path().string();
    auto outside = [&](const std::string& what) {
        return error(error_kind::bad_input,
                     fmt::format("{}: {} lies outside the memory of board {} ({})", path, what,
                                 board.name, board.describe_memory()));
    };
    for (const auto& segment : firmware.load_segments()) {
        const auto size = static_cast<std::uint32_t>(segment.data.size());
        if (!board.region_for(segment.load_address, size)) {
            throw outside(
                fmt::format("segment at 0x{:08x} ({} bytes)", segment.load_address, size));
        }
    }
    // Also what is never loaded: .bss, a NOLOAD stack or heap.
    for (const auto& section : firmware.allocated_sections()) {
        if (!board.region_for(section.address, section.size)) {
            throw outside(fmt::format("section {} at 0x{:08x} ({} bytes)", section.name,
                                      section.address, section.size));
        }
    }
    const auto table = vector_table_address(firmware, board);
    const auto sp = firmware.word_at(table);
    const auto pc = firmware.word_at(table + 4);
    if (!sp || !pc) {
        throw error(error_kind::bad_input,
                    fmt::format("{}: no vector table at 0x{:08x}, where board {} boots (nothing "
                                "is loaded there)",
                                path, table, board.name));
    }
    // The stack grows down from the initial SP: its first push lands below it.
    const auto* stack = board.region_for(*sp - 4, 4);
    if (*sp < 4 || stack == nullptr || stack->kind != "ram") {
        throw outside(fmt::format("the initial stack pointer 0x{:08x} (vector table at 0x{:08x})",
                                  *sp, table));
    }
    if (!firmware.word_at(*pc & ~1u)) {
        throw error(error_kind::bad_input,
                    fmt::format("{}: the reset vector 0x{:08x} (vector table at 0x{:08x}) points "
                                "at nothing the ELF loads",
                                path, *pc, table));
    }
    const auto core = board::core_of(board.cpu);
    if (!core) return;
    const auto& code = firmware.cpu();
    if (code.arch && !board::runs_on(*code.arch, *core)) {
        throw error(error_kind::bad_input,
                    fmt::format("{}: built for {}, which the {} of board {} does not execute", path,
                                elf::arch_name(*code.arch, code.profile), core->name, board.name));
    }
    if ((code.fp_arch != 0 || code.fp_registers_abi) && !core->fpu) {
        throw error(error_kind::bad_input,
                    fmt::format("{}: built for a core with an FPU; the {} of board {} has none",
                                path, core->name, board.name));
    }
}

}  // namespace rivet::runner
