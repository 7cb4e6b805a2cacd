// The unwinder: DWARF CFI rules (CFA, saved registers, the return address in
// LR) frame by frame, and Cortex-M exception entries (an EXC_RETURN value
// where a return address would be) from the frame the core stacked.
#include <dwarf.h>
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <memory>

#include "image.hpp"
#include "rtos.hpp"

namespace rivet::backtrace {
namespace {

constexpr unsigned sp_register = 13;
constexpr unsigned lr_register = 14;
constexpr unsigned pc_register = 15;
// What the core (and Rivet's reset) puts in LR at reset.
constexpr std::uint32_t reset_lr = 0xffffffffu;
// Past max_frames the unwinder goes on counting the frames it leaves out, up
// to this many (a deep recursion, e.g. the one that overflowed the stack).
constexpr std::size_t count_limit = 10000;

// Evaluates the small DWARF expressions libdw hands back for CFA and
// register rules. nullopt: an operation we do not know or a read failed.
struct rule_result {
    std::uint32_t value = 0;
    bool is_address = true;  // the register's value is saved at `value`
};

std::optional<rule_result> evaluate(const Dwarf_Op* ops, std::size_t count, std::uint32_t cfa,
                                    const registers& regs, const memory_reader& read) {
    std::vector<std::uint64_t> stack;
    rule_result result;
    auto reg = [&](std::uint64_t n) -> std::optional<std::uint64_t> {
        if (n >= 16) return std::nullopt;
        return regs.r[n];
    };
    for (std::size_t i = 0; i < count; ++i) {
        const auto& op = ops[i];
        const auto atom = op.atom;
        if (atom == DW_OP_call_frame_cfa) {
            stack.push_back(cfa);
        } else if (atom >= DW_OP_breg0 && atom <= DW_OP_breg31) {
            auto v = reg(atom - DW_OP_breg0);
            if (!v) return std::nullopt;
            stack.push_back(*v + static_cast<std::int64_t>(op.number));
        } else if (atom == DW_OP_bregx) {
            auto v = reg(op.number);
            if (!v) return std::nullopt;
            stack.push_back(*v + static_cast<std::int64_t>(op.number2));
        } else if ((atom >= DW_OP_reg0 && atom <= DW_OP_reg31) || atom == DW_OP_regx) {
            auto v = reg(atom == DW_OP_regx ? op.number : atom - DW_OP_reg0);
            if (!v) return std::nullopt;
            stack.push_back(*v);
            result.is_address = false;
        } else if (atom >= DW_OP_lit0 && atom <= DW_OP_lit31) {
            stack.push_back(atom - DW_OP_lit0);
        } else if (atom == DW_OP_const1u || atom == DW_OP_const2u || atom == DW_OP_const4u ||
                   atom == DW_OP_const8u || atom == DW_OP_constu || atom == DW_OP_const1s ||
                   atom == DW_OP_const2s || atom == DW_OP_const4s || atom == DW_OP_const8s ||
                   atom == DW_OP_consts) {
            stack.push_back(op.number);
        } else if (atom == DW_OP_plus_uconst) {
            if (stack.empty()) return std::nullopt;
            stack.back() += op.number;
        } else if (atom == DW_OP_plus || atom == DW_OP_minus) {
            if (stack.size() < 2) return std::nullopt;
            auto b = stack.back();
            stack.pop_back();
            stack.back() = atom == DW_OP_plus ? stack.back() + b : stack.back() - b;
        } else if (atom == DW_OP_deref) {
            if (stack.empty()) return std::nullopt;
            auto v = read(static_cast<std::uint32_t>(stack.back()));
            if (!v) return std::nullopt;
            stack.back() = *v;
        } else if (atom == DW_OP_stack_value) {
            result.is_address = false;
        } else if (atom != DW_OP_nop) {
            return std::nullopt;
        }
    }
    if (stack.empty()) return std::nullopt;
    result.value = static_cast<std::uint32_t>(stack.back());
    return result;
}

class unwinder {
public:
    unwinder(const debug_info::impl& image, const memory_reader& read, std::size_t max_frames)
        : image_(image), read_(read), max_frames_(max_frames) {}

