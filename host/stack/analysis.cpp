// The stack analysis proper: frame sizes per function, the call graph, the
// entry points and the deepest path from each.
#include <rivet/backtrace/backtrace.hpp>
#include <rivet/backtrace/exceptions.hpp>
#include <rivet/stack/analysis.hpp>
#include <rivet/support/error.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <set>

namespace rivet::stack {
namespace {

std::string base_name(const std::string& path) {
    auto slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

// "app.c:62" for the code at `address`, or its address.
std::string where(const backtrace::debug_info& info, std::uint32_t address) {
    const auto location = info.symbolize(address).front();
    if (location.file.empty()) return fmt::format("0x{:08x}", address);
    return fmt::format("{}:{}", base_name(location.file), location.line);
}

struct walker {
    const backtrace::debug_info& info;
    const std::vector<function_report>& functions;
    std::map<std::uint32_t, std::size_t> index;  // address -> function
    struct result {
        std::uint32_t bytes = 0;
        bool bounded = true;
        std::vector<std::size_t> path;
        std::vector<std::string> reasons;
    };
    std::map<std::size_t, result> memo;
    std::vector<std::size_t> stack;

    static void add_reason(result& r, const std::string& reason) {
        r.bounded = false;
        if (std::find(r.reasons.begin(), r.reasons.end(), reason) == r.reasons.end())
            r.reasons.push_back(reason);
    }

    result depth(std::size_t f) {
        if (auto it = memo.find(f); it != memo.end()) return it->second;
        const auto& fn = functions[f];
        if (auto at = std::find(stack.begin(), stack.end(), f); at != stack.end()) {
            result r;
            std::string cycle;
            for (; at != stack.end(); ++at) cycle += functions[*at].name + " -> ";
            add_reason(r, fmt::format("recursion: {}{}", cycle, fn.name));
            return r;  // not memoised: the cycle is only a cycle from here
        }
        stack.push_back(f);
        result r;
        const std::uint32_t frame = fn.frame.value_or(0);
        if (!fn.frame) add_reason(r, fmt::format("{}: frame size unknown", fn.name));
        if (fn.dynamic_frame)
            add_reason(
                r, fmt::format("{}: dynamic frame (alloca or a variable-length array)", fn.name));
        for (auto call : fn.indirect_calls)
            add_reason(r, fmt::format("{}: indirect call at {}", fn.name, where(info, call)));
        r.bytes = frame;
        r.path = {f};
        for (auto callee_address : fn.callees) {
            auto it = index.find(callee_address);
            if (it == index.end()) continue;
            auto sub = depth(it->second);
            for (const auto& reason : sub.reasons) add_reason(r, reason);
            // Deeper wins; among equals, a path that shows the calls.
            if (frame + sub.bytes > r.bytes ||
                (frame + sub.bytes == r.bytes && r.path.size() == 1)) {
                r.bytes = frame + sub.bytes;
                r.path = {f};
                r.path.insert(r.path.end(), sub.path.begin(), sub.path.end());
            }
        }
        stack.pop_back();
        if (r.bounded || std::none_of(r.reasons.begin(), r.reasons.end(), [](const std::string& s) {
                return s.rfind("recursion", 0) == 0;
            })) {
            memo[f] = r;
        }
        return r;
    }
};

// The frame of one function: .su, else CFI, else its own code; naked
// functions' CFI does not see their pushes, so the code wins when it says more.
void size_frame(function_report& fr, const backtrace::debug_info& info,
                const backtrace::debug_info::function& f,
                const std::map<std::pair<std::string, unsigned>, const usage_entry*>& by_location,
                const std::optional<std::vector<std::uint8_t>>& code) {
    if (auto decl = info.declaration(f.address)) {
        auto it = by_location.find({base_name(decl->first), decl->second});
        if (it != by_location.end()) {
            fr.frame = it->second->bytes;
            fr.frame_source = "su";
            fr.dynamic_frame = it->second->dynamic;
            return;
        }
    }
    const auto from_code = code ? std::optional(frame_from_code(*code)) : std::nullopt;
    if (auto size = info.frame_size(f)) {
        fr.frame = *size;
        fr.frame_source = "cfi";
        if (from_code && *from_code > *size) {
            fr.frame = *from_code;
            fr.frame_source = "code";
        }
    } else if (from_code) {
        fr.frame = *from_code;
        fr.frame_source = "code";
    } else {
        fr.frame_source = "?";
    }
}

// Functions whose address (with the Thumb bit) is stored as a word in code
// (a literal pool) or data, outside the vector table: thread entries,
// callbacks, constructors.
// Literals that only feed a call (`ldr r3, =f; blx r3`) do not count.
std::set<std::uint32_t> address_taken(const backtrace::debug_info& info,
                                      const std::set<std::uint32_t>& starts,
                                      const std::optional<backtrace::vector_table>& table,
                                      const std::set<std::uint32_t>& call_literals) {
    std::set<std::uint32_t> out;
    const std::uint32_t table_start = table ? table->address : 0;
    const std::uint32_t table_end =
        table ? table->address + 4 * static_cast<std::uint32_t>(table->handlers.size()) : 0;
    for (const auto& section : info.sections()) {
        if (!section.has_bytes || section.size > (64u << 20)) continue;
        auto bytes = info.bytes_at(section.address, section.size);
        if (!bytes) continue;
        const std::uint32_t skew = (4 - section.address % 4) % 4;
        for (std::size_t offset = skew; offset + 4 <= bytes->size(); offset += 4) {
            const std::uint32_t at = section.address + static_cast<std::uint32_t>(offset);
            if ((at >= table_start && at < table_end) || call_literals.contains(at)) continue;
            std::uint32_t word = 0;
            std::memcpy(&word, bytes->data() + offset, 4);
            if ((word & 1u) != 0 && starts.contains(word & ~1u)) out.insert(word & ~1u);
        }
    }
    return out;
}

struct entry_point {
    std::uint32_t address;
    std::string entry_for;
};

// "NMI, HardFault, interrupts 0-43" for the exceptions one handler serves.
std::string exception_list(const std::vector<std::uint32_t>& numbers) {
    std::string out;
    auto add = [&](const std::string& words) { out += (out.empty() ? "" : ", ") + words; };
    for (std::size_t i = 0; i < numbers.size();) {
        if (numbers[i] < 16) {
            add(backtrace::exception_name(numbers[i++]));
            continue;
        }
        std::size_t last = i;
        while (last + 1 < numbers.size() && numbers[last + 1] == numbers[last] + 1) ++last;
        add(last == i ? backtrace::exception_name(numbers[i])
                      : fmt::format("interrupts {}-{}", numbers[i] - 16, numbers[last] - 16));
        i = last + 1;
    }
    return out;
}

// The reset handler, then each distinct exception handler with the
// exceptions it serves, then the functions whose address is taken.
std::vector<entry_point> entry_points(const std::vector<backtrace::debug_info::function>& functions,
                                      const std::optional<backtrace::vector_table>& table,
                                      const std::set<std::uint32_t>& taken) {
    std::vector<entry_point> roots;
    auto known = [&](std::uint32_t address) {
        return std::any_of(roots.begin(), roots.end(),
                           [&](const auto& r) { return r.address == address; });
    };
    if (table) {
        roots.push_back({table->handlers[1], "reset"});
        std::map<std::uint32_t, std::vector<std::uint32_t>> served;  // handler -> exceptions
        std::vector<std::uint32_t> order;
        for (std::size_t n = 2; n < table->handlers.size(); ++n) {
            const auto handler = table->handlers[n];
            if (handler == 0 || handler == table->handlers[1]) continue;
            if (served.find(handler) == served.end()) order.push_back(handler);
            served[handler].push_back(static_cast<std::uint32_t>(n));
        }
        for (auto handler : order) roots.push_back({handler, exception_list(served[handler])});
    } else {
        for (const auto& f : functions) {
            if (f.name == "rivet_reset_handler" || f.name == "Reset_Handler")
                roots.push_back({f.address, "reset"});
        }
    }
    for (auto address : taken) {
        if (!known(address)) roots.push_back({address, "address taken"});
    }
    return roots;
}

}  // namespace

report analyse(const std::filesystem::path& elf, const std::vector<usage_entry>& usage) {
    auto info = backtrace::debug_info::load(elf.string());
    return analyse(*info, elf.string(), usage);
}

report analyse(const backtrace::debug_info& info_ref, const std::string& name,
               const std::vector<usage_entry>& usage) {
    const auto* info = &info_ref;
    auto functions = info->functions();
    if (functions.empty()) {
        throw error(error_kind::bad_input,
                    fmt::format("{}: no function symbols{}", name,
                                info->problem().empty() ? "" : " (" + info->problem() + ")"));
    }
    // .su entries by (file name, line); the full path may differ between
    // the compiler's view and DWARF's.
    std::map<std::pair<std::string, unsigned>, const usage_entry*> by_location;
    for (const auto& entry : usage) by_location[{base_name(entry.file), entry.line}] = &entry;

    report r;
    std::set<std::uint32_t> starts;
    for (const auto& f : functions) starts.insert(f.address);
    const auto table = info->find_vector_table();
    std::vector<std::vector<call_site>> calls;
    std::set<std::uint32_t> call_literals;
    for (const auto& f : functions) {
        auto code = info->bytes_at(f.address, f.size);
        calls.push_back(code ? decode_calls(*code, f.address) : std::vector<call_site>{});
        for (const auto& call : calls.back()) {
            if (call.literal != 0) call_literals.insert(call.literal);
        }
    }
    const auto taken = address_taken(*info, starts, table, call_literals);
    for (std::size_t i = 0; i < functions.size(); ++i) {
        const auto& f = functions[i];
        function_report fr;
        fr.name = f.name;
        fr.address = f.address;
        fr.address_taken = taken.contains(f.address);
        size_frame(fr, *info, f, by_location, info->bytes_at(f.address, f.size));
        for (const auto& call : calls[i]) {
            if (call.indirect) {
                fr.indirect_calls.push_back(call.from);
                continue;
            }
            // A branch inside the function is local, except a call of its
            // own start: recursion.
            const bool inside = call.target >= f.address && call.target < f.address + f.size;
            const bool self_call = call.target == f.address && !call.tail;
            if ((inside && !self_call) || !starts.contains(call.target)) continue;
            if (std::find(fr.callees.begin(), fr.callees.end(), call.target) == fr.callees.end())
                fr.callees.push_back(call.target);
        }
        r.functions.push_back(std::move(fr));
    }

    r.vector_table =
        table ? fmt::format(
                    "vector table at 0x{:08x} ({}): {} entries, initial SP "
                    "0x{:08x}",
                    table->address, table->found_by, table->handlers.size(), table->initial_sp)
              : "no vector table found: entry points by name";
    walker w{*info, r.functions, {}, {}, {}};
    for (std::size_t i = 0; i < r.functions.size(); ++i) w.index[r.functions[i].address] = i;
    for (const auto& root : entry_points(functions, table, taken)) {
        auto it = w.index.find(root.address);
        if (it == w.index.end()) continue;
        auto result = w.depth(it->second);
        path_report p;
        p.root = r.functions[it->second].name;
        p.entry_for = root.entry_for;
        p.bytes = result.bytes;
        p.bounded = result.bounded;
        p.reasons = result.reasons;
        for (auto f : result.path) {
            const auto& fn = r.functions[f];
            p.path.push_back(
                fmt::format("{:>6}  {}", fn.frame ? fmt::format("{}", *fn.frame) : "?", fn.name));
        }
        r.paths.push_back(std::move(p));
    }
    return r;
}

}  // namespace rivet::stack
