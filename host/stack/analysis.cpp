#include <rivet/backtrace/backtrace.hpp>
#include <rivet/stack/analysis.hpp>
#include <rivet/support/error.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace rivet::stack {

std::vector<usage_entry> parse_usage(std::string_view text) {
    std::vector<usage_entry> out;
    while (!text.empty()) {
        auto end = text.find('\n');
        auto line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
        // file:line:column:name \t bytes \t qualifiers; the file may hold ':'.
        auto tab = line.find('\t');
        if (tab == std::string_view::npos) continue;
        auto location = line.substr(0, tab);
        auto rest = line.substr(tab + 1);
        auto tab2 = rest.find('\t');
        if (tab2 == std::string_view::npos) continue;
        auto bytes_text = rest.substr(0, tab2);
        auto qualifiers = rest.substr(tab2 + 1);
        // Find "file:line:col:" by scanning for two numeric fields.
        usage_entry entry;
        bool found = false;
        for (std::size_t colon = location.find(':'); colon != std::string_view::npos;
             colon = location.find(':', colon + 1)) {
            auto second = location.find(':', colon + 1);
            if (second == std::string_view::npos) break;
            auto third = location.find(':', second + 1);
            if (third == std::string_view::npos) break;
            auto line_text = location.substr(colon + 1, second - colon - 1);
            auto column_text = location.substr(second + 1, third - second - 1);
            auto numeric = [](std::string_view s) {
                return !s.empty() && s.size() < 9 &&
                       std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
            };
            if (numeric(line_text) && numeric(column_text)) {
                entry.file = std::string(location.substr(0, colon));
                entry.line = static_cast<unsigned>(std::stoul(std::string(line_text)));
                entry.name = std::string(location.substr(third + 1));
                found = true;
                break;
            }
        }
        if (!found || bytes_text.empty() || bytes_text.size() > 9 ||
            !std::all_of(bytes_text.begin(), bytes_text.end(),
                         [](char c) { return c >= '0' && c <= '9'; })) {
            continue;
        }
        entry.bytes = static_cast<std::uint32_t>(std::stoul(std::string(bytes_text)));
        entry.dynamic = qualifiers.find("dynamic") != std::string_view::npos &&
                        qualifiers.find("bounded") == std::string_view::npos;
        out.push_back(std::move(entry));
    }
    return out;
}

std::vector<usage_entry> read_usage(const std::vector<std::filesystem::path>& paths) {
    namespace fs = std::filesystem;
    std::vector<usage_entry> out;
    auto read_one = [&](const fs::path& file) {
        std::ifstream in(file);
        std::stringstream text;
        text << in.rdbuf();
        auto entries = parse_usage(text.str());
        out.insert(out.end(), entries.begin(), entries.end());
    };
    for (const auto& path : paths) {
        std::error_code ec;
        if (fs::is_directory(path, ec)) {
            for (auto it = fs::recursive_directory_iterator(path, ec);
                 !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
                if (it->is_regular_file(ec) && it->path().extension() == ".su")
                    read_one(it->path());
            }
        } else if (fs::is_regular_file(path, ec)) {
            read_one(path);
        } else {
            throw Error(ErrorKind::no_input,
                        fmt::format("{}: no such .su file or folder", path.string()));
        }
    }
    return out;
}