    trace run(const registers& start) {
        regs_ = start;
        while (step()) {
        }
        const bool touched_process_stack =
            result_.end == ending::process_stack || result_.end == ending::thread_start ||
            std::any_of(result_.frames.begin(), result_.frames.end(), [](const frame& f) {
                return f.exception_entry && (f.exc_return & 0x4u) != 0;
            });
        if (touched_process_stack) result_.thread = current_thread_of(image_, read_);
        return std::move(result_);
    }

private:
    // One frame, or one exception entry; false when the unwind has ended.
    bool step() {
        const std::uint32_t pc = regs_.r[pc_register];
        if (is_exc_return(pc)) return pop_exception_frame(pc);
        if (pc == reset_lr) return finish(ending::chain_end, {});

        // A return address is the instruction after a call, so its function
        // is found at pc - 1; but an RTOS seeds a new task's LR with the
        // first instruction of its task-exit function, which no call precedes.
        const bool seeded =
            !exact_pc_ && image_.function_starts_at(pc) && !image_.follows_a_call(pc);
        const std::uint32_t lookup = exact_pc_ || seeded ? pc : pc - 1;
        frame f;
        f.pc = pc;
        f.locations = image_.symbolize(lookup);
        f.exception_entry = next_is_exception_entry_;
        f.exc_return = exc_return_;
        f.stacked_at = stacked_at_;
        next_is_exception_entry_ = false;
        stacked_at_.reset();
        if (!record(std::move(f))) return false;

        if (is_reset_handler(pc)) return finish(ending::reset_handler, {});
        if (seeded) {
            return finish(ending::thread_start,
                          fmt::format("the return address {} is the first instruction of a "
                                      "function, not the one after a call: the RTOS seeded it "
                                      "(where a task whose function returns goes)",
                                      image_.describe(pc)));
        }
        if (!image_.in_code(pc) && !image_.sections.empty()) {
            // A call through a bad pointer: LR still says where it came from.
            const std::uint32_t lr = regs_.r[lr_register];
            if (exact_pc_ && (lr & 1u) != 0 && image_.in_code(lr & ~1u)) {
                regs_.r[pc_register] = lr & ~1u;
                exact_pc_ = false;
                return true;
            }
            return finish(ending::stopped,
                          fmt::format("0x{:08x} is not in the firmware's code", pc));
        }
        return unwind_with_cfi(pc, lookup);
    }

