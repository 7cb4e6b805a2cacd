// Reading a fault report and a backtrace from the halted target.
#include <rivet/backtrace/exceptions.hpp>
#include <rivet/contracts/layout.hpp>
#include <rivet/contracts/runner.hpp>
#include <rivet/runner/fault.hpp>
#include <rivet/support/error.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <map>

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
    } catch (const error&) {
        return std::nullopt;
    }
}

// Words inside the board's memory map (the unwinder follows pointers from a
// possibly corrupt stack, and a wild read can hang a real bus), fetched in
// aligned blocks: an unwind reads many neighbouring words, and each read is
// a round trip to the probe.
class target_memory {
public:
    target_memory(probe::probe& target, const board::description& board)
        : target_(target), board_(board) {}

    std::optional<std::uint32_t> operator()(std::uint32_t address) {
        if ((address & 3u) != 0 || !board_.region_for(address, 4)) {
            return board_.region_for(address, 4) ? read_system_word(target_, address)
                                                 : std::nullopt;
        }
        const std::uint32_t block = address & ~(block_size - 1);
        auto it = blocks_.find(block);
        if (it == blocks_.end()) {
            std::optional<std::vector<std::uint8_t>> bytes;
            if (board_.region_for(block, block_size)) {
                try {
                    bytes = target_.read_memory(block, block_size);
                } catch (const error&) {
                }
            }
            if (!bytes || bytes->size() != block_size) return read_system_word(target_, address);
            it = blocks_.emplace(block, std::move(*bytes)).first;
        }
        std::uint32_t word = 0;
        std::memcpy(&word, it->second.data() + (address - block), 4);
        return word;
    }

private:
    static constexpr std::uint32_t block_size = 64;
    probe::probe& target_;
    const board::description& board_;
    std::map<std::uint32_t, std::vector<std::uint8_t>> blocks_;
};

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

std::optional<std::uint32_t> symbol_value(const elf::file& firmware, const char* name) {
    // Linker-script symbols (__stack_bottom__) are not functions: read
    // their raw value, which find_symbol keeps for data symbols.
    if (auto symbol = firmware.find_symbol(name)) return symbol->value;
    return std::nullopt;
}

struct stack_bounds {
    std::uint32_t bottom;
    std::uint32_t top;
    std::uint32_t guard;
};

std::optional<stack_bounds> main_stack(const elf::file& firmware) {
    auto bottom = symbol_value(firmware, contracts::layout::stack_bottom_symbol);
    auto top = symbol_value(firmware, contracts::layout::stack_top_symbol);
    if (!bottom || !top || *bottom >= *top) return std::nullopt;
    auto guard = symbol_value(firmware, contracts::layout::stack_guard_symbol);
    return stack_bounds{*bottom, *top, guard ? *guard : *bottom};
}

// After an overflow the frames nearest the stack's bottom are the deepest
// calls: the functions their return addresses point into (a recursion shows
// as one function many times).
void scan_stack_bottom(probe::probe& target, const backtrace::debug_info& info,
                       const stack_bounds& stack, backtrace_result& out) {
    constexpr std::uint32_t scan_bytes = 256;
    const std::uint32_t length = std::min(scan_bytes, stack.top - stack.bottom);
    std::vector<std::uint8_t> bytes;
    try {
        bytes = target.read_memory(stack.bottom, length);
    } catch (const error&) {
        return;
    }
    out.scanned_bytes = length;
    for (std::size_t offset = 0; offset + 4 <= bytes.size(); offset += 4) {
        std::uint32_t word = 0;
        std::memcpy(&word, bytes.data() + offset, 4);
        if ((word & 1u) == 0 || word < 2) continue;  // return addresses are Thumb
        auto where = info.symbolize((word & ~1u) - 1);
        const auto& name = where.back().function;
        if (name.empty()) continue;
        auto it = std::find_if(out.near_stack_bottom.begin(), out.near_stack_bottom.end(),
                               [&](const auto& c) { return c.first == name; });
        if (it == out.near_stack_bottom.end()) {
            out.near_stack_bottom.emplace_back(name, 1);
        } else {
            ++it->second;
        }
    }
}

