// Byte streams (a UART, a USB CDC endpoint, a log sink) in the shape of
// embedded-io: read() and write() move at least one byte and say how many,
// flush() waits until written bytes have left, read_ready() says whether a
// read would return at once; write_all(), read_exact() and read_line() are
// algorithms on top, written once for every implementation.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "rivet/hal/error.hpp"

namespace rivet::hal {

namespace serial {
enum class error_kind : unsigned char {
    other,
    overrun,         // received data was lost because nobody read it in time
    framing,         // a stop bit was missing
    parity,          // parity check failed
    noise,           // the receiver sampled a noisy bit
    timed_out,       // the operation gave up waiting
    write_zero,      // write() accepted no byte of a non-empty buffer
    unexpected_eof,  // the stream ended before read_exact() or read_line() had its bytes
    line_too_long,   // read_line() filled the buffer before the line's '\n'
};
}  // namespace serial

// read(buffer): blocks until at least one byte is available, then copies
// 1..buffer.size() bytes and returns the count. It returns 0 only for an
// empty buffer or when the stream has ended for good (end of file).
template <class S>
concept serial_read = error_for<error_type_t<S>, serial::error_kind> &&
    requires(S& stream, std::span<std::uint8_t> buffer) {
    { stream.read(buffer) } -> result_of<std::size_t, error_type_t<S>>;
};

// write(bytes): blocks until it can accept at least one byte, accepts
// 1..bytes.size() of them and returns the count (0 only for an empty span).
// Accepted bytes may still sit in a FIFO: flush() returns once every
// accepted byte has left the device.
template <class S>
concept serial_write = error_for<error_type_t<S>, serial::error_kind> &&
    requires(S& stream, std::span<const std::uint8_t> bytes) {
    { stream.write(bytes) } -> result_of<std::size_t, error_type_t<S>>;
    { stream.flush() } -> result_of<void, error_type_t<S>>;
};

// read_ready(): whether a read() would return at once, without blocking: a
// byte (or a receive error) is waiting. It never consumes anything. For code
// that must not block on input, such as a console polled between other work
// (embedded-io's ReadReady).
template <class S>
concept serial_read_ready = serial_read<S> && requires(S& stream) {
    { stream.read_ready() } -> result_of<bool, error_type_t<S>>;
};

namespace serial {

// The error of write_all(), read_exact() and read_line(): either the stream's own error
// or the algorithm's (write_zero, unexpected_eof, line_too_long). The device error stays
// reachable for code that knows the concrete type.
template <class E>
class stream_error {
public:
    static constexpr stream_error device(E error) noexcept { return stream_error{error, false}; }
    static constexpr stream_error of_kind(error_kind kind) noexcept {
        stream_error made{E{}, true};
        made.own_kind_ = kind;
        return made;
    }

    constexpr error_kind kind() const noexcept {
        return from_algorithm_ ? own_kind_ : kind_of<error_kind>(device_);
    }
    // The stream's error, or nullptr when the algorithm itself failed.
    constexpr const E* device_error() const noexcept {
        return from_algorithm_ ? nullptr : &device_;
    }

private:
    constexpr stream_error(E error, bool from_algorithm) noexcept
        : device_(error), from_algorithm_(from_algorithm) {}

    E device_;
    error_kind own_kind_ = error_kind::other;
    bool from_algorithm_;
};

}  // namespace serial

// Writes every byte, calling write() as often as it takes. Fails with
// write_zero if the stream accepts nothing, rather than spinning forever.
// Does not flush: call flush() when the bytes must have left.
template <serial_write S>
constexpr result<void, serial::stream_error<error_type_t<S>>> write_all(
    S& stream, std::span<const std::uint8_t> bytes) {
    using error = serial::stream_error<error_type_t<S>>;
    while (!bytes.empty()) {
        auto written = stream.write(bytes);
        if (!written) return failure(error::device(written.error()));
        if (*written == 0) return failure(error::of_kind(serial::error_kind::write_zero));
        bytes = bytes.subspan(*written < bytes.size() ? *written : bytes.size());
    }
    return success;
}

// Fills the whole buffer, calling read() as often as it takes. Fails with
// unexpected_eof if the stream ends first (the buffer then holds what came).
template <serial_read S>
constexpr result<void, serial::stream_error<error_type_t<S>>> read_exact(
    S& stream, std::span<std::uint8_t> buffer) {
    using error = serial::stream_error<error_type_t<S>>;
    while (!buffer.empty()) {
        auto got = stream.read(buffer);
        if (!got) return failure(error::device(got.error()));
        if (*got == 0) return failure(error::of_kind(serial::error_kind::unexpected_eof));
        buffer = buffer.subspan(*got < buffer.size() ? *got : buffer.size());
    }
    return success;
}

// Reads one line into the buffer and returns its length, without the '\n'.
// Every '\r' is dropped, so "\r\n" ends a line as "\n" does. It asks
// read() for one byte at a time: a larger read could take bytes of the next
// line, which would then have nowhere to go (a UART read takes a byte from
// the FIFO either way). A line must be shorter than the buffer: when the
// buffer fills before the '\n', it fails with line_too_long and the buffer
// holds the line's first buffer.size() bytes; the rest stays in the stream,
// and the next call returns it. The byte after the line may be overwritten.
// Fails with unexpected_eof if the stream ends before the '\n'.
template <serial_read S>
constexpr result<std::size_t, serial::stream_error<error_type_t<S>>> read_line(
    S& stream, std::span<std::uint8_t> buffer) {
    using error = serial::stream_error<error_type_t<S>>;
    std::size_t length = 0;
    for (;;) {
        if (length == buffer.size())
            return failure(error::of_kind(serial::error_kind::line_too_long));
        auto got = stream.read(buffer.subspan(length, 1));
        if (!got) return failure(error::device(got.error()));
        if (*got == 0) return failure(error::of_kind(serial::error_kind::unexpected_eof));
        const std::uint8_t byte = buffer[length];
        if (byte == '\n') return length;
        if (byte != '\r') ++length;
    }
}

}  // namespace rivet::hal
