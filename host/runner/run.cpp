#include <rivet/contracts/runner.hpp>
#include <rivet/runner/fault.hpp>
#include <rivet/runner/run.hpp>
#include <rivet/support/error.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

namespace rivet::runner {
namespace {

namespace contracts = rivet::contracts;
using clock = std::chrono::steady_clock;

std::uint32_t read_u32(std::span<const std::uint8_t> bytes, std::size_t offset) {
    std::uint32_t value = 0;
    std::memcpy(&value, bytes.data() + offset, sizeof value);  // little-endian host and target
    return value;
}

// The ELF bytes that will sit at `address`, if a load segment covers it.
std::optional<std::uint32_t> word_at(const elf::file& firmware, std::uint32_t address) {
    for (const auto& segment : firmware.load_segments()) {
        if (address >= segment.load_address &&
            address - segment.load_address + 4 <= segment.data.size()) {
            return read_u32(segment.data, address - segment.load_address);
        }
    }
    return std::nullopt;
}

std::string where(const elf::file& firmware, std::uint32_t pc) {
    if (auto symbol = firmware.symbol_at(pc)) {
        return fmt::format("0x{:08x} in {}", pc, symbol->name);
    }
    return fmt::format("0x{:08x}", pc);
}

std::optional<std::uint32_t> symbol_address(const elf::file& firmware, const char* name) {
    if (auto symbol = firmware.find_symbol(name)) return symbol->value & ~1u;
    return std::nullopt;
}

}  // namespace

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

board::description board_for(const elf::file& firmware, const std::optional<std::string>& name) {
    if (name) {
        if (auto board = board::find_builtin(*name)) return *board;
        std::string known;
        for (const auto& n : board::builtin_names()) known += (known.empty() ? "" : ", ") + n;
        throw Error(ErrorKind::usage, fmt::format("unknown board '{}' (known: {})", *name, known));
    }
    if (auto board = recorded_description(firmware)) return *board;
    throw Error(ErrorKind::usage,
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
        return Error(ErrorKind::bad_input,
                     fmt::format("{}: {} lies outside the memory of board {} ({})", path, what,
                                 board.name, board.describe_memory()));
    };
    for (const auto& segment : firmware.load_segments()) {
        const auto size = static_cast<std::uint32_t>(segment.data.size());
        if (!board.region_for(segment.load_address, size)) {
            throw outside(fmt::format("segment at 0x{:08x} ({} bytes)", segment.load_address, size));
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
    const auto sp = word_at(firmware, table);
    const auto pc = word_at(firmware, table + 4);
    if (!sp || !pc) {
        throw Error(ErrorKind::bad_input,
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
    if (!word_at(firmware, *pc & ~1u)) {
        throw Error(ErrorKind::bad_input,
                    fmt::format("{}: the reset vector 0x{:08x} (vector table at 0x{:08x}) points "
                                "at nothing the ELF loads",
                                path, *pc, table));
    }
    const auto core = board::core_of(board.cpu);
    if (!core) return;
    const auto& code = firmware.cpu();
    if (code.arch && !board::runs_on(*code.arch, *core)) {
        throw Error(ErrorKind::bad_input,
                    fmt::format("{}: built for {}, which the {} of board {} does not execute",
                                path, elf::arch_name(*code.arch, code.profile), core->name, board.name));
    }
    if ((code.fp_arch != 0 || code.fp_registers_abi) && !core->fpu) {
        throw Error(ErrorKind::bad_input,
                    fmt::format("{}: built for a core with an FPU; the {} of board {} has none",
                                path, core->name, board.name));
    }
}

std::size_t load(probe::probe& target, const elf::file& firmware, bool verify) {
    std::size_t total = 0;
    for (const auto& segment : firmware.load_segments()) {
        target.write_memory(segment.load_address, segment.data);
        total += segment.data.size();
    }
    if (!verify) return total;
    for (const auto& segment : firmware.load_segments()) {
        auto back = target.read_memory(segment.load_address, segment.data.size());
        auto [ours, theirs] =
            std::mismatch(segment.data.begin(), segment.data.end(), back.begin(), back.end());
        if (ours != segment.data.end()) {
            auto offset = static_cast<std::uint32_t>(ours - segment.data.begin());
            throw Error(
                ErrorKind::io,
                fmt::format("verify failed: {} holds 0x{:02x} at 0x{:08x}, the ELF 0x{:02x} "
                            "(is the memory writable by the probe?)",
                            target.describe(), theirs == back.end() ? 0 : *theirs,
                            segment.load_address + offset, *ours));
        }
    }
    return total;
}

void reset(probe::probe& target, const elf::file& firmware, const board::description& board) {
    const auto table = vector_table_address(firmware, board);
    auto sp = word_at(firmware, table);
    auto pc = word_at(firmware, table + 4);
    if (!sp || !pc) {
        throw Error(ErrorKind::bad_input,
                    fmt::format("{}: no vector table at 0x{:08x} (nothing is loaded there)",
                                firmware.path().string(), table));
    }
    // Thread mode on the main stack, Thumb state, as after a real reset.
    if (target.has_register("control")) target.write_register("control", 0);
    if (target.has_register("msp")) target.write_register("msp", *sp);
    target.write_register("sp", *sp);
    target.write_register("lr", 0xffffffff);
    target.write_register("xpsr", 1u << 24);
    target.write_register("pc", *pc & ~1u);
}

int run(probe::probe& target, const elf::file& firmware, const board::description& board,
        const run_options& options) {
    check_fits(firmware, board);
    load(target, firmware, options.verify);

    const auto exit_trap = symbol_address(firmware, contracts::exit_trap_symbol);
    const auto rivet_fault_trap = symbol_address(firmware, contracts::fault_trap_symbol);
    // Firmware Rivet did not link: stop at its own HardFault handler.
    const auto fault_trap =
        rivet_fault_trap ? rivet_fault_trap : foreign_fault_handler(firmware, board);
    if (exit_trap) target.set_breakpoint(*exit_trap);
    if (fault_trap) target.set_breakpoint(*fault_trap);

    reset(target, firmware, board);
    for (auto* service : options.services) service->attach(target);

    // Services drain what is left whenever the run ends with the core halted.
    auto finish = [&] {
        for (auto* service : options.services) service->finish(target);
    };
    auto is_trap = [&](std::uint32_t pc) {
        return (exit_trap && pc == *exit_trap) || (fault_trap && pc == *fault_trap);
    };
    auto halt = [&]() -> bool {
        target.halt();
        return target.wait_stop(std::chrono::milliseconds(500)).has_value();
    };

    // The shortest interval any service asks for; services may adapt theirs
    // to the traffic they see, so this is asked again after every poll.
    auto shortest_poll_interval = [&] {
        std::chrono::milliseconds shortest{0};
        for (auto* service : options.services) {
            auto interval = service->poll_interval();
            if (interval.count() > 0 && (shortest.count() == 0 || interval < shortest)) {
                shortest = interval;
            }
        }
        return shortest;
    };
    auto poll_interval = shortest_poll_interval();

    target.run();
    const auto started = clock::now();
    auto next_poll = started + poll_interval;
    for (;;) {
        if (options.interrupted && options.interrupted->load()) {
            std::string trace;
            if (halt()) {
                finish();
                trace = "\n" + backtrace_report(target, firmware, board);
            }
            throw Error(ErrorKind::interrupted, "interrupted" + trace);
        }
        if (options.timeout.count() > 0 && clock::now() - started >= options.timeout) {
            std::string at;
            try {
                if (halt()) {
                    finish();
                    at = fmt::format(" (stopped it at {})",
                                     where(firmware, target.read_register("pc")));
                    at += "\n" + backtrace_report(target, firmware, board);
                }
            } catch (const Error&) {
                // The timeout is the news; where it was is a bonus.
            }
            throw Error(ErrorKind::timeout,
                        fmt::format("timeout: the firmware did not exit within {} s{}",
                                    std::chrono::duration<double>(options.timeout).count(), at));
        }
        auto wait = std::chrono::milliseconds(50);
        if (poll_interval.count() > 0) {
            auto until_poll =
                std::chrono::duration_cast<std::chrono::milliseconds>(next_poll - clock::now());
            wait = std::clamp(until_poll, std::chrono::milliseconds(0), wait);
        }
        auto stop = target.wait_stop(wait);
        if (!stop) {
            if (poll_interval.count() == 0 || clock::now() < next_poll) continue;
            target.halt();
            stop = target.wait_stop(std::chrono::milliseconds(500));
            if (!stop) continue;  // it did not halt in time: its stop is seen next turn
            // The core may have hit a trap just before our halt request: then
            // this stop is the firmware's, not ours.
            const bool at_trap = stop->type == probe::stop_event::kind::exited ||
                                 is_trap(target.read_register("pc"));
            if (!at_trap) {
                for (auto* service : options.services) service->poll(target);
                target.run();
                if (auto shortest = shortest_poll_interval(); shortest.count() > 0) {
                    poll_interval = shortest;
                }
                next_poll = clock::now() + poll_interval;
                continue;
            }
        }
        if (stop->type == probe::stop_event::kind::exited) return stop->exit_code;

        finish();
        const std::uint32_t pc = target.read_register("pc");
        if (exit_trap && pc == *exit_trap) {
            const int code = static_cast<int>(target.read_register("r0") & 0xff);
            if (code != 0 && options.backtrace_on_error_exit) {
                fmt::print(stderr, "rivet: the firmware exited with {}; {}\n", code,
                           backtrace_report(target, firmware, board));
            }
            return code;
        }
        if (fault_trap && pc == *fault_trap) {
            const auto exception =
                rivet_fault_trap ? target.read_register("r0") : active_exception(target);
            throw Error(ErrorKind::target_fault, fault_report(target, firmware, board, exception));
        }
        throw Error(ErrorKind::io, fmt::format("the target halted unexpectedly at {} (signal {})",
                                               where(firmware, pc), stop->signal));
    }
}

}  // namespace rivet::runner