// Frames of the place the runner stopped at (the fault trap, a foreign
// handler's first instruction) say nothing to the reader.
void drop_leading(backtrace::trace& trace, const std::string& function) {
    while (!trace.frames.empty() && !function.empty() &&
           trace.frames.front().locations.back().function == function) {
        trace.frames.erase(trace.frames.begin());
    }
}

backtrace_result unwind(const backtrace::debug_info& info, const backtrace::registers& regs,
                        target_memory& memory, const std::string& dropped_function) {
    backtrace_result out;
    out.note = info.problem();
    auto trace = info.unwind(regs, std::ref(memory));
    drop_leading(trace, dropped_function);
    out.trace = std::move(trace);
    return out;
}

void read_into(fault_report_data& out, probe::probe& target, const elf::file& firmware,
               const board::description& board) {
    const auto exception_number = out.exception_number;
    auto regs = read_registers(target);
    auto info = backtrace::debug_info::load(firmware.path().string());
    const std::uint32_t exc_return = regs.r[14];
    const bool on_psp = (exc_return & 0x4u) != 0;
    // Rivet's default handler: r1 == LR == EXC_RETURN, r2 = the stacked frame.
    const bool from_default_handler =
        backtrace::is_exc_return(exc_return) && regs.r[1] == exc_return;
    // A foreign firmware's handler, stopped at its first instruction.
    const auto table = info->find_vector_table(board.boot_address());
    const bool at_handler_entry = !from_default_handler && backtrace::is_exc_return(exc_return) &&
                                  table && exception_number < table->handlers.size() &&
                                  table->handlers[exception_number] == (regs.r[15] & ~1u);
    // The interrupted code's stack: the frame the core stacked on entry.
    std::optional<std::uint32_t> frame_at;
    if (from_default_handler) {
        frame_at = regs.r[2];
        // A GDB stub without the banked SPs (QEMU 7.2) still gets the PSP
        // frame: the default handler passed its address.
        if (on_psp && !regs.psp) regs.psp = regs.r[2];
    } else if (at_handler_entry) {
        frame_at = on_psp ? regs.psp : std::optional<std::uint32_t>(regs.r[13]);
    }

    if (!out.armv6m) {
        auto cfsr = read_system_word(target, cfsr_address);
        auto hfsr = read_system_word(target, hfsr_address);
        auto mmfar = read_system_word(target, mmfar_address);
        auto bfar = read_system_word(target, bfar_address);
        if (cfsr && hfsr) {
            out.status = fault_status{*cfsr, *hfsr, mmfar.value_or(0), bfar.value_or(0)};
            out.causes = describe_fault_status(*out.status);
        }
    }

    // A stack overflow: the stacked frame (or the faulting access) lies below
    // the bottom of the main stack.
    bool frame_lost = false;  // the core stacked (or tried to) below the stack
    const auto stack = main_stack(firmware);
    if (stack) {
        const bool frame_below = frame_at && !on_psp && *frame_at < stack->bottom;
        bool access_below = false;
        if (out.status) {
            const bool mmar_valid = (out.status->cfsr >> 7) & 1u;
            const bool bfar_valid = (out.status->cfsr >> 15) & 1u;
            // An access to the MPU guard below the stack (a wild access
            // further below is no overflow).
            auto below = [&](std::uint32_t address) {
                return address >= stack->guard && address < stack->bottom;
            };
            access_below =
                (mmar_valid && below(out.status->mmfar)) || (bfar_valid && below(out.status->bfar));
        }
        frame_lost = frame_below;
        if (frame_below || access_below)
            out.stack_overflow = fault_report_data::overflow{stack->bottom, stack->top, frame_at};
    }

    // The registers of the interrupted code: r0-r3, r12, lr, pc, xpsr as the
    // core stacked them, r4-r11 as they are now.
    out.registers = regs.r;
    const std::string stopped_at =
        at_handler_entry ? "at the fault handler's entry" : "at the trap";
    out.registers_source = stopped_at;
    if (frame_at && frame_lost) {
        out.registers_source = fmt::format(
            "{}; the core could not stack the exception frame at 0x{:08x}, below the stack",
            stopped_at, *frame_at);
    } else if (frame_at) {
        target_memory memory(target, board);
        std::array<std::optional<std::uint32_t>, 8> stacked;
        bool complete = true;
        for (std::uint32_t i = 0; i < 8; ++i) {
            stacked[i] = memory(*frame_at + 4 * i);
            complete = complete && stacked[i].has_value();
        }
        if (complete) {
            for (unsigned i = 0; i < 4; ++i) out.registers[i] = *stacked[i];
            out.registers[12] = *stacked[4];
            out.registers[14] = *stacked[5];
            out.registers[15] = *stacked[6];
            std::uint32_t size = (exc_return & 0x10) ? 0x20 : 0x68;
            if (*stacked[7] & (1u << 9)) size += 4;
            out.registers[13] = *frame_at + size;
            out.xpsr = *stacked[7];
            out.registers_source = "when the fault was taken";
        } else {
            out.registers_source = fmt::format("{}; the exception frame at 0x{:08x} is unreadable",
                                               stopped_at, *frame_at);
        }
    }

    if (frame_lost && stack) {
        out.backtrace.note = info->problem();
        out.backtrace.unavailable = "the exception frame was never stacked";
        out.backtrace.overflow_scan = true;
        scan_stack_bottom(target, *info, *stack, out.backtrace);
        return;
    }
    std::string dropped;
    if (from_default_handler) dropped = contracts::fault_trap_symbol;
    if (at_handler_entry) dropped = info->symbolize(regs.r[15] & ~1u).back().function;
    target_memory memory(target, board);
    out.backtrace = unwind(*info, regs, memory, dropped);
}

}  // namespace

