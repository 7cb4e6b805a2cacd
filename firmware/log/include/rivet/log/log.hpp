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
#include <rivet/log/rtt.hpp>

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

// The RTT ring the fast path writes into. Points at closed_ring (size 0:
// never room) until the RTT transport sends a frame with no drop waiting to
// be reported, so a firmware with its own transport never takes the fast
// path, and a drop report always goes out before the next frame. (A ring of
// size 0 rather than a null pointer: the room check alone rules it out.)
extern rtt::ring_buffer* direct_ring;
extern rtt::ring_buffer closed_ring;

// COBS in place for a frame with zero bytes: frame[0] is free for the first
// code byte, the data is frame[1..1+size), the delimiter goes after it.
void cobs_frame(std::uint8_t* frame, std::size_t size) noexcept;

// Interrupts off (PRIMASK) for the span of one frame, restored after, so a
// frame from an interrupt never lands inside one from thread mode.
class interrupt_lock {
public:
    [[gnu::always_inline]] interrupt_lock() {
        asm volatile("mrs %0, primask\n cpsid i" : "=r"(saved_) : : "memory");
    }
    [[gnu::always_inline]] ~interrupt_lock() {
        asm volatile("msr primask, %0" : : "r"(saved_) : "memory");
    }
    interrupt_lock(const interrupt_lock&) = delete;
    interrupt_lock& operator=(const interrupt_lock&) = delete;

private:
    std::uint32_t saved_;
};

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

// The fast path: when every argument has a bounded encoding and the ring
// has contiguous room for the longest one, the frame is encoded straight
// into the ring with no bounds checks and no copy; COBS then only writes the
// first code byte (len + 1) unless a zero byte went out. False: the ring
// had no room (or is not in use); nothing was written.
template <bool Timestamp, class... A>
[[gnu::always_inline]] inline bool emit_direct(std::uint32_t index, param_t<A>... args) noexcept {
    constexpr std::uint32_t longest = 1 + varint_max<std::uint32_t> +
                                      (Timestamp ? varint_max<std::uint64_t> : 0) +
                                      (argument<A>::max_size + ... + 0) + 1;
    static_assert(longest <= contracts::log::max_frame_size + 2);
    interrupt_lock lock;
    rtt::ring_buffer* const ring = direct_ring;
    const std::uint32_t write = ring->write_offset;
    // Room for `longest` bytes before the reader and before the ring's end
    // (unsigned: a reader behind the writer wraps the first to a huge value;
    // closed_ring fails the second).
    if (ring->read_offset - write - 1 < longest || ring->size - write <= longest) return false;
    std::uint8_t* const start = ring->data + write;
    ring_writer w(start + 1);
    w.index(index);
    if constexpr (Timestamp) w.varint(rivet_log_timestamp());
    (argument<A>::encode(w, args), ...);
    const auto size = static_cast<std::uint32_t>(w.pos - (start + 1));
    if (w.zero) {
        cobs_frame(start, size);
    } else {
        start[0] = static_cast<std::uint8_t>(size + 1);
        *w.pos = contracts::log::frame_delimiter;
    }
    asm volatile("dmb" ::: "memory");  // the bytes before the offset that publishes them
    ring->write_offset = write + size + 2;
    return true;
}

// Encodes into a frame buffer on the stack, then COBS and the transport:
// arguments of any size, a full ring, a drop to report, another transport.
template <bool Timestamp, class... A>
[[gnu::always_inline]] inline void emit_through_buffer(std::uint32_t index,
                                                       param_t<A>... args) noexcept {
    std::uint8_t frame[contracts::log::max_frame_size + 2];
    writer w{frame + 1, frame + 1 + contracts::log::max_frame_size};
    w.varint(index);
    if constexpr (Timestamp) w.varint(rivet_log_timestamp());
    (argument<A>::encode(w, args), ...);
    send_frame(frame, w.pos, w.overflow);
}

template <bool Timestamp, class... A>
[[gnu::noinline]] void emit_buffered(std::uint32_t index, param_t<A>... args) noexcept {
    emit_through_buffer<Timestamp, A...>(index, args...);
}

// One instance per argument-type list, shared by every call site with
// those types; a call site only loads its index and arguments and calls it.
// The buffered path is a call of its own when there is a fast path, so the
// fast one needs no stack frame for the buffer.
template <bool Timestamp, class... A>
[[gnu::noinline]] void emit(std::uint32_t index, param_t<A>... args) noexcept {
    if constexpr ((fixed_size<A> && ...)) {
        if (!emit_direct<Timestamp, A...>(index, args...)) {
            emit_buffered<Timestamp, A...>(index, args...);
        }
    } else {
        emit_through_buffer<Timestamp, A...>(index, args...);
    }
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
