// Deferred logging: RIVET_INFO("t={} C", t) sends the index of a metadata
// entry (format string, level, file, line; kept in a non-loaded ELF
// section) and the raw argument bytes; the host formats. Levels are
// filtered at compile time: define RIVET_LOG_LEVEL (per build, per target,
// or per file before the first log call) to RIVET_LOG_LEVEL_TRACE ..
// RIVET_LOG_LEVEL_ERROR or RIVET_LOG_LEVEL_OFF; a filtered call compiles to
// nothing. Guide: docs/logging.md.
#pragma once

#include <rivet/contracts/log_wire.hpp>
#include <rivet/log/encode.hpp>
#include <rivet/log/fixed_string.hpp>
#include <rivet/log/format.hpp>

#include <cstdint>
#include <type_traits>

#define RIVET_LOG_LEVEL_TRACE 0
#define RIVET_LOG_LEVEL_DEBUG 1
#define RIVET_LOG_LEVEL_INFO 2
#define RIVET_LOG_LEVEL_WARN 3
#define RIVET_LOG_LEVEL_ERROR 4
#define RIVET_LOG_LEVEL_OFF 5

#ifndef RIVET_LOG_LEVEL
#define RIVET_LOG_LEVEL RIVET_LOG_LEVEL_TRACE
#endif

#if defined(__FILE_NAME__)
#define RIVET_LOG_FILE_ __FILE_NAME__
#else
#define RIVET_LOG_FILE_ __FILE__
#endif

#define RIVET_LOG_STRINGIFY2_(x) #x
#define RIVET_LOG_STRINGIFY_(x) RIVET_LOG_STRINGIFY2_(x)
// One input section per entry: GCC refuses to mix entries of inline
// functions (COMDAT) and of plain ones in one section of an object file.
// Entries GCC places by name instead (in templates, where it ignores the
// attribute) end up in the same output section through their name.
#define RIVET_LOG_SECTION_ gnu::section(".rivet.log." RIVET_LOG_STRINGIFY_(__COUNTER__))

// With RIVET_LOG_TIMESTAMPS=1 (per build, target or file) every frame
// carries this value, which the application defines (e.g. a microsecond
// counter); the host shows it as given.
extern "C" std::uint64_t rivet_log_timestamp();

#ifndef RIVET_LOG_TIMESTAMPS
#define RIVET_LOG_TIMESTAMPS 0
#endif

namespace rivet::log {

namespace level = contracts::log;

namespace detail {

// Builds the frame around the encoded arguments and hands it to the
// transport; out of line, shared by every call site.
void send_frame(std::uint8_t* frame, std::uint8_t* end, bool overflow) noexcept;
[[noreturn]] void panic_exit() noexcept;

// The metadata entry RIVET_LOG_TIMESTAMP_HZ leaves in .rivet.log.
struct timestamp_unit_entry {
    contracts::log::entry_header header;
    char text[4];
};

// Small trivially copyable arguments travel in registers, the rest by reference.
template <class T>
using param_t =
    std::conditional_t<std::is_trivially_copyable_v<T> && !std::is_array_v<T> && sizeof(T) <= 8, T,
                       const T&>;

// One instance per argument-type list, shared by every call site with
// those types; a call site only loads its index and arguments and calls it.
template <bool Timestamp, class... A>
[[gnu::noinline]] void emit(std::uint32_t index, param_t<A>... args) noexcept {
    std::uint8_t frame[contracts::log::max_frame_size + 2];
    writer w{frame + 1, frame + 1 + contracts::log::max_frame_size};
    w.varint(index);
    if constexpr (Timestamp) w.varint(rivet_log_timestamp());
    (argument<A>::encode(w, args), ...);
    send_frame(frame, w.pos, w.overflow);
}

template <bool Timestamp, class Site, class... A>
[[gnu::always_inline]] inline void log_call(Site site, const A&... args) noexcept {
    static_assert((loggable<std::remove_cvref_t<A>> && ...),
                  "rivet log: an argument's type cannot be logged; specialise "
                  "rivet::log::formatter<T> for it (docs/logging.md)");
    emit<Timestamp, std::remove_cvref_t<A>...>(site(type_list<std::remove_cvref_t<A>...>{}),
                                               args...);
}

}  // namespace detail
}  // namespace rivet::log

// Logs unconditionally at LEVEL (a rivet::contracts::log::level).
#define RIVET_LOG_EMIT_(LEVEL, FORMAT, ...)                                              \
    ::rivet::log::detail::log_call<(RIVET_LOG_TIMESTAMPS) != 0>(                         \
        []<class... RivetLogArgs>(::rivet::log::detail::type_list<RivetLogArgs...>) {    \
            [[RIVET_LOG_SECTION_]] static constexpr auto rivet_log_entry =               \
                ::rivet::log::detail::make_call_site<LEVEL, (RIVET_LOG_TIMESTAMPS) != 0, \
                                                     RivetLogArgs...>(                   \
                    ::rivet::log::detail::fixed_string{RIVET_LOG_FILE_},                 \
                    ::rivet::log::detail::fixed_string{FORMAT}, __LINE__);               \
            return ::rivet::log::detail::index_of(&rivet_log_entry);                     \
        } __VA_OPT__(, ) __VA_ARGS__)

