// Strings as values in constant expressions: the format string, the file
// name and the argument signature are built and checked at compile time and
// end up in the log metadata section, never in flash.
#pragma once

#include <cstddef>
#include <string_view>

namespace rivet::log::detail {

template <std::size_t N>
struct fixed_string {
    char chars[N + 1]{};

    consteval fixed_string() = default;
    consteval fixed_string(const char (&text)[N + 1]) {  // NOLINT: implicit on purpose
        for (std::size_t i = 0; i < N; ++i) chars[i] = text[i];
    }
    consteval fixed_string(std::string_view text, int) {
        for (std::size_t i = 0; i < N && i < text.size(); ++i) chars[i] = text[i];
    }

    static constexpr std::size_t size() { return N; }
    constexpr std::string_view view() const { return {chars, N}; }
};
template <std::size_t M>
fixed_string(const char (&)[M]) -> fixed_string<M - 1>;

// One character as a string: a signature letter of the wire contract.
consteval fixed_string<1> letter(char c) {
    fixed_string<1> out;
    out.chars[0] = c;
    return out;
}

template <std::size_t A, std::size_t B>
consteval fixed_string<A + B> operator+(const fixed_string<A>& a, const fixed_string<B>& b) {
    fixed_string<A + B> out;
    for (std::size_t i = 0; i < A; ++i) out.chars[i] = a.chars[i];
    for (std::size_t i = 0; i < B; ++i) out.chars[A + i] = b.chars[i];
    return out;
}

constexpr std::size_t decimal_digits(unsigned long long value) {
    std::size_t digits = 1;
    while (value >= 10) {
        value /= 10;
        ++digits;
    }
    return digits;
}

template <unsigned long long Value>
consteval auto decimal() {
    fixed_string<decimal_digits(Value)> out;
    auto v = Value;
    for (std::size_t i = decimal_digits(Value); i-- > 0;) {
        out.chars[i] = static_cast<char>('0' + v % 10);
        v /= 10;
    }
    return out;
}

}  // namespace rivet::log::detail
