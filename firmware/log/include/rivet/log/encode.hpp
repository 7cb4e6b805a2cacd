// How each argument kind travels: its signature character (what the host
// decodes it with, stored in the call site's metadata) and its encoding.
// User types take part through rivet::log::formatter<T> (see log.hpp).
#pragma once

#include <rivet/contracts/log_wire.hpp>
#include <rivet/log/fixed_string.hpp>

#include <array>
#include <concepts>
#include <cstdint>
#include <cstring>
#include <optional>
#include <span>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

namespace rivet::log {

// A string literal sent as the index of its metadata entry: RIVET_STR("idle").
struct interned {
    std::uint32_t index;
};

// The customisation point for user types: specialise with
//   static constexpr char format[] = "({}, {})";
//   static constexpr auto fields(const T& v) { return std::tuple{v.x, v.y}; }
// Fields may themselves be user types; the format is checked against them.
template <class T>
struct formatter;

namespace detail {

namespace sig = contracts::log::sig;

// Varints and zigzag for both writers below; each supplies varint_loop.
// Every width goes through one of two loops (32 or 64 bits), so a firmware
// carries at most two copies of each.
template <class Self>
struct varint_encoder {
    template <std::unsigned_integral U>
    [[gnu::always_inline]] void varint(U value) {
        if constexpr (sizeof(U) <= 4) {
            static_cast<Self*>(this)->varint_loop(static_cast<std::uint32_t>(value));
        } else {
            static_cast<Self*>(this)->varint_loop(static_cast<std::uint64_t>(value));
        }
    }
    template <std::signed_integral S>
    [[gnu::always_inline]] void zigzag(S value) {
        using W = std::conditional_t<(sizeof(S) <= 4), std::int32_t, std::int64_t>;
        using U = std::make_unsigned_t<W>;
        const W wide = value;
        varint(static_cast<U>((static_cast<U>(wide) << 1) ^
                              static_cast<U>(wide >> (sizeof(W) * 8 - 1))));
    }
};

// Where an argument's bytes go: a bounded frame buffer. Overflow is
// remembered and the frame is dropped whole rather than sent cut short.
struct writer : varint_encoder<writer> {
    std::uint8_t* pos;
    std::uint8_t* end;
    bool overflow = false;

    writer(std::uint8_t* from, std::uint8_t* to) : pos(from), end(to) {}

    [[gnu::always_inline]] void byte(std::uint8_t b) {
        if (pos < end) {
            *pos++ = b;
        } else {
            overflow = true;
        }
    }
    template <class U>
    void varint_loop(U value) {
        while (value >= 0x80) {
            byte(static_cast<std::uint8_t>(value | 0x80));
            value = static_cast<U>(value >> 7);
        }
        byte(static_cast<std::uint8_t>(value));
    }
    void raw(const void* data, std::size_t size) {
        if (static_cast<std::size_t>(end - pos) < size) {
            overflow = true;
            return;
        }
        std::memcpy(pos, data, size);
        pos += size;
    }
};

// The fast path's writer: straight into RTT ring memory whose room was
// checked for the longest encoding beforehand, so no bounds checks; it
// notes whether a zero byte went out (only then does the frame need COBS
// beyond its first code byte). A varint ends in a zero byte only when its
// value is 0; its other bytes have the top bit set.
struct ring_writer : varint_encoder<ring_writer> {
    std::uint8_t* pos;
    bool zero = false;

    explicit ring_writer(std::uint8_t* at) : pos(at) {}

