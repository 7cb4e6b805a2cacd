// The text of `rivet stack` (docs/stack.md).
#include <rivet/stack/analysis.hpp>

#include <fmt/format.h>

namespace rivet::stack {

std::string format(const report& r) {
    std::string out = "frame  from  function\n";
    for (const auto& f : r.functions) {
        out += fmt::format("{:>5}  {:<4}  {}{}{}{}\n", f.frame ? fmt::format("{}", *f.frame) : "?",
                           f.frame_source, f.name, f.dynamic_frame ? "  [dynamic]" : "",
                           f.indirect_calls.empty() ? "" : "  [indirect calls]",
                           f.address_taken ? "  [address taken]" : "");
    }
    out += fmt::format("\n{}\n", r.vector_table);
    for (const auto& p : r.paths) {
        out += fmt::format("\ndeepest call path from {} ({}): {}{} bytes{}\n", p.root, p.entry_for,
                           p.bounded ? "" : "at least ", p.bytes, p.bounded ? "" : " (unbounded)");
        for (const auto& step : p.path) out += fmt::format("  {}\n", step);
        for (const auto& reason : p.reasons) out += fmt::format("  unbounded: {}\n", reason);
    }
    out +=
        "\nExceptions add their stacked frame (32 bytes, 104 with the FPU state) to whatever they "
        "interrupt. A function whose address is taken runs where its caller puts it: a thread's "
        "entry on its own stack, a callback on its caller's.\n";
    return out;
}

}  // namespace rivet::stack