    bool unwind_with_cfi(std::uint32_t pc, std::uint32_t lookup) {
        // Without CFI a function stopped with LR holding EXC_RETURN (the
        // fault trap, a handler's first instruction) still returns into the
        // exception frame, which needs no DWARF.
        const bool leaf_in_handler = exact_pc_ && is_exc_return(regs_.r[lr_register]);
        Dwarf_Frame* cfi_frame = nullptr;
        const bool have_frame = image_.cfi != nullptr &&
                                dwarf_cfi_addrframe(image_.cfi, lookup, &cfi_frame) == 0 &&
                                cfi_frame != nullptr;
        std::unique_ptr<Dwarf_Frame, decltype(&std::free)> owned(cfi_frame, &std::free);
        if (!have_frame && leaf_in_handler) {
            regs_.r[pc_register] = regs_.r[lr_register];
            exact_pc_ = false;
            return true;
        }
        if (image_.cfi == nullptr) {
            return finish(ending::stopped,
                          fmt::format("no call-frame information; LR holds {}",
                                      image_.describe(regs_.r[lr_register] & ~1u)));
        }
        if (!have_frame) {
            return finish(
                ending::stopped,
                fmt::format("no unwind information for {} ({}); LR holds {}", image_.describe(pc),
                            dwarf_errmsg(-1), image_.describe(regs_.r[lr_register] & ~1u)));
        }
        Dwarf_Op* ops = nullptr;
        std::size_t nops = 0;
        std::optional<rule_result> cfa;
        if (dwarf_frame_cfa(cfi_frame, &ops, &nops) == 0)
            cfa = evaluate(ops, nops, 0, regs_, read_);
        if (!cfa) {
            return finish(ending::stopped, fmt::format("cannot compute the frame address at {}",
                                                       image_.describe(pc)));
        }
        const int return_column = dwarf_frame_info(cfi_frame, nullptr, nullptr, nullptr);
        registers caller = regs_;
        bool return_address_known = false;
        for (unsigned n = 0; n < 16; ++n) {
            Dwarf_Op ops_mem[3];
            Dwarf_Op* rule = nullptr;
            std::size_t rule_count = 0;
            if (dwarf_frame_register(cfi_frame, static_cast<int>(n), ops_mem, &rule, &rule_count) !=
                0) {
                continue;
            }
            if (rule_count == 0) {
                // Undefined (no ops) or the same value as here (empty ops).
                // A function that has not saved LR (a leaf, or one stopped
                // in its prologue) returns through LR as it is: libdw's ARM
                // rules call that undefined, and only the first frame and a
                // frame interrupted by an exception can be in that state.
                if (static_cast<int>(n) == return_column)
                    return_address_known = rule != nullptr || exact_pc_;
                continue;
            }
            auto value = evaluate(rule, rule_count, cfa->value, regs_, read_);
            if (!value) continue;
            if (value->is_address) {
                auto word = read_(value->value);
                if (!word) {
                    return finish(
                        ending::stopped,
                        fmt::format("cannot read the saved r{} at 0x{:08x}", n, value->value));
                }
                caller.r[n] = *word;
            } else {
                caller.r[n] = value->value;
            }
            if (static_cast<int>(n) == return_column) return_address_known = true;
        }
        if (!return_address_known || return_column < 0 || return_column >= 16) {
            return finish(ending::stopped,
                          fmt::format("{} has no return address (end of the call chain)",
                                      image_.describe(pc)));
        }
        std::uint32_t return_address = caller.r[static_cast<unsigned>(return_column)];
        caller.r[sp_register] = cfa->value;
        if (return_address == reset_lr) return finish(ending::chain_end, {});
        if (is_exc_return(return_address)) {
            // A handler returns into the exception mechanism on the MSP.
            caller.msp = cfa->value;
        } else {
            return_address &= ~1u;
            if (!image_.sections.empty() && !image_.in_code(return_address)) {
                const elf_symbol* symbol = image_.symbol_at(pc);
                const std::string function =
                    symbol != nullptr ? demangle(symbol->name.c_str()) : "the function";
                return finish(ending::stopped,
                              fmt::format("the return address of {} is 0x{:08x}, which is not "
                                          "code: the stack is corrupt, or {} switched stacks "
                                          "(as an RTOS thread's entry does)",
                                          image_.describe(pc), return_address, function));
            }
        }
        caller.r[pc_register] = return_address;
        if (cfa->value < regs_.r[sp_register] ||
            (cfa->value == regs_.r[sp_register] && return_address == pc)) {
            return finish(ending::stopped,
                          fmt::format("the stack does not unwind past {} (frame address 0x{:08x})",
                                      image_.describe(pc), cfa->value));
        }
        regs_ = caller;
        exact_pc_ = false;
        return true;
    }

    // The core stacked r0-r3, r12, lr, pc, xpsr (and s0-s15, fpscr when bit
    // 4 is clear) on the stack EXC_RETURN names.
    bool pop_exception_frame(std::uint32_t exc_return) {
        const bool on_psp = (exc_return & 0x4u) != 0;
        const bool extended = (exc_return & 0x10u) == 0;
        std::uint32_t frame_at = regs_.r[sp_register];
        if (on_psp) {
            if (!regs_.psp) {
                return finish(
                    ending::process_stack,
                    fmt::format("the interrupted code's call chain is on the process stack "
                                "({}), and the probe does not show the PSP",
                                exc_return_words(exc_return)));
            }
            frame_at = *regs_.psp;
        }
        std::array<std::uint32_t, 8> stacked{};
        for (std::uint32_t i = 0; i < 8; ++i) {
            auto word = read_(frame_at + 4 * i);
            if (!word) {
                return finish(ending::stopped,
                              fmt::format("cannot read the exception frame at 0x{:08x} (the stack "
                                          "pointer is outside RAM: stack overflow?)",
                                          frame_at));
            }
            stacked[i] = *word;
        }
        for (unsigned i = 0; i < 4; ++i) regs_.r[i] = stacked[i];
        regs_.r[12] = stacked[4];
        regs_.r[lr_register] = stacked[5];
        regs_.r[pc_register] = stacked[6] & ~1u;
        std::uint32_t size = extended ? 0x68 : 0x20;
        if (stacked[7] & (1u << 9)) size += 4;  // the core aligned the frame to 8 bytes
        const std::uint32_t caller_sp = frame_at + size;
        if (on_psp) {
            regs_.psp = caller_sp;
        } else {
            regs_.msp = caller_sp;
        }
        // Returning to thread mode with PSP selects the PSP, else the MSP.
        regs_.r[sp_register] = caller_sp;
        exact_pc_ = true;
        next_is_exception_entry_ = true;
        exc_return_ = exc_return;
        stacked_at_ = frame_at;
        return true;
    }