#define RIVET_LOG_AT_(NUMBER, LEVEL, ...)                                        \
    do {                                                                         \
        if constexpr ((NUMBER) >= RIVET_LOG_LEVEL) {                             \
            RIVET_LOG_EMIT_(::rivet::contracts::log::level::LEVEL, __VA_ARGS__); \
        }                                                                        \
    } while (0)

#define RIVET_TRACE(...) RIVET_LOG_AT_(RIVET_LOG_LEVEL_TRACE, trace, __VA_ARGS__)
#define RIVET_DEBUG(...) RIVET_LOG_AT_(RIVET_LOG_LEVEL_DEBUG, debug, __VA_ARGS__)
#define RIVET_INFO(...) RIVET_LOG_AT_(RIVET_LOG_LEVEL_INFO, info, __VA_ARGS__)
#define RIVET_WARN(...) RIVET_LOG_AT_(RIVET_LOG_LEVEL_WARN, warn, __VA_ARGS__)
#define RIVET_ERROR(...) RIVET_LOG_AT_(RIVET_LOG_LEVEL_ERROR, error, __VA_ARGS__)

// Level-free output, never filtered: printed without a level or location.
// What a timestamp counts, once per program: RIVET_LOG_TIMESTAMP_HZ(1'000'000)
// where rivet_log_timestamp() returns microseconds. The host then prints
// seconds; without it, the raw value. Costs no flash (non-loaded metadata);
// a second one in the same program does not link.
#define RIVET_LOG_TIMESTAMP_HZ(hz)                                                                \
    static_assert((hz) > 0 && (hz) <= 0xffffffffu,                                                \
                  "RIVET_LOG_TIMESTAMP_HZ: ticks per second must be 1 to 2^32 - 1");              \
    extern "C" [[gnu::section(".rivet.log.timestamp_unit"),                                       \
                 gnu::used]] constinit const ::rivet::log::detail::timestamp_unit_entry           \
        rivet_log_timestamp_unit = {                                                              \
            {static_cast<std::uint8_t>(::rivet::contracts::log::entry_kind::timestamp_unit), 0,   \
             sizeof(::rivet::log::detail::timestamp_unit_entry), static_cast<std::uint32_t>(hz)}, \
            {'h', 'z', 0, 0}}

#define RIVET_PRINTLN(...) RIVET_LOG_EMIT_(::rivet::contracts::log::level::println, __VA_ARGS__)

// A string literal as an argument, sent as an index: RIVET_INFO("{}", RIVET_STR("idle")).
#define RIVET_STR(TEXT)                                                                        \
    (::rivet::log::interned{[] {                                                               \
        [[RIVET_LOG_SECTION_]] static constexpr auto rivet_log_entry =                         \
            ::rivet::log::detail::make_string_entry(::rivet::log::detail::fixed_string{TEXT}); \
        return ::rivet::log::detail::index_of(&rivet_log_entry);                               \
    }()})

// Logs the message with its location, then ends the program with
// rivet::contracts::log::panic_exit_code (101), which `rivet run` returns.
#define RIVET_PANIC(...)                                                     \
    do {                                                                     \
        RIVET_LOG_EMIT_(::rivet::contracts::log::level::panic, __VA_ARGS__); \
        ::rivet::log::detail::panic_exit();                                  \
    } while (0)

#define RIVET_LOG_FIRST_(FIRST, ...) FIRST
#define RIVET_LOG_REST_(FIRST, ...) __VA_OPT__(, ) __VA_ARGS__

// RIVET_ASSERT(cond) or RIVET_ASSERT(cond, "format", args...): panics with
// the condition's text (and the message) when cond is false.
#define RIVET_ASSERT(COND, ...)                                                                \
    do {                                                                                       \
        if (!(COND)) [[unlikely]] {                                                            \
            RIVET_PANIC("assertion failed: {}" __VA_OPT__(": " RIVET_LOG_FIRST_(__VA_ARGS__)), \
                        RIVET_STR(#COND) __VA_OPT__(RIVET_LOG_REST_(__VA_ARGS__)));            \
        }                                                                                      \
    } while (0)

#define RIVET_LOG_ASSERT_CMP_(A, B, OP, ...)                                         \
    do {                                                                             \
        const auto& rivet_left = (A);                                                \
        const auto& rivet_right = (B);                                               \
        if (!(rivet_left OP rivet_right)) [[unlikely]] {                             \
            RIVET_PANIC("assertion failed: {} (left: {:?}, right: {:?})" __VA_OPT__( \
                            ": " RIVET_LOG_FIRST_(__VA_ARGS__)),                     \
                        RIVET_STR(#A " " #OP " " #B), rivet_left,                    \
                        rivet_right __VA_OPT__(RIVET_LOG_REST_(__VA_ARGS__)));       \
        }                                                                            \
    } while (0)

#define RIVET_ASSERT_EQ(A, B, ...) RIVET_LOG_ASSERT_CMP_(A, B, ==, __VA_ARGS__)
#define RIVET_ASSERT_NE(A, B, ...) RIVET_LOG_ASSERT_CMP_(A, B, !=, __VA_ARGS__)
#define RIVET_UNREACHABLE() RIVET_PANIC("internal error: entered unreachable code")
#define RIVET_TODO(...) RIVET_PANIC("not yet implemented" __VA_OPT__(": " __VA_ARGS__))