    [[gnu::always_inline]] void byte(std::uint8_t b) {
        zero |= b == 0;
        *pos++ = b;
    }
    template <class U>
    [[gnu::always_inline]] void varint_loop(U value) {
        zero |= value == 0;
        unchecked_varint(value);
    }
    // A call site's index: never 0 (the version entry's), so never a zero byte.
    [[gnu::always_inline]] void index(std::uint32_t value) { unchecked_varint(value); }
    // 32 bits unrolled: a compare per byte instead of a loop's branches
    // (one copy per argument-type list, not per call site).
    [[gnu::always_inline]] void unchecked_varint(std::uint32_t v) {
        std::uint8_t* p = pos;
        if (v < (1u << 7)) {
            p[0] = static_cast<std::uint8_t>(v);
            pos = p + 1;
        } else if (v < (1u << 14)) {
            p[0] = static_cast<std::uint8_t>(v | 0x80);
            p[1] = static_cast<std::uint8_t>(v >> 7);
            pos = p + 2;
        } else if (v < (1u << 21)) {
            p[0] = static_cast<std::uint8_t>(v | 0x80);
            p[1] = static_cast<std::uint8_t>((v >> 7) | 0x80);
            p[2] = static_cast<std::uint8_t>(v >> 14);
            pos = p + 3;
        } else {
            unchecked_varint_loop(v);
        }
    }
    [[gnu::always_inline]] void unchecked_varint(std::uint64_t value) {
        unchecked_varint_loop(value);
    }
    template <class U>
    [[gnu::always_inline]] void unchecked_varint_loop(U value) {
        while (value >= 0x80) {
            *pos++ = static_cast<std::uint8_t>(value | 0x80);
            value = static_cast<U>(value >> 7);
        }
        *pos++ = static_cast<std::uint8_t>(value);
    }
    [[gnu::always_inline]] void raw(const void* data, std::size_t size) {
        const auto* from = static_cast<const std::uint8_t*>(data);
        for (std::size_t i = 0; i < size; ++i) byte(from[i]);
    }
};

// The most bytes a value of a fixed-size argument kind encodes to.
template <class T>
inline constexpr std::size_t varint_max = (sizeof(T) * 8 + 6) / 7;

// What a format hint may be applied to.
struct traits {
    bool radix = false;     // {:x} {:#x} {:b} {:o}: integers, pointers, bytes, lists of those
    bool floating = false;  // {:.2}
};

template <class T>
struct argument;  // undefined: the type cannot be logged (see the static_assert in log.hpp)

template <class T>
concept loggable = requires {
    argument<T>::signature;
};

// Encodes to at most a known number of bytes (argument<T>::max_size), so
// it may go straight into the RTT ring.
template <class T>
concept fixed_size = requires {
    argument<T>::max_size;
};

template <class T>
requires(std::integral<T> && !std::same_as<T, bool> && !std::same_as<T, char>) struct argument<T> {
    static constexpr auto signature =
        letter(std::signed_integral<T> ? sig::signed_int : sig::unsigned_int);
    static constexpr traits hints{.radix = true};
    static constexpr std::size_t max_size =
        varint_max<std::conditional_t<(sizeof(T) < 4), std::uint32_t, T>>;
    template <class W>
    [[gnu::always_inline]] static void encode(W& w, T value) {
        if constexpr (std::signed_integral<T>) {
            w.zigzag(value);
        } else {
            using U = std::conditional_t<(sizeof(T) < 4), std::uint32_t, T>;
            w.varint(static_cast<U>(value));
        }
    }
};

template <>
struct argument<bool> {
    static constexpr auto signature = letter(sig::boolean);
    static constexpr traits hints{};
    static constexpr std::size_t max_size = 1;
    template <class W>
    [[gnu::always_inline]] static void encode(W& w, bool value) {
        w.byte(value ? 1 : 0);
    }
};

template <>
struct argument<char> {
    static constexpr auto signature = letter(sig::character);
    static constexpr traits hints{};
    static constexpr std::size_t max_size = 1;
    template <class W>
    [[gnu::always_inline]] static void encode(W& w, char value) {
        w.byte(static_cast<std::uint8_t>(value));
    }
};

template <>
struct argument<float> {
    static constexpr auto signature = letter(sig::f32);
    static constexpr traits hints{.floating = true};
    static constexpr std::size_t max_size = 4;
    template <class W>
    [[gnu::always_inline]] static void encode(W& w, float value) {
        w.raw(&value, 4);
    }
};

template <>
struct argument<double> {
    static constexpr auto signature = letter(sig::f64);
    static constexpr traits hints{.floating = true};
    static constexpr std::size_t max_size = 8;
    template <class W>
    [[gnu::always_inline]] static void encode(W& w, double value) {
        w.raw(&value, 8);
    }
};

inline void encode_string(writer& w, const char* text, std::size_t size) {
    w.varint(static_cast<std::uint32_t>(size));
    w.raw(text, size);
}

template <>
struct argument<std::string_view> {
    static constexpr auto signature = letter(sig::string);
    static constexpr traits hints{};
    static void encode(writer& w, std::string_view text) {
        encode_string(w, text.data(), text.size());
    }
};

template <class C>
requires std::same_as < std::remove_const_t<C>,
char > struct argument<C*> {
    static constexpr auto signature = letter(sig::string);
    static constexpr traits hints{};
    static void encode(writer& w, const char* text) {
        if (text == nullptr) text = "(null)";
        encode_string(w, text, std::strlen(text));
    }
};

// A char array is a runtime string buffer: up to its first NUL.
template <std::size_t N>
struct argument<char[N]> {
    static constexpr auto signature = letter(sig::string);
    static constexpr traits hints{};
    static void encode(writer& w, const char (&text)[N]) {
        std::size_t size = 0;
        while (size < N && text[size] != '\0') ++size;
        encode_string(w, text, size);
    }
};

template <>
struct argument<interned> {
    static constexpr auto signature = letter(sig::interned);
    static constexpr traits hints{};
    static constexpr std::size_t max_size = varint_max<std::uint32_t>;
    template <class W>
    [[gnu::always_inline]] static void encode(W& w, interned s) {
        w.varint(s.index);
    }
};

template <class T>
concept byte_like = std::same_as<std::remove_const_t<T>, std::uint8_t> ||
    std::same_as<std::remove_const_t<T>, std::byte>;

template <class T>
void encode_sequence(writer& w, std::span<const T> items) {
    w.varint(static_cast<std::uint32_t>(items.size()));
    if constexpr (byte_like<T>) {
        w.raw(items.data(), items.size());
    } else {
        for (const auto& item : items) argument<std::remove_cv_t<T>>::encode(w, item);
    }
}

template <class T>
consteval auto sequence_signature() {
    if constexpr (byte_like<T>) {
        return letter(sig::bytes);
    } else {
        return letter(sig::list) + argument<std::remove_cv_t<T>>::signature;
    }
}

template <class T>
consteval traits sequence_hints() {
    if constexpr (byte_like<T>) {
        return {.radix = true};
    } else {
        return argument<std::remove_cv_t<T>>::hints;
    }
}

template <class T, std::size_t E>
struct argument<std::span<T, E>> {
    static constexpr auto signature = sequence_signature<T>();
    static constexpr traits hints = sequence_hints<T>();
    static void encode(writer& w, std::span<T, E> items) {
        encode_sequence(w, std::span<const T>(items.data(), items.size()));
    }
};

template <class T, std::size_t N>
struct argument<std::array<T, N>> {
    static constexpr auto signature = sequence_signature<T>();
    static constexpr traits hints = sequence_hints<T>();
    static void encode(writer& w, const std::array<T, N>& items) {
        encode_sequence(w, std::span<const T>(items.data(), N));
    }
};

template <class T, std::size_t N>
requires(!std::same_as<std::remove_const_t<T>, char>) struct argument<T[N]> {
    static constexpr auto signature = sequence_signature<T>();
    static constexpr traits hints = sequence_hints<T>();
    static void encode(writer& w, const T (&items)[N]) {
        encode_sequence(w, std::span<const T>(items, N));
    }
};

template <class T>
struct argument<std::optional<T>> {
    static constexpr auto signature = letter(sig::optional) + argument<T>::signature;
    static constexpr traits hints = argument<T>::hints;
    static void encode(writer& w, const std::optional<T>& value) {
        w.byte(value ? 1 : 0);
        if (value) argument<T>::encode(w, *value);
    }
};

template <class T>
requires(!std::same_as<std::remove_const_t<T>, char>) struct argument<T*> {
    static constexpr auto signature = letter(sig::pointer);
    static constexpr traits hints{.radix = true};
    static constexpr std::size_t max_size = 4;
    template <class W>
    [[gnu::always_inline]] static void encode(W& w, T* pointer) {
        const auto address = static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(pointer));
        w.raw(&address, 4);
    }
};

template <>
struct argument<std::nullptr_t> {
    static constexpr auto signature = letter(sig::pointer);
    static constexpr traits hints{.radix = true};
    static constexpr std::size_t max_size = 4;
    template <class W>
    [[gnu::always_inline]] static void encode(W& w, std::nullptr_t) {
        w.raw("\0\0\0\0", 4);
    }
};

// ---- enums: names found at compile time from the compiler's own spelling
// of each value (GCC and Clang spell a named enumerator by name and an
// unnamed value as a cast), for values in [enum_min, enum_max].
inline constexpr int enum_min = -8;
inline constexpr int enum_max = 64;

template <auto Value>
consteval std::string_view enumerator_spelling() {
    std::string_view name = __PRETTY_FUNCTION__;
    const auto start = name.find("Value = ") + 8;
    const auto stop = name.find_first_of(";]", start);
    return name.substr(start, stop - start);
}

template <auto Value>
consteval std::string_view enumerator_name() {
    auto text = enumerator_spelling<Value>();
    if (text.empty() || text.front() == '(' || (text.front() >= '0' && text.front() <= '9') ||
        text.front() == '-') {
        return {};
    }
    const auto colon = text.rfind(':');
    return colon == std::string_view::npos ? text : text.substr(colon + 1);
}

template <class E>
consteval std::string_view enum_type_name() {
    std::string_view name = __PRETTY_FUNCTION__;
    const auto start = name.find("E = ") + 4;
    const auto stop = name.find_first_of(";]", start);
    return name.substr(start, stop - start);
}

template <class E, int... I>
consteval std::size_t enum_names_size(std::integer_sequence<int, I...>) {
    std::size_t size = enum_type_name<E>().size() + 1 + 1;
    auto add = [&](std::string_view name, int value) {
        if (name.empty()) return;
        const auto magnitude = static_cast<unsigned long long>(value < 0 ? -value : value);
        size += (value < 0 ? 1 : 0) + decimal_digits(magnitude) + 1 + name.size() + 1;
    };
    (add(enumerator_name<static_cast<E>(I + enum_min)>(), I + enum_min), ...);
    return size;
}

template <class E>
inline constexpr std::size_t enum_text_size =
    enum_names_size<E>(std::make_integer_sequence<int, enum_max - enum_min + 1>{});

template <std::size_t TextSize>
struct alignas(4) metadata_entry {
    contracts::log::entry_header header;
    char text[(TextSize + 3) / 4 * 4];
};

template <class E, int... I>
consteval auto make_enum_entry(std::integer_sequence<int, I...>) {
    metadata_entry<enum_text_size<E>> entry{};
    entry.header.kind = static_cast<std::uint8_t>(contracts::log::entry_kind::enum_names);
    entry.header.size = static_cast<std::uint16_t>(sizeof(entry));
    std::size_t at = 0;
    auto put = [&](std::string_view text) {
        for (char c : text) entry.text[at++] = c;
        entry.text[at++] = '\0';
    };
    put(enum_type_name<E>());
    auto add = [&](std::string_view name, int value) {
        if (name.empty()) return;
        if (value < 0) entry.text[at++] = '-';
        auto magnitude = static_cast<unsigned long long>(value < 0 ? -value : value);
        const auto digits = decimal_digits(magnitude);
        for (std::size_t i = digits; i-- > 0;) {
            entry.text[at + i] = static_cast<char>('0' + magnitude % 10);
            magnitude /= 10;
        }
        at += digits;
        entry.text[at++] = '\0';
        put(name);
    };
    (add(enumerator_name<static_cast<E>(I + enum_min)>(), I + enum_min), ...);
    entry.text[at++] = '\0';
    return entry;
}

template <class E>
[[gnu::noinline]] inline std::uint32_t enum_index() {
    // Placed in the metadata section by name (rivet_log_entry), as GCC
    // ignores section attributes in templates.
    static constexpr auto rivet_log_entry =
        make_enum_entry<E>(std::make_integer_sequence<int, enum_max - enum_min + 1>{});
    return static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(&rivet_log_entry));
}