    [[nodiscard]] bool is_reset_handler(std::uint32_t pc) const {
        const elf_symbol* symbol = image_.symbol_at(pc);
        if (symbol == nullptr) return false;
        return symbol->name == "rivet_reset_handler" ||
               (image_.reset_vector != 0 && symbol->address == image_.reset_vector);
    }

    // Keeps the frame, or counts it once max_frames are kept; false when
    // there are too many even to count.
    bool record(frame f) {
        if (result_.frames.size() < max_frames_) {
            result_.frames.push_back(std::move(f));
            return true;
        }
        if (++result_.frames_left_out < count_limit) return true;
        result_.left_out_is_lower_bound = true;
        return finish(ending::stopped, "too many frames to count");
    }

    bool finish(ending how, std::string why) {
        result_.end = how;
        result_.stopped_because = std::move(why);
        return false;
    }

    const debug_info::impl& image_;
    const memory_reader& read_;
    std::size_t max_frames_;
    registers regs_;
    trace result_;
    bool exact_pc_ = true;  // the first frame and frames after an exception: not a return address
    bool next_is_exception_entry_ = false;
    std::uint32_t exc_return_ = 0;
    std::optional<std::uint32_t> stacked_at_;
};

}  // namespace

std::string exc_return_words(std::uint32_t exc_return) {
    return fmt::format("{} mode, {}, {} frame", (exc_return & 0x8) ? "thread" : "handler",
                       (exc_return & 0x4) ? "PSP" : "MSP",
                       (exc_return & 0x10) ? "basic" : "FPU-extended");
}

trace debug_info::unwind(const registers& start, const memory_reader& read,
                         std::size_t max_frames) const {
    return unwinder(*impl_, read, max_frames).run(start);
}

std::optional<std::uint32_t> debug_info::frame_size(const function& f) const {
    if (impl_->cfi == nullptr || f.size == 0) return std::nullopt;
    std::optional<std::uint32_t> deepest;
    const std::uint64_t end = std::uint64_t{f.address} + f.size;
    const auto& entries = impl_->frame_entries;  // sorted by start
    // One CFI row at a time, and from one call-frame entry to the next.
    for (std::uint64_t pc = f.address; pc < end;) {
        Dwarf_Frame* frame = nullptr;
        if (dwarf_cfi_addrframe(impl_->cfi, static_cast<Dwarf_Addr>(pc), &frame) != 0 ||
            frame == nullptr) {
            auto next = std::upper_bound(entries.begin(), entries.end(),
                                         std::make_pair(static_cast<std::uint32_t>(pc), ~0u));
            if (next == entries.end() || next->first >= end) break;
            pc = next->first;
            continue;
        }
        std::unique_ptr<Dwarf_Frame, decltype(&std::free)> owned(frame, &std::free);
        Dwarf_Addr row_end = 0;
        dwarf_frame_info(frame, nullptr, &row_end, nullptr);
        pc = std::max<std::uint64_t>(pc + 2, row_end);
        Dwarf_Op* ops = nullptr;
        std::size_t nops = 0;
        if (dwarf_frame_cfa(frame, &ops, &nops) != 0 || nops != 1) continue;
        // CFA = SP + n, or FP + n right after FP was set from SP (-O0).
        std::uint64_t offset = 0;
        if (ops[0].atom >= DW_OP_breg0 && ops[0].atom <= DW_OP_breg31) {
            offset = ops[0].number;
        } else if (ops[0].atom == DW_OP_bregx) {
            offset = ops[0].number2;
        } else {
            continue;
        }
        if (offset > 0x100000) continue;  // nonsense from corrupt CFI
        deepest = std::max(deepest.value_or(0), static_cast<std::uint32_t>(offset));
    }
    return deepest;
}

}  // namespace rivet::backtrace
