// A fault report and a backtrace as text (what `rivet run` prints on stderr)
// and as JSON (`rivet run --json`). The shapes are in docs/faults.md.
#include <rivet/backtrace/exceptions.hpp>
#include <rivet/backtrace/json.hpp>
#include <rivet/runner/fault.hpp>

#include <fmt/format.h>

namespace rivet::runner {
namespace {

using json = nlohmann::json;

constexpr const char* register_names[16] = {"r0", "r1", "r2",  "r3",  "r4",  "r5", "r6", "r7",
                                            "r8", "r9", "r10", "r11", "r12", "sp", "lr", "pc"};

std::string overflow_words(const fault_report_data::overflow& o) {
    return fmt::format(
        "stack overflow: the main stack ran past its bottom at 0x{:08x} ({} bytes, "
        "0x{:08x}-0x{:08x}){}",
        o.bottom, o.top - o.bottom, o.bottom, o.top,
        o.sp ? fmt::format("; SP 0x{:08x}", *o.sp) : "");
}

}  // namespace

std::string to_text(const backtrace_result& b) {
    if (b.overflow_scan) {
        std::string out = fmt::format("backtrace: unavailable, {}\n", b.unavailable);
        if (b.scanned_bytes == 0) return out + "  (the stack cannot be read)";
        if (b.near_stack_bottom.empty())
            return out + "  (no return addresses near the bottom of the stack)";
        out += fmt::format("  return addresses in the lowest {} bytes of the stack point into:",
                           b.scanned_bytes);
        for (const auto& [name, count] : b.near_stack_bottom)
            out += fmt::format("\n    {} ({}x)", name, count);
        return out;
    }
    if (!b.trace) return fmt::format("backtrace: unavailable ({})", b.unavailable);
    std::string out = "backtrace:";
    if (b.active_exception) {
        out = fmt::format("backtrace (the core is in the {} handler, exception {}):",
                          backtrace::exception_name(*b.active_exception), *b.active_exception);
    }
    if (!b.note.empty()) out += fmt::format("\n  (note: {})", b.note);
    if (auto frames = backtrace::format(*b.trace); !frames.empty()) out += "\n" + frames;
    return out;
}

std::string to_text(const fault_report_data& f) {
    std::string out;
    if (f.stack_overflow) {
        out += fmt::format("firmware fault: {}\n", overflow_words(*f.stack_overflow));
        out += fmt::format("  exception: {} (exception {})\n", f.exception, f.exception_number);
    } else {
        out += fmt::format("firmware fault: unhandled {} (exception {})\n", f.exception,
                           f.exception_number);
    }
    if (!f.incomplete.empty()) return out + fmt::format("  (no further report: {})", f.incomplete);
    if (f.status) {
        out += fmt::format("  CFSR 0x{:08x}  HFSR 0x{:08x}  MMFAR 0x{:08x}  BFAR 0x{:08x}\n",
                           f.status->cfsr, f.status->hfsr, f.status->mmfar, f.status->bfar);
        for (const auto& cause : f.causes) out += fmt::format("  - {}\n", cause);
    } else if (f.armv6m) {
        out += "  (ARMv6-M has no fault status registers: every fault is a HardFault)\n";
    }
    out += fmt::format("registers ({}{}):\n", f.registers_source,
                       f.xpsr ? fmt::format("; xPSR 0x{:08x}", *f.xpsr) : "");
    for (unsigned i = 0; i < 16; ++i) {
        out += fmt::format("  {:>4} 0x{:08x}", register_names[i], f.registers[i]);
        if (i % 4 == 3) out += '\n';
    }
    return out + to_text(f.backtrace);
}

json to_json(const backtrace_result& b) {
    json out = {{"active_exception",
                 b.active_exception ? json{{"number", *b.active_exception},
                                           {"name", backtrace::exception_name(*b.active_exception)}}
                                    : json(nullptr)},
                {"note", b.note.empty() ? json(nullptr) : json(b.note)},
                {"unavailable", b.unavailable.empty() ? json(nullptr) : json(b.unavailable)}};
    if (b.trace) {
        out.update(backtrace::to_json(*b.trace));
    } else {
        out["frames"] = json::array();
    }
    if (b.overflow_scan) {
        json near = json::array();
        for (const auto& [name, count] : b.near_stack_bottom)
            near.push_back({{"function", name}, {"count", count}});
        out["near_stack_bottom"] = {{"scanned_bytes", b.scanned_bytes}, {"functions", near}};
    }
    return out;
}

json to_json(const fault_report_data& f) {
    json out = {{"type", "fault"},
                {"exception", {{"number", f.exception_number}, {"name", f.exception}}}};
    out["stack_overflow"] = nullptr;
    if (f.stack_overflow) {
        const auto& o = *f.stack_overflow;
        out["stack_overflow"] = {{"bottom", o.bottom},
                                 {"top", o.top},
                                 {"sp", o.sp ? json(*o.sp) : json(nullptr)},
                                 {"message", overflow_words(o)}};
    }
    out["incomplete"] = f.incomplete.empty() ? json(nullptr) : json(f.incomplete);
    if (!f.incomplete.empty()) return out;
    out["fault_status"] = nullptr;
    if (f.status) {
        out["fault_status"] = {{"cfsr", f.status->cfsr},
                               {"hfsr", f.status->hfsr},
                               {"mmfar", f.status->mmfar},
                               {"bfar", f.status->bfar}};
    }
    out["causes"] = f.causes;
    json registers = {{"source", f.registers_source}};
    for (unsigned i = 0; i < 16; ++i) registers[register_names[i]] = f.registers[i];
    registers["xpsr"] = f.xpsr ? json(*f.xpsr) : json(nullptr);
    out["registers"] = std::move(registers);
    out["backtrace"] = to_json(f.backtrace);
    return out;
}

}  // namespace rivet::runner