std::vector<call_site> decode_calls(const std::vector<std::uint8_t>& code, std::uint32_t address) {
    std::vector<call_site> out;
    auto half = [&](std::size_t offset) {
        return static_cast<std::uint32_t>(code[offset] | (code[offset + 1] << 8));
    };
    auto sign_extend = [](std::uint32_t value, unsigned bits) {
        const std::uint32_t sign = 1u << (bits - 1);
        return (value ^ sign) - sign;
    };
    std::size_t offset = 0;
    while (offset + 2 <= code.size()) {
        const std::uint32_t hw1 = half(offset);
        const std::uint32_t pc = address + static_cast<std::uint32_t>(offset);
        const bool wide =
            (hw1 & 0xf800) == 0xe800 || (hw1 & 0xf800) == 0xf000 || (hw1 & 0xf800) == 0xf800;
        if (wide && offset + 4 <= code.size()) {
            const std::uint32_t hw2 = half(offset + 2);
            if ((hw1 & 0xf800) == 0xf000 && (hw2 & 0x8000) == 0x8000) {
                const std::uint32_t s = (hw1 >> 10) & 1, j1 = (hw2 >> 13) & 1, j2 = (hw2 >> 11) & 1;
                const std::uint32_t kind = hw2 & 0xd000;
                if (kind == 0xd000 || kind == 0x9000) {  // BL, B.W (T4)
                    const std::uint32_t i1 = !(j1 ^ s), i2 = !(j2 ^ s);
                    const std::uint32_t imm = (s << 24) | (i1 << 23) | (i2 << 22) |
                                              ((hw1 & 0x3ff) << 12) | ((hw2 & 0x7ff) << 1);
                    out.push_back({pc, pc + 4 + sign_extend(imm, 25), kind == 0x9000, false});
                } else if (kind == 0x8000 && ((hw1 >> 6) & 0xe) != 0xe) {  // B<c>.W (T3)
                    const std::uint32_t imm = (s << 20) | (j2 << 19) | (j1 << 18) |
                                              ((hw1 & 0x3f) << 12) | ((hw2 & 0x7ff) << 1);
                    out.push_back({pc, pc + 4 + sign_extend(imm, 21), true, false});
                }
            }
            offset += 4;
            continue;
        }
        if ((hw1 & 0xff87) == 0x4780) {  // BLX Rm
            out.push_back({pc, 0, false, true});
        } else if ((hw1 & 0xff87) == 0x4700 && ((hw1 >> 3) & 0xf) != 14) {  // BX Rm, not a return
            out.push_back({pc, 0, true, true});
        } else if ((hw1 & 0xf800) == 0xe000) {  // B (T2)
            out.push_back({pc, pc + 4 + sign_extend((hw1 & 0x7ff) << 1, 12), true, false});
        } else if ((hw1 & 0xf000) == 0xd000 && ((hw1 >> 8) & 0xf) < 0xe) {  // B<c> (T1)
            out.push_back({pc, pc + 4 + sign_extend((hw1 & 0xff) << 1, 9), true, false});
        }
        offset += 2;
    }
    return out;
}

