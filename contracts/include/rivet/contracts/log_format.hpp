// The grammar of log format strings, shared by the firmware (which checks
// every format against its arguments at compile time) and the host (which
// renders with it), so the two cannot read a format differently. constexpr
// and freestanding: no allocation, views into the format only.
// Spec: docs/log-wire-format.md ("Format strings").
//
//   format      = (text | "{{" | "}}" | placeholder)*
//   placeholder = "{" [":" spec] "}"
//   spec        = ["#"] ["0"] [width] ["." precision] [type]
//   type        = "x" | "X" | "b" | "o" | "?" | "e"
//
// '#' needs one of x X b o; width and precision are at most max_number.
#pragma once

#include <cstdint>
#include <string_view>

namespace rivet::contracts::log::format {

enum class error : std::uint8_t {
    none,
    unmatched_brace,         // a '{' with no '}', or a lone '}'
    positional_placeholder,  // {0} or {name}: arguments are taken in order only
    unknown_type,            // a type outside x X b o ? e, or text after it
    hash_without_radix,      // {:#} {:#?}: '#' only means something with x X b o
    number_too_large,        // a width or precision above max_number
};

inline constexpr std::uint32_t max_number = 255;

struct spec {
    bool alternate = false;  // '#': 0x / 0b / 0o prefix
    bool zero = false;       // '0': pad with zeros
    std::uint32_t width = 0;
    bool has_precision = false;
    std::uint32_t precision = 0;  // digits after the point
    char type = 0;                // 0 or one of x X b o ? e

    // The argument must take a radix (integers, pointers, bytes).
    constexpr bool radix() const {
        return type == 'x' || type == 'X' || type == 'b' || type == 'o';
    }
    // The argument must be a float or double.
    constexpr bool floating() const { return has_precision || type == 'e'; }
    constexpr bool debug() const { return type == '?'; }
    constexpr bool plain() const {
        return !alternate && !zero && width == 0 && !has_precision && type == 0;
    }
    constexpr bool operator==(const spec&) const = default;
};

struct parsed_spec {
    format::spec spec;
    format::error error = error::none;
};

namespace detail {
constexpr bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
// Digits from text[at]; false if the number exceeds max_number.
constexpr bool number(std::string_view text, std::size_t& at, std::uint32_t& out) {
    out = 0;
    for (; at < text.size() && is_digit(text[at]); ++at) {
        out = out * 10 + static_cast<std::uint32_t>(text[at] - '0');
        if (out > max_number) return false;
    }
    return true;
}
}  // namespace detail

// SPEC: the text between ':' and '}'.
constexpr parsed_spec parse_spec(std::string_view text) {
    parsed_spec out;
    std::size_t at = 0;
    if (at < text.size() && text[at] == '#') {
        out.spec.alternate = true;
        ++at;
    }
    if (at < text.size() && text[at] == '0') {
        out.spec.zero = true;
        ++at;
    }
    if (!detail::number(text, at, out.spec.width)) return {out.spec, error::number_too_large};
    if (at < text.size() && text[at] == '.') {
        ++at;
        out.spec.has_precision = true;
        if (!detail::number(text, at, out.spec.precision)) {
            return {out.spec, error::number_too_large};
        }
    }
    if (at < text.size()) {
        const char type = text[at++];
        if (type != 'x' && type != 'X' && type != 'b' && type != 'o' && type != '?' &&
            type != 'e') {
            return {out.spec, error::unknown_type};
        }
        out.spec.type = type;
    }
    if (at != text.size()) return {out.spec, error::unknown_type};
    if (out.spec.alternate && !out.spec.radix()) return {out.spec, error::hash_without_radix};
    return out;
}

// One step through a format string: literal text (escapes already
// resolved: "{{" is the text "{"), a placeholder, the end, or an error.
enum class piece_kind : std::uint8_t { text, placeholder, end, error };
struct piece {
    piece_kind kind = piece_kind::end;
    std::string_view text;  // kind::text
    format::spec spec;      // kind::placeholder
    format::error error = error::none;
};

class parser {
public:
    constexpr explicit parser(std::string_view format) : format_(format) {}

    constexpr piece next() {
        if (at_ >= format_.size()) return {};
        const char c = format_[at_];
        if (c == '{' || c == '}') {
            if (at_ + 1 < format_.size() && format_[at_ + 1] == c) {
                at_ += 2;
                return {piece_kind::text, slice(at_ - 1, 1), {}, error::none};
            }
            if (c == '}') return fail(error::unmatched_brace);
            const auto close = format_.find('}', at_);
            if (close == std::string_view::npos) return fail(error::unmatched_brace);
            const auto inside = slice(at_ + 1, close - at_ - 1);
            at_ = close + 1;
            if (inside.empty()) return {piece_kind::placeholder, {}, {}, error::none};
            if (inside.front() != ':') return fail(error::positional_placeholder);
            const auto parsed = parse_spec(std::string_view(inside.data() + 1, inside.size() - 1));
            if (parsed.error != error::none) return fail(parsed.error);
            return {piece_kind::placeholder, {}, parsed.spec, error::none};
        }
        const auto stop = format_.find_first_of("{}", at_);
        const auto end = stop == std::string_view::npos ? format_.size() : stop;
        const auto text = slice(at_, end - at_);
        at_ = end;
        return {piece_kind::text, text, {}, error::none};
    }

private:
    // Not substr: on the target its out-of-range throw would link abort().
    constexpr std::string_view slice(std::size_t from, std::size_t count) const {
        return {format_.data() + from, count};
    }
    constexpr piece fail(format::error e) {
        at_ = format_.size();
        return {piece_kind::error, {}, {}, e};
    }

    std::string_view format_;
    std::size_t at_ = 0;
};

// The number of placeholders, or the first error.
struct summary {
    std::uint32_t placeholders = 0;
    format::error error = error::none;
};
constexpr summary summarize(std::string_view format) {
    summary out;
    parser p(format);
    for (auto x = p.next(); x.kind != piece_kind::end; x = p.next()) {
        if (x.kind == piece_kind::error) return {out.placeholders, x.error};
        if (x.kind == piece_kind::placeholder) ++out.placeholders;
    }
    return out;
}

}  // namespace rivet::contracts::log::format