template <class E>
requires std::is_enum_v<E>
struct argument<E> {
    static constexpr auto signature = letter(sig::enumeration);
    static constexpr traits hints{};
    static constexpr std::size_t max_size = 2 * varint_max<std::uint32_t>;
    template <class W>
    static void encode(W& w, E value) {
        w.varint(enum_index<E>());
        w.zigzag(static_cast<std::int32_t>(value));
    }
};

// ---- user types
template <class T>
concept user_formatted = requires(const T& v) {
    formatter<T>::format;
    formatter<T>::fields(v);
};

template <class Tuple>
struct tuple_signature;
template <class... F>
struct tuple_signature<std::tuple<F...>> {
    static constexpr auto value =
        (fixed_string<0>{} + ... + argument<std::remove_cvref_t<F>>::signature);
};

template <class T>
requires user_formatted<T>
struct argument<T> {
    using fields_type = decltype(formatter<T>::fields(std::declval<const T&>()));
    static constexpr fixed_string<sizeof(formatter<T>::format) - 1> format{formatter<T>::format};
    static constexpr auto signature = letter(sig::user_open) + decimal<format.size()>() +
                                      fixed_string{":"} + format +
                                      tuple_signature<fields_type>::value + letter(sig::user_close);
    static constexpr traits hints{};
    static void encode(writer& w, const T& value) {
        std::apply(
            [&w](const auto&... field) {
                (argument<std::remove_cvref_t<decltype(field)>>::encode(w, field), ...);
            },
            formatter<T>::fields(value));
    }
};

}  // namespace detail
}  // namespace rivet::log