namespace {

std::string base_name(const std::string& path) {
    auto slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

struct walker {
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

    result depth(std::size_t f) {
        if (auto it = memo.find(f); it != memo.end()) return it->second;
        const auto& fn = functions[f];
        if (std::find(stack.begin(), stack.end(), f) != stack.end()) {
            result r;
            r.bounded = false;
            std::string cycle;
            auto at = std::find(stack.begin(), stack.end(), f);
            for (; at != stack.end(); ++at) cycle += functions[*at].name + " -> ";
            r.reasons.push_back(fmt::format("recursion: {}{}", cycle, fn.name));
            return r;  // not memoised: the cycle is only a cycle from here
        }
        stack.push_back(f);
        result r;
        const std::uint32_t frame = fn.frame.value_or(0);
        if (!fn.frame) {
            r.bounded = false;
            r.reasons.push_back(fmt::format("{}: frame size unknown", fn.name));
        }
        if (fn.dynamic_frame) {
            r.bounded = false;
            r.reasons.push_back(
                fmt::format("{}: dynamic frame (alloca or a variable-length array)", fn.name));
        }
        if (fn.indirect_calls) {
            r.bounded = false;
            r.reasons.push_back(fmt::format("{}: indirect call", fn.name));
        }
        r.bytes = frame;
        r.path = {f};
        for (auto callee_address : fn.callees) {
            auto it = index.find(callee_address);
            if (it == index.end()) continue;
            auto sub = depth(it->second);
            if (!sub.bounded) {
                r.bounded = false;
                for (auto& reason : sub.reasons) {
                    if (std::find(r.reasons.begin(), r.reasons.end(), reason) == r.reasons.end()) {
                        r.reasons.push_back(reason);
                    }
                }
            }
            if (frame + sub.bytes > r.bytes) {
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

}  // namespace

report analyse(const std::filesystem::path& elf, const std::vector<usage_entry>& usage) {
    auto info = backtrace::debug_info::load(elf.string());
    auto functions = info->functions();
    if (functions.empty()) {
        throw Error(ErrorKind::bad_input,
                    fmt::format("{}: no function symbols{}", elf.string(),
                                info->problem().empty() ? "" : " (" + info->problem() + ")"));
    }
    // .su entries by (file name, line); the full path may differ between
    // the compiler's view and DWARF's.
    std::map<std::pair<std::string, unsigned>, const usage_entry*> by_location;
    for (const auto& entry : usage) by_location[{base_name(entry.file), entry.line}] = &entry;

    report r;
    std::set<std::uint32_t> starts;
    for (const auto& f : functions) starts.insert(f.address);
    for (const auto& f : functions) {
        function_report fr;
        fr.name = f.name;
        fr.address = f.address;
        if (auto decl = info->declaration(f.address)) {
            auto it = by_location.find({base_name(decl->first), decl->second});
            if (it != by_location.end()) {
                fr.frame = it->second->bytes;
                fr.frame_source = "su";
                fr.dynamic_frame = it->second->dynamic;
            }
        }
        if (!fr.frame) {
            if (auto size = info->frame_size(f)) {
                fr.frame = *size;
                fr.frame_source = "cfi";
            } else {
                fr.frame_source = "?";
            }
        }
        if (auto code = info->bytes_at(f.address, f.size)) {
            for (const auto& call : decode_calls(*code, f.address)) {
                if (call.indirect) {
                    fr.indirect_calls = true;
                    continue;
                }
                // A branch inside the function is local, except a call of
                // its own start: recursion.
                const bool inside = call.target >= f.address && call.target < f.address + f.size;
                const bool self_call = call.target == f.address && !call.tail;
                if ((inside && !self_call) || !starts.count(call.target)) continue;
                if (std::find(fr.callees.begin(), fr.callees.end(), call.target) ==
                    fr.callees.end()) {
                    fr.callees.push_back(call.target);
                }
            }
        }
        r.functions.push_back(std::move(fr));
    }

    // Entry points: reset, then each distinct handler in the vector table.
    std::vector<std::uint32_t> roots;
    auto find = [&](std::string_view name) -> const backtrace::debug_info::function* {
        for (const auto& f : functions) {
            if (f.name == name) return &f;
        }
        return nullptr;
    };
    if (const auto* reset = find("rivet_reset_handler")) roots.push_back(reset->address);
    walker w{r.functions, {}, {}, {}};
    for (std::size_t i = 0; i < r.functions.size(); ++i) w.index[r.functions[i].address] = i;
    // Exception handlers: every distinct code address in the vector table
    // after the initial SP and the reset vector.
    auto table = info->find_symbol("rivet_vector_table");
    if (table && table->second >= 8 && table->second <= 4 * 512) {
        if (auto words = info->bytes_at(table->first, table->second)) {
            for (std::size_t offset = 8; offset + 4 <= words->size(); offset += 4) {
                std::uint32_t entry = 0;
                std::memcpy(&entry, words->data() + offset, 4);
                if ((entry & 1u) == 0) continue;  // reserved slot, or not Thumb code
                entry &= ~1u;
                if (std::find(roots.begin(), roots.end(), entry) == roots.end())
                    roots.push_back(entry);
            }
        }
    }
    for (auto root : roots) {
        auto it = w.index.find(root);
        if (it == w.index.end()) continue;
        auto result = w.depth(it->second);
        path_report p;
        p.root = r.functions[it->second].name;
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

std::string format(const report& r) {
    std::string out = "frame  from  function\n";
    for (const auto& f : r.functions) {
        out += fmt::format("{:>5}  {:<4}  {}{}{}\n", f.frame ? fmt::format("{}", *f.frame) : "?",
                           f.frame_source, f.name, f.dynamic_frame ? "  [dynamic]" : "",
                           f.indirect_calls ? "  [indirect calls]" : "");
    }
    for (const auto& p : r.paths) {
        out += fmt::format("\ndeepest call path from {}: {}{} bytes{}\n", p.root,
                           p.bounded ? "" : "at least ", p.bytes, p.bounded ? "" : " (unbounded)");
        for (const auto& step : p.path) out += fmt::format("  {}\n", step);
        for (const auto& reason : p.reasons) out += fmt::format("  unbounded: {}\n", reason);
    }
    out +=
        "\nExceptions add their stacked frame (32 bytes, 104 with the FPU state) to whatever they "
        "interrupt.\n";
    return out;
}

}  // namespace rivet::stack