fault_report_data read_fault(probe::probe& target, const elf::file& firmware,
                             const board::description& board, std::uint32_t exception_number) {
    fault_report_data out;
    out.exception_number = exception_number;
    out.exception = backtrace::exception_name(exception_number);
    out.armv6m = is_armv6m(board);
    try {
        read_into(out, target, firmware, board);
    } catch (const error& e) {
        // The fault is the news even when the target cannot tell us more.
        out.incomplete = e.what();
    }
    return out;
}

backtrace_result read_backtrace(probe::probe& target, const elf::file& firmware,
                                const board::description& board) {
    try {
        auto regs = read_registers(target);
        auto info = backtrace::debug_info::load(firmware.path().string());
        target_memory memory(target, board);
        auto out = unwind(*info, regs, memory, "");
        // A firmware of its own that loops in a handler (a fault, an
        // interrupt nobody serves) is stopped there by a timeout or Ctrl-C.
        if (target.has_register("xpsr")) {
            if (const auto exception = active_exception(target); exception != 0)
                out.active_exception = exception;
        }
        return out;
    } catch (const error& e) {
        backtrace_result out;
        out.unavailable = e.what();
        return out;
    }
}

std::string fault_report(probe::probe& target, const elf::file& firmware,
                         const board::description& board, std::uint32_t exception_number) {
    return to_text(read_fault(target, firmware, board, exception_number));
}

std::string backtrace_report(probe::probe& target, const elf::file& firmware,
                             const board::description& board) {
    return to_text(read_backtrace(target, firmware, board));
}

std::optional<std::uint32_t> foreign_fault_handler(const elf::file& firmware,
                                                   const board::description& board) {
    if (firmware.find_symbol(contracts::fault_trap_symbol)) return std::nullopt;
    auto info = backtrace::debug_info::load(firmware.path().string());
    auto table = info->find_vector_table(board.boot_address());
    constexpr std::uint32_t hard_fault = 3;
    if (!table || table->handlers.size() <= hard_fault || table->handlers[hard_fault] == 0)
        return std::nullopt;
    return table->handlers[hard_fault];
}

std::uint32_t active_exception(probe::probe& target) {
    return target.read_register("xpsr") & 0x1ffu;
}

}  // namespace rivet::runner
