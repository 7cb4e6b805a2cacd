// The text form of a trace, as `rivet run` prints it (docs/faults.md).
#include <fmt/format.h>

#include "image.hpp"

namespace rivet::backtrace {
namespace {

std::string thread_words(const thread_info& t) {
    std::string out = "running thread";
    if (!t.name.empty()) out += fmt::format(" \"{}\"", t.name);
    out += fmt::format(" ({} control block at 0x{:08x})", t.rtos, t.control_block);
    if (t.entry) {
        out +=
            fmt::format(", entry {}", t.entry_function.empty() ? fmt::format("0x{:08x}", *t.entry)
                                                               : t.entry_function);
    }
    if (t.stack_base) out += fmt::format(", stack from 0x{:08x}", *t.stack_base);
    if (t.saved_sp) out += fmt::format(", SP 0x{:08x} at its last context switch", *t.saved_sp);
    return out;
}

}  // namespace

std::string format(const trace& t) {
    std::string out;
    std::size_t number = 0;
    for (const auto& f : t.frames) {
        if (f.exception_entry) {
            const bool on_psp = (f.exc_return & 0x4u) != 0;
            out += fmt::format(
                "      <exception entry: {}{}>\n", exc_return_words(f.exc_return),
                on_psp && f.stacked_at ? fmt::format(" at 0x{:08x}", *f.stacked_at) : "");
        }
        for (const auto& loc : f.locations) {
            out += fmt::format("  #{:<2} 0x{:08x} in {}{}", number++, f.pc,
                               loc.function.empty() ? "??" : loc.function,
                               loc.inlined ? " [inlined]" : "");
            if (!loc.file.empty()) out += fmt::format(" at {}:{}", loc.file, loc.line);
            out += '\n';
        }
    }
    if (t.frames_left_out != 0) {
        out += fmt::format("      <{}{} more frames left out: a backtrace keeps {}>\n",
                           t.left_out_is_lower_bound ? "over " : "", t.frames_left_out,
                           t.frames.size());
    }
    switch (t.end) {
        case ending::reset_handler:
        case ending::chain_end:
            break;
        case ending::thread_start:
            out += fmt::format("      <end of the thread's call chain: {}>\n", t.stopped_because);
            break;
        case ending::process_stack:
            out += fmt::format("      <{}>\n", t.stopped_because);
            break;
        case ending::stopped:
            out += fmt::format("      <unwinding stopped: {}>\n", t.stopped_because);
            break;
    }
    if (t.thread) out += fmt::format("      <{}>\n", thread_words(*t.thread));
    if (!out.empty()) out.pop_back();
    return out;
}

}  // namespace rivet::backtrace
