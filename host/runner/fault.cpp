#include <rivet/backtrace/backtrace.hpp>
#include <rivet/runner/fault.hpp>
#include <rivet/support/error.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>

namespace rivet::runner {
namespace {

// System control block addresses of the fault status registers.
constexpr std::uint32_t cfsr_address = 0xE000ED28u;
constexpr std::uint32_t hfsr_address = 0xE000ED2Cu;
constexpr std::uint32_t mmfar_address = 0xE000ED34u;
constexpr std::uint32_t bfar_address = 0xE000ED38u;

bool is_armv6m(const board::description& board) {
    return board.cpu == "cortex-m0" || board.cpu == "cortex-m0plus";
}

// A word of target memory, or nullopt when the probe cannot read it.
std::optional<std::uint32_t> read_system_word(probe::probe& target, std::uint32_t address) {
    try {
        auto bytes = target.read_memory(address, 4);
        if (bytes.size() != 4) return std::nullopt;
        std::uint32_t value = 0;
        std::memcpy(&value, bytes.data(), 4);
        return value;
    } catch (const Error&) {
        return std::nullopt;
    }
}

// A word inside the board's memory map: the unwinder follows pointers from a
// possibly corrupt stack, and a wild read can hang a real bus.
std::optional<std::uint32_t> read_word(probe::probe& target, const board::description& board,
                                       std::uint32_t address) {
    if (!board.region_for(address, 4)) return std::nullopt;
    return read_system_word(target, address);
}

std::optional<std::uint32_t> symbol_value(const elf::file& firmware, const char* name) {
    // Linker-script symbols (__stack_bottom__) are not functions: read
    // their raw value, which find_symbol keeps for data symbols.
    if (auto symbol = firmware.find_symbol(name)) return symbol->value;
    return std::nullopt;
}

backtrace::registers read_registers(probe::probe& target) {
    backtrace::registers regs;
    for (unsigned i = 0; i < 13; ++i) regs.r[i] = target.read_register(fmt::format("r{}", i));
    regs.r[13] = target.read_register("sp");
    regs.r[14] = target.read_register("lr");
    regs.r[15] = target.read_register("pc");
    if (target.has_register("msp")) regs.msp = target.read_register("msp");
    if (target.has_register("psp")) regs.psp = target.read_register("psp");
    return regs;
}

std::string format_backtrace(const backtrace::debug_info& info, backtrace::trace trace,
                             const std::string& dropped_function) {
    // Frames of the trap itself say nothing to the reader.
    while (!trace.frames.empty() && !dropped_function.empty() &&
           trace.frames.front().locations.back().function == dropped_function) {
        trace.frames.erase(trace.frames.begin());
    }
    std::string out = "backtrace:\n";
    if (!info.problem().empty()) out += fmt::format("  (note: {})\n", info.problem());
    out += backtrace::format(trace);
    return out;
}

struct stack_bounds {
    std::uint32_t bottom;
    std::uint32_t top;
    std::uint32_t guard;
};

std::optional<stack_bounds> main_stack(const elf::file& firmware) {
    auto bottom = symbol_value(firmware, "__stack_bottom__");
    auto top = symbol_value(firmware, "__stack_top__");
    if (!bottom || !top || *bottom >= *top) return std::nullopt;
    auto guard = symbol_value(firmware, "__stack_guard__");
    return stack_bounds{*bottom, *top, guard ? *guard : *bottom};
}

// After an overflow the frames nearest the stack's bottom are the deepest
// calls: name the functions their return addresses point into (a recursion
// shows as one function many times).
std::string stack_bottom_summary(probe::probe& target, const backtrace::debug_info& info,
                                 const stack_bounds& stack) {
    constexpr std::uint32_t scan_bytes = 256;
    const std::uint32_t length = std::min(scan_bytes, stack.top - stack.bottom);
    std::vector<std::uint8_t> bytes;
    try {
        bytes = target.read_memory(stack.bottom, length);
    } catch (const Error&) {
        return "  (the stack cannot be read)";
    }
    std::vector<std::pair<std::string, unsigned>> counts;
    for (std::size_t offset = 0; offset + 4 <= bytes.size(); offset += 4) {
        std::uint32_t word = 0;
        std::memcpy(&word, bytes.data() + offset, 4);
        if ((word & 1u) == 0 || word < 2) continue;  // return addresses are Thumb
        auto where = info.symbolize((word & ~1u) - 1);
        const auto& name = where.back().function;
        if (name.empty()) continue;
        auto it = std::find_if(counts.begin(), counts.end(),
                               [&](const auto& c) { return c.first == name; });
        if (it == counts.end()) {
            counts.emplace_back(name, 1);
        } else {
            ++it->second;
        }
    }
    if (counts.empty()) return "  (no return addresses near the bottom of the stack)";
    std::string out =
        fmt::format("  return addresses in the lowest {} bytes of the stack point into:", length);
    for (const auto& [name, count] : counts) out += fmt::format("\n    {} ({}x)", name, count);
    return out;
}

}  // namespace

std::string exception_name(std::uint32_t number) {
    switch (number) {
        case 2:
            return "NMI";
        case 3:
            return "HardFault";
        case 4:
            return "MemManage fault";
        case 5:
            return "BusFault";
        case 6:
            return "UsageFault";
        case 11:
            return "SVCall";
        case 12:
            return "DebugMonitor";
        case 14:
            return "PendSV";
        case 15:
            return "SysTick";
        default:
            return number >= 16 ? fmt::format("interrupt {}", number - 16)
                                : fmt::format("reserved exception {}", number);
    }
}

std::vector<std::string> describe_fault_status(const fault_status& s) {
    std::vector<std::string> out;
    auto bit = [](std::uint32_t value, unsigned n) { return (value >> n) & 1u; };
    const bool mmar_valid = bit(s.cfsr, 7);
    const bool bfar_valid = bit(s.cfsr, 15);
    const std::string at_mmfar = mmar_valid ? fmt::format(" at 0x{:08x}", s.mmfar) : "";
    const std::string at_bfar = bfar_valid ? fmt::format(" at 0x{:08x}", s.bfar) : "";
    // MemManage (CFSR[7:0])
    if (bit(s.cfsr, 0))
        out.push_back("MPU: instruction fetch from a no-execute or no-access region" + at_mmfar);
    if (bit(s.cfsr, 1)) out.push_back("MPU: data access violation" + at_mmfar);
    if (bit(s.cfsr, 3)) out.push_back("MPU: fault while unstacking on exception return");
    if (bit(s.cfsr, 4)) out.push_back("MPU: fault while stacking for an exception entry");
    if (bit(s.cfsr, 5)) out.push_back("MPU: fault during lazy floating-point state preservation");
    // BusFault (CFSR[15:8])
    if (bit(s.cfsr, 8)) out.push_back("bus fault on instruction fetch");
    if (bit(s.cfsr, 9)) out.push_back("precise bus fault" + at_bfar);
    if (bit(s.cfsr, 10)) out.push_back("imprecise bus fault (a buffered write; the PC is past it)");
    if (bit(s.cfsr, 11)) out.push_back("bus fault while unstacking on exception return");
    if (bit(s.cfsr, 12)) out.push_back("bus fault while stacking for an exception entry");
    if (bit(s.cfsr, 13)) out.push_back("bus fault during lazy floating-point state preservation");
    if (bfar_valid && !bit(s.cfsr, 9))
        out.push_back(fmt::format("bus fault address 0x{:08x}", s.bfar));
    // UsageFault (CFSR[31:16])
    if (bit(s.cfsr, 16)) out.push_back("undefined instruction");
    if (bit(s.cfsr, 17))
        out.push_back(
            "invalid state: execution in ARM state (a call through a bad function pointer?)");
    if (bit(s.cfsr, 18)) out.push_back("invalid EXC_RETURN value on exception return");
    if (bit(s.cfsr, 19))
        out.push_back("coprocessor instruction with the coprocessor disabled or absent (FPU?)");
    if (bit(s.cfsr, 24)) out.push_back("unaligned access");
    if (bit(s.cfsr, 25)) out.push_back("divide by zero");
    // HardFault status
    if (bit(s.hfsr, 1)) out.push_back("bus fault reading the vector table");
    if (bit(s.hfsr, 30))
        out.push_back(
            "escalated to HardFault (the fault's own handler is disabled or could not run)");
    if (bit(s.hfsr, 31)) out.push_back("debug event");
    return out;
}

namespace {

std::string full_report(probe::probe& target, const elf::file& firmware,
                        const board::description& board, std::uint32_t exception_number);

}  // namespace

std::string fault_report(probe::probe& target, const elf::file& firmware,
                         const board::description& board, std::uint32_t exception_number) {
    try {
        return full_report(target, firmware, board, exception_number);
    } catch (const Error& e) {
        // The fault is the news even when the target cannot tell us more.
        return fmt::format("firmware fault: unhandled {} (exception {})\n  (no further report: {})",
                           exception_name(exception_number), exception_number, e.what());
    }
}

namespace {

std::string full_report(probe::probe& target, const elf::file& firmware,
                        const board::description& board, std::uint32_t exception_number) {
    auto regs = read_registers(target);
    const std::uint32_t exc_return = regs.r[14];
    const bool from_default_handler =
        backtrace::is_exc_return(exc_return) && regs.r[1] == exc_return;
    // The interrupted code's stack: the frame the core stacked on entry.
    std::optional<std::uint32_t> frame_at;
    if (from_default_handler) {
        frame_at = regs.r[2];
        // A GDB stub without the banked SPs (QEMU 7.2) still gets the PSP
        // frame: the default handler passed its address.
        if ((exc_return & 0x4) != 0 && !regs.psp) regs.psp = regs.r[2];
    }

    std::optional<fault_status> status;
    if (!is_armv6m(board)) {
        auto cfsr = read_system_word(target, cfsr_address);
        auto hfsr = read_system_word(target, hfsr_address);
        auto mmfar = read_system_word(target, mmfar_address);
        auto bfar = read_system_word(target, bfar_address);
        if (cfsr && hfsr) status = fault_status{*cfsr, *hfsr, mmfar.value_or(0), bfar.value_or(0)};
    }

    // A stack overflow: the stacked frame (or the faulting access) lies below
    // the bottom of the main stack.
    std::string overflow;
    bool frame_lost = false;  // the core stacked (or tried to) below the stack
    const auto stack = main_stack(firmware);
    if (stack) {
        const bool frame_below = frame_at && (exc_return & 0x4) == 0 && *frame_at < stack->bottom;
        bool access_below = false;
        if (status) {
            const bool mmar_valid = (status->cfsr >> 7) & 1u;
            const bool bfar_valid = (status->cfsr >> 15) & 1u;
            // An access to the MPU guard below the stack (a wild access
            // further below is no overflow).
            auto below = [&](std::uint32_t address) {
                return address >= stack->guard && address < stack->bottom;
            };
            access_below =
                (mmar_valid && below(status->mmfar)) || (bfar_valid && below(status->bfar));
        }
        frame_lost = frame_below;
        if (frame_below || access_below) {
            overflow = fmt::format(
                "stack overflow: the main stack ran past its bottom at 0x{:08x} ({} bytes, "
                "0x{:08x}-0x{:08x}){}",
                stack->bottom, stack->top - stack->bottom, stack->bottom, stack->top,
                frame_at ? fmt::format("; SP 0x{:08x}", *frame_at) : "");
        }
    }

    std::string out;
    if (!overflow.empty()) {
        out += fmt::format("firmware fault: {}\n", overflow);
        out += fmt::format("  exception: {} (exception {})\n", exception_name(exception_number),
                           exception_number);
    } else {
        out += fmt::format("firmware fault: unhandled {} (exception {})\n",
                           exception_name(exception_number), exception_number);
    }
    if (status) {
        out += fmt::format("  CFSR 0x{:08x}  HFSR 0x{:08x}  MMFAR 0x{:08x}  BFAR 0x{:08x}\n",
                           status->cfsr, status->hfsr, status->mmfar, status->bfar);
        for (const auto& cause : describe_fault_status(*status))
            out += fmt::format("  - {}\n", cause);
    } else if (is_armv6m(board)) {
        out += "  (ARMv6-M has no fault status registers: every fault is a HardFault)\n";
    }

    // The registers of the interrupted code: r0-r3, r12, lr, pc, xpsr as the
    // core stacked them, r4-r11 as they are now.
    auto shown = regs;
    std::string where = "registers (at the trap):";
    if (frame_at && frame_lost) {
        where = fmt::format(
            "registers (at the trap; the core could not stack the exception frame "
            "at 0x{:08x}, below the stack):",
            *frame_at);
    } else if (frame_at) {
        std::array<std::optional<std::uint32_t>, 8> stacked;
        bool complete = true;
        for (std::uint32_t i = 0; i < 8; ++i) {
            stacked[i] = read_word(target, board, *frame_at + 4 * i);
            complete = complete && stacked[i].has_value();
        }
        if (complete) {
            for (unsigned i = 0; i < 4; ++i) shown.r[i] = *stacked[i];
            shown.r[12] = *stacked[4];
            shown.r[14] = *stacked[5];
            shown.r[15] = *stacked[6];
            std::uint32_t size = (exc_return & 0x10) ? 0x20 : 0x68;
            if (*stacked[7] & (1u << 9)) size += 4;
            shown.r[13] = *frame_at + size;
            where =
                fmt::format("registers (when the fault was taken; xPSR 0x{:08x}):", *stacked[7]);
        } else {
            where = fmt::format(
                "registers (at the trap; the exception frame at 0x{:08x} is unreadable):",
                *frame_at);
        }
    }
    out += where + "\n";
    static constexpr const char* names[16] = {"r0", "r1", "r2",  "r3",  "r4",  "r5", "r6", "r7",
                                              "r8", "r9", "r10", "r11", "r12", "sp", "lr", "pc"};
    for (unsigned i = 0; i < 16; ++i) {
        out += fmt::format("  {:>4} 0x{:08x}", names[i], shown.r[i]);
        if (i % 4 == 3) out += '\n';
    }

    auto info = backtrace::debug_info::load(firmware.path().string());
    if (frame_lost && stack) {
        out += "backtrace: unavailable, the exception frame was never stacked\n";
        out += stack_bottom_summary(target, *info, *stack);
        return out;
    }
    auto reader = [&](std::uint32_t address) { return read_word(target, board, address); };
    auto trace = info->unwind(regs, reader);
    out +=
        format_backtrace(*info, std::move(trace), from_default_handler ? "rivet_fault_trap" : "");
    return out;
}

}  // namespace

std::string backtrace_report(probe::probe& target, const elf::file& firmware,
                             const board::description& board) {
    try {
        auto regs = read_registers(target);
        auto info = backtrace::debug_info::load(firmware.path().string());
        auto reader = [&](std::uint32_t address) { return read_word(target, board, address); };
        return format_backtrace(*info, info->unwind(regs, reader), "");
    } catch (const Error& e) {
        return fmt::format("backtrace: unavailable ({})", e.what());
    }
}

}  // namespace rivet::runner
