// Naming and type helpers of the C++ register-header emitter, and
// cpp_identifier.
#include "emit_names.hpp"

#include <fmt/format.h>

#include <cctype>
#include <cstring>

#include "rivet/svd/emitter.hpp"

namespace rivet::svd {

namespace {

const std::set<std::string>& reserved_words() {
    static const std::set<std::string> words = {
        "alignas", "alignof", "and", "and_eq", "asm", "auto", "bitand", "bitor", "bool", "break",
        "case", "catch", "char", "char8_t", "char16_t", "char32_t", "class", "compl", "concept",
        "const", "consteval", "constexpr", "constinit", "const_cast", "continue", "co_await",
        "co_return", "co_yield", "decltype", "default", "delete", "do", "double", "dynamic_cast",
        "else", "enum", "explicit", "export", "extern", "false", "float", "for", "friend", "goto",
        "if", "inline", "int", "long", "mutable", "namespace", "new", "noexcept", "not", "not_eq",
        "nullptr", "operator", "or", "or_eq", "private", "protected", "public", "register",
        "reinterpret_cast", "requires", "return", "short", "signed", "sizeof", "static",
        "static_assert", "static_cast", "struct", "switch", "template", "this", "thread_local",
        "throw", "true", "try", "typedef", "typeid", "typename", "union", "unsigned", "using",
        "virtual", "void", "volatile", "wchar_t", "while", "xor", "xor_eq", "final", "override",
        "import", "module",
        // common lower-case macros and names of the C library
        "assert", "errno", "linux", "unix", "major", "minor", "offsetof", "setjmp", "stdin",
        "stdout", "stderr", "std", "rivet", "NULL", "EOF", "TRUE", "FALSE"};
    return words;
}

}  // namespace

std::string cpp_identifier(const std::string& name, bool keep_case) {
    std::string out;
    char prev = 0;
    for (char c : name) {
        const auto u = static_cast<unsigned char>(c);
        // CamelCase becomes snake_case: TxNotEmpty -> tx_not_empty
        if (!keep_case && std::isupper(u) != 0 &&
            std::islower(static_cast<unsigned char>(prev)) != 0)
            out += '_';
        prev = c;
        if (std::isalnum(u) != 0) {
            out += keep_case ? c : static_cast<char>(std::tolower(u));
        } else if (!out.empty() && out.back() != '_') {
            out += '_';
        }
    }
    while (!out.empty() && out.back() == '_') out.pop_back();
    // push_back, not `out = "_"`: GCC 12 reports a false -Wrestrict there.
    if (out.empty()) out.push_back('_');
    if (std::isdigit(static_cast<unsigned char>(out[0])) != 0) out = "_" + out;
    if (out.size() > 1 && out[0] == '_' && std::isupper(static_cast<unsigned char>(out[1])) != 0)
        out = "v" + out;
    if (reserved_words().contains(out)) out += '_';
    return out;
}

namespace emit {

std::string strip_dim(std::string name) {
    for (const char* pat : {"[%s]", "%s"}) {
        auto pos = name.find(pat);
        if (pos != std::string::npos) name.erase(pos, std::strlen(pat));
    }
    while (!name.empty() && name.back() == '_') name.pop_back();
    return name;
}

std::string hex(std::uint64_t v, unsigned bits) {
    return bits > 32 ? fmt::format("0x{:X}ull", v) : fmt::format("0x{:X}u", v);
}

// An address offset: plain for small values, ull otherwise.
std::string off(std::uint64_t v) {
    return v < 0x80000000ull ? fmt::format("0x{:X}", v) : fmt::format("0x{:X}ull", v);
}

std::string raw_type(std::uint32_t size) {
    if (size <= 8) return "std::uint8_t";
    if (size <= 16) return "std::uint16_t";
    if (size <= 32) return "std::uint32_t";
    return "std::uint64_t";
}

unsigned raw_bits(std::uint32_t size) {
    return size <= 8 ? 8 : size <= 16 ? 16 : size <= 32 ? 32 : 64;
}

// One-line comment text: no newlines, no trailing backslash.
std::string comment(const std::string& s) {
    std::string out;
    bool space = false;
    for (char c : s) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    while (!out.empty() && out.back() == '\\') out.pop_back();
    if (out.size() > 160) out = out.substr(0, 157) + "...";
    return out;
}

bool ones_mw(svd_modified_write m) {
    return m == svd_modified_write::one_to_clear || m == svd_modified_write::one_to_set ||
           m == svd_modified_write::one_to_toggle;
}
bool zeros_mw(svd_modified_write m) {
    return m == svd_modified_write::zero_to_clear || m == svd_modified_write::zero_to_set ||
           m == svd_modified_write::zero_to_toggle;
}

std::string access_name(svd_access a) {
    if (!readable(a)) return "write_only";
    if (!writable(a)) return "read_only";
    return "read_write";
}

}  // namespace emit

}  // namespace rivet::svd
