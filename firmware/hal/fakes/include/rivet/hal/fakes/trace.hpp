// A fixed-capacity text log the fakes write what happened on the wire into,
// e.g. "cs:0 w:9f r:3 flush cs:1", so a test states the expected traffic in
// one readable string. No heap: the firmware test uses it too.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace rivet::hal::fakes {

class trace {
public:
    static constexpr std::size_t capacity = 512;

    constexpr void word(std::string_view text) {
        if (size_ != 0) put(' ');
        for (char c : text) put(c);
    }
    // Continues the current word.
    constexpr void append(std::string_view text) {
        for (char c : text) put(c);
    }
    constexpr void word_hex(std::string_view prefix, const std::uint8_t* bytes, std::size_t n) {
        word(prefix);
        for (std::size_t i = 0; i < n; ++i) hex(bytes[i]);
    }
    constexpr void word_number(std::string_view prefix, std::uint32_t value) {
        word(prefix);
        append_number(value);
    }
    constexpr void append_number(std::uint32_t value) {
        char digits[10];
        std::size_t n = 0;
        do {
            digits[n++] = static_cast<char>('0' + value % 10);
            value /= 10;
        } while (value != 0);
        while (n != 0) put(digits[--n]);
    }
    constexpr void hex(std::uint8_t byte) {
        constexpr char digits[] = "0123456789abcdef";
        put(digits[byte >> 4]);
        put(digits[byte & 0xf]);
    }
    constexpr std::string_view view() const { return {text_, size_}; }
    constexpr void clear() { size_ = 0; }
    // True when something did not fit (a test should then fail loudly).
    constexpr bool overflowed() const { return overflowed_; }

private:
    constexpr void put(char c) {
        if (size_ == capacity) {
            overflowed_ = true;
            return;
        }
        text_[size_++] = c;
    }
    char text_[capacity]{};
    std::size_t size_ = 0;
    bool overflowed_ = false;
};

}  // namespace rivet::hal::fakes
