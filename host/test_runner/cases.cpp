#include <rivet/contracts/testing.hpp>
#include <rivet/support/error.hpp>
#include <rivet/test_runner/cases.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <set>

namespace rivet::test_runner {
namespace {

namespace contract = contracts::testing;
using host_case = contract::basic_case<std::uint32_t, std::uint32_t>;
static_assert(contract::has_contract_layout<host_case>(),
              "the host's view of a case differs from contracts/testing.hpp");

// Longer names are not what RIVET_TEST writes: the table is corrupt.
constexpr std::size_t longest_name = 256;

bool is_identifier(const std::string& name) {
    if (name.empty() || (std::isdigit(static_cast<unsigned char>(name[0])) != 0)) return false;
    return std::all_of(name.begin(), name.end(), [](char ch) {
        return std::isalnum(static_cast<unsigned char>(ch)) != 0 || ch == '_';
    });
}

}  // namespace

std::vector<test_case> parse_cases(std::span<const std::uint8_t> table,
                                   const text_reader& text_at) {
    if (table.size() % contract::case_size != 0) {
        throw error(error_kind::bad_input,
                    fmt::format("the case table is {} bytes, not a whole number of {}-byte cases",
                                table.size(), contract::case_size));
    }
    std::vector<test_case> out;
    std::set<std::string, std::less<>> names;
    for (std::size_t at = 0; at < table.size(); at += contract::case_size) {
        host_case raw{};
        std::memcpy(&raw, table.data() + at, contract::case_size);
        const auto index = static_cast<std::uint32_t>(at / contract::case_size);
        auto name = text_at(raw.name);
        if (!name || name->size() > longest_name || !is_identifier(*name)) {
            throw error(
                error_kind::bad_input,
                fmt::format("case {}: its name at 0x{:08x} is not an identifier in the image",
                            index, raw.name));
        }
        if ((raw.flags & ~contract::known_flags) != 0) {
            throw error(error_kind::bad_input,
                        fmt::format("case {} ({}): unknown flags 0x{:x} (a newer Rivet built it?)",
                                    index, *name, raw.flags));
        }
        if (raw.function == 0) {
            throw error(error_kind::bad_input,
                        fmt::format("case {} ({}): no function", index, *name));
        }
        if (!names.insert(*name).second) {
            throw error(error_kind::bad_input,
                        fmt::format("case {}: the name {} is used twice", index, *name));
        }
        out.push_back({std::move(*name), index, raw.function & ~1u,
                       (raw.flags & contract::flag_should_fail) != 0,
                       (raw.flags & contract::flag_ignore) != 0});
    }
    return out;
}

std::vector<test_case> read_cases(const elf::file& firmware) {
    const auto table = firmware.section(contract::cases_section);
    if (!table) {
        throw error(error_kind::bad_input,
                    fmt::format("{}: no test cases (no {} section): link it with rivet_testing and "
                                "write RIVET_TEST cases (docs/guide/testing.md)",
                                firmware.path().string(), contract::cases_section));
    }
    // Names live in the loaded image (.rodata).
    const auto text_at = [&firmware](std::uint32_t address) -> std::optional<std::string> {
        for (const auto& segment : firmware.load_segments()) {
            const auto base = segment.virtual_address;
            if (address < base || address - base >= segment.data.size()) continue;
            std::string text;
            for (auto i = address - base; i < segment.data.size(); ++i) {
                if (segment.data[i] == 0) return text;
                if (text.size() > longest_name) return std::nullopt;
                text.push_back(static_cast<char>(segment.data[i]));
            }
        }
        return std::nullopt;
    };
    try {
        auto cases = parse_cases(*table, text_at);
        if (cases.empty()) {
            throw error(error_kind::bad_input, "the case table is empty");
        }
        // By name, as cargo test does: the table's order is the compiler's
        // (GCC emits a file's cases last first) and the linker's.
        std::sort(cases.begin(), cases.end(),
                  [](const test_case& a, const test_case& b) { return a.name < b.name; });
        return cases;
    } catch (const error& e) {
        throw error(e.kind(), fmt::format("{}: {}", firmware.path().string(), e.what()));
    }
}

choice choose(const test_case& c, const selection& s) {
    if (!s.filter.empty()) {
        const bool match =
            s.exact ? c.name == s.filter : c.name.find(s.filter) != std::string::npos;
        if (!match) return choice::skip;
    }
    return c.ignore && !s.include_ignored ? choice::ignore : choice::run;
}

}  // namespace rivet::test_runner
