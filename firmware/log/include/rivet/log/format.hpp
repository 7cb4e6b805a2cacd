// Compile-time checking of format strings against their arguments, and the
// metadata entries (call sites, interned strings) built from them.
//
// The grammar is contracts/log_format.hpp (shared with the host decoder);
// this adds what it asks of each argument (x X b o and '#': integers,
// pointers, bytes and lists of those; precision and e: floats). A mistake is
// a compile error naming it, through a call to one of the functions below
// (they are declared, never defined, and not constexpr).
#pragma once

#include <rivet/contracts/log_format.hpp>
#include <rivet/contracts/log_wire.hpp>
#include <rivet/log/encode.hpp>
#include <rivet/log/fixed_string.hpp>

#include <cstdint>
#include <string_view>
#include <type_traits>

namespace rivet::log::format_error {
void more_placeholders_than_arguments();
void more_arguments_than_placeholders();
void hint_x_b_o_or_hash_needs_an_integer_pointer_or_bytes_argument();
void precision_needs_a_float_or_double_argument();
void unknown_format_hint_use_x_X_b_o_question_mark_or_e();
void unmatched_brace_in_format_string_use_double_braces_for_literal_ones();
void positional_placeholders_are_not_supported_use_empty_braces();
void argument_type_cannot_be_logged_specialise_rivet_log_formatter();
void width_or_precision_above_255();
}  // namespace rivet::log::format_error

namespace rivet::log::detail {

template <class... A>
struct type_list {};

template <class A>
consteval traits traits_of() {
    if constexpr (loggable<A>) {
        return argument<A>::hints;
    } else {
        format_error::argument_type_cannot_be_logged_specialise_rivet_log_formatter();
        return {};
    }
}

// What the grammar (contracts/log_format.hpp) asks of the argument, and
// the grammar's own mistakes, as compile errors that name them.
consteval void check_spec(const contracts::log::format::spec& spec, traits arg) {
    if (spec.radix() && !arg.radix) {
        format_error::hint_x_b_o_or_hash_needs_an_integer_pointer_or_bytes_argument();
    }
    if (spec.floating() && !arg.floating)
        format_error::precision_needs_a_float_or_double_argument();
}

consteval void report(contracts::log::format::error e) {
    using contracts::log::format::error;
    switch (e) {
        case error::none:
            break;
        case error::unmatched_brace:
            format_error::unmatched_brace_in_format_string_use_double_braces_for_literal_ones();
            break;
        case error::positional_placeholder:
            format_error::positional_placeholders_are_not_supported_use_empty_braces();
            break;
        case error::unknown_type:
            format_error::unknown_format_hint_use_x_X_b_o_question_mark_or_e();
            break;
        case error::hash_without_radix:
            format_error::hint_x_b_o_or_hash_needs_an_integer_pointer_or_bytes_argument();
            break;
        case error::number_too_large:
            format_error::width_or_precision_above_255();
            break;
    }
}

template <class... A>
consteval void check_format(std::string_view format);

template <class T>
consteval void check_nested() {
    if constexpr (user_formatted<T>) {
        using fields = typename argument<T>::fields_type;
        [&]<class... F>(std::tuple<F...>*) {
            check_format<std::remove_cvref_t<F>...>(argument<T>::format.view());
        }(static_cast<fields*>(nullptr));
    } else if constexpr (requires { typename T::value_type; } &&
                         !std::is_same_v<T, std::string_view>) {
        if constexpr (loggable<typename T::value_type>) check_nested<typename T::value_type>();
    }
}

template <class... A>
consteval void check_format(std::string_view format) {
    namespace grammar = contracts::log::format;
    const traits args[] = {traits_of<A>()..., traits{}};
    (check_nested<A>(), ...);
    std::size_t next = 0;
    grammar::parser parser(format);
    for (auto piece = parser.next(); piece.kind != grammar::piece_kind::end;
         piece = parser.next()) {
        if (piece.kind == grammar::piece_kind::error) {
            report(piece.error);
            return;
        }
        if (piece.kind != grammar::piece_kind::placeholder) continue;
        if (next >= sizeof...(A)) {
            format_error::more_placeholders_than_arguments();
            return;
        }
        check_spec(piece.spec, args[next++]);
    }
    if (next != sizeof...(A)) format_error::more_arguments_than_placeholders();
}

template <class... A>
consteval auto signature_of() {
    return (fixed_string<0>{} + ... + argument<A>::signature);
}

template <std::size_t F, std::size_t N, std::size_t S>
consteval auto make_call_site_entry(contracts::log::level level, bool timestamp,
                                    const fixed_string<F>& file, const fixed_string<N>& format,
                                    unsigned line, const fixed_string<S>& signature) {
    metadata_entry<F + 1 + N + 1 + S + 1> entry{};
    entry.header.kind = static_cast<std::uint8_t>(contracts::log::entry_kind::call_site);
    entry.header.level = static_cast<std::uint8_t>(
        static_cast<std::uint8_t>(level) | (timestamp ? contracts::log::flag_timestamp : 0));
    entry.header.size = static_cast<std::uint16_t>(sizeof(entry));
    entry.header.line = line;
    std::size_t at = 0;
    for (char c : file.view()) entry.text[at++] = c;
    entry.text[at++] = '\0';
    for (char c : format.view()) entry.text[at++] = c;
    entry.text[at++] = '\0';
    for (char c : signature.view()) entry.text[at++] = c;
    return entry;
}

template <contracts::log::level Level, bool Timestamp, class... A, std::size_t F, std::size_t N>
consteval auto make_call_site(const fixed_string<F>& file, const fixed_string<N>& format,
                              unsigned line) {
    check_format<A...>(format.view());
    if constexpr ((loggable<A> && ...)) {
        return make_call_site_entry(Level, Timestamp, file, format, line, signature_of<A...>());
    } else {
        return make_call_site_entry(Level, Timestamp, file, format, line, fixed_string<0>{});
    }
}

template <std::size_t N>
consteval auto make_string_entry(const fixed_string<N>& text) {
    metadata_entry<N + 1> entry{};
    entry.header.kind = static_cast<std::uint8_t>(contracts::log::entry_kind::string);
    entry.header.size = static_cast<std::uint16_t>(sizeof(entry));
    for (std::size_t i = 0; i < N; ++i) entry.text[i] = text.chars[i];
    return entry;
}

inline std::uint32_t index_of(const void* entry) {
    return static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(entry));
}

}  // namespace rivet::log::detail
