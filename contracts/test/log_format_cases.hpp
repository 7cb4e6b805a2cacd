// Format strings and what the grammar (rivet/contracts/log_format.hpp) makes
// of them: one table, run by the host test (contracts/test/log_format_test.cpp)
// and by firmware under QEMU (tests/firmware/log/format_cases.cpp), so both
// sides' builds of the parser are held to the same answers.
#pragma once

#include <rivet/contracts/log_format.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace rivet::contracts::log::format::test {

struct format_case {
    std::string_view format;
    format::error error;
    // Without an error: the text with escapes resolved and each placeholder
    // as '|', and the spec of the last placeholder.
    std::string_view shape;
    format::spec last;
};

inline constexpr format_case format_cases[] = {
    {"", error::none, "", {}},
    {"plain text", error::none, "plain text", {}},
    {"t={} C, n={}", error::none, "t=| C, n=|", {}},
    {"{{literal}} {}", error::none, "{literal} |", {}},
    {"{{}}", error::none, "{}", {}},
    {"{:x}", error::none, "|", {.type = 'x'}},
    {"{:X}", error::none, "|", {.type = 'X'}},
    {"{:#x}", error::none, "|", {.alternate = true, .type = 'x'}},
    {"{:#b}", error::none, "|", {.alternate = true, .type = 'b'}},
    {"{:#o}", error::none, "|", {.alternate = true, .type = 'o'}},
    {"{:08}", error::none, "|", {.zero = true, .width = 8}},
    {"{:#010x}", error::none, "|", {.alternate = true, .zero = true, .width = 10, .type = 'x'}},
    {"{:5}", error::none, "|", {.width = 5}},
    {"{:.3}", error::none, "|", {.has_precision = true, .precision = 3}},
    {"{:8.2e}", error::none, "|", {.width = 8, .has_precision = true, .precision = 2, .type = 'e'}},
    {"{:?}", error::none, "|", {.type = '?'}},
    {"a {} b {:?} c", error::none, "a | b | c", {.type = '?'}},
    {"{:255}", error::none, "|", {.width = 255}},
    {"{", error::unmatched_brace, "", {}},
    {"}", error::unmatched_brace, "", {}},
    {"ok {} then {", error::unmatched_brace, "", {}},
    {"a } b", error::unmatched_brace, "", {}},
    {"{0}", error::positional_placeholder, "", {}},
    {"{name}", error::positional_placeholder, "", {}},
    {"{:z}", error::unknown_type, "", {}},
    {"{:x?}", error::unknown_type, "", {}},
    {"{:-5}", error::unknown_type, "", {}},
    {"{:#}", error::hash_without_radix, "", {}},
    {"{:#?}", error::hash_without_radix, "", {}},
    {"{:#e}", error::hash_without_radix, "", {}},
    {"{:256}", error::number_too_large, "", {}},
    {"{:.99999999999}", error::number_too_large, "", {}},
};

// Runs one case through the parser; true if it gives the expected answer.
constexpr bool passes(const format_case& c) {
    parser p(c.format);
    char shape[64] = {};
    std::size_t size = 0;
    spec last{};
    auto put = [&](char ch) {
        if (size < sizeof shape) shape[size++] = ch;
    };
    for (auto x = p.next(); x.kind != piece_kind::end; x = p.next()) {
        if (x.kind == piece_kind::error) return x.error == c.error;
        if (x.kind == piece_kind::placeholder) {
            put('|');
            last = x.spec;
        } else {
            for (char ch : x.text) put(ch);
        }
    }
    return c.error == error::none && std::string_view(shape, size) == c.shape && last == c.last;
}

constexpr bool all_pass() {
    for (const auto& c : format_cases) {
        if (!passes(c)) return false;
    }
    return true;
}

}  // namespace rivet::contracts::log::format::test
