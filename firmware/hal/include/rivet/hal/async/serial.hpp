// Async byte streams: the serial concepts of rivet/hal/serial.hpp with each
// operation returning an awaitable (rivet/hal/async/basics.hpp). read()
// waits for at least one byte, write() until it can take at least one,
// flush() until every accepted byte has left, each without blocking the
// core. A device may also do a whole loop itself (write_all, read_exact,
// read_line as members): an interrupt-driven UART then moves a whole buffer
// with one wake of its task.
//
//   template <rivet::hal::async::serial_read_line Uart>
//   rivet::task<void, rivet::frames<"shell", 128>> shell(Uart& uart) {
//       std::uint8_t line[64];
//       auto length = co_await uart.read_line(line);
//       ...
//   }
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "rivet/hal/async/basics.hpp"
#include "rivet/hal/error.hpp"
#include "rivet/hal/serial.hpp"

namespace rivet::hal::async {

// co_await read(buffer) -> result<size_t, E>: as the blocking read(): waits
// until at least one byte (or a receive error) is there, then copies the
// 1..buffer.size() bytes that have arrived and gives the count; 0 only for
// an empty buffer or a stream that has ended for good. Bytes that arrive
// while no read() waits stay in the device (its FIFO, and upstream of it
// the sender, who is held back): an implementation never drops them to make
// room, so input sent before the reader was ready is not lost.
template <class S>
concept serial_read = error_for<error_type_t<S>, serial::error_kind> &&
    requires(S& stream, std::span<std::uint8_t> buffer) {
    { stream.read(buffer) } -> awaits_result<std::size_t, error_type_t<S>>;
};

// co_await write(bytes) -> result<size_t, E>: waits until the device can
// take at least one byte, takes 1..bytes.size() and gives the count (0 only
// for an empty span). co_await flush() -> result<void, E>: every accepted
// byte has left the device (as far as the device can tell: see each chip).
template <class S>
concept serial_write = error_for<error_type_t<S>, serial::error_kind> &&
    requires(S& stream, std::span<const std::uint8_t> bytes) {
    { stream.write(bytes) } -> awaits_result<std::size_t, error_type_t<S>>;
    { stream.flush() } -> awaits_result<void, error_type_t<S>>;
};

// The loops a device may run itself, with the blocking helpers' results and
// meanings (rivet/hal/serial.hpp): write_all(bytes) -> result<void,
// stream_error<E>> (every byte accepted; not flushed), read_exact(buffer) ->
// result<void, stream_error<E>> (the buffer filled), read_line(buffer) ->
// result<size_t, stream_error<E>> (a line without its '\n', every '\r'
// dropped, line_too_long when the buffer fills first, nothing after the
// '\n' consumed).
template <class S>
concept serial_write_all = serial_write<S> &&
    requires(S& stream, std::span<const std::uint8_t> bytes) {
    { stream.write_all(bytes) } -> awaits_result<void, serial::stream_error<error_type_t<S>>>;
};
template <class S>
concept serial_read_exact = serial_read<S> && requires(S& stream, std::span<std::uint8_t> buffer) {
    { stream.read_exact(buffer) } -> awaits_result<void, serial::stream_error<error_type_t<S>>>;
};
template <class S>
concept serial_read_line = serial_read<S> && requires(S& stream, std::span<std::uint8_t> buffer) {
    {
        stream.read_line(buffer)
        } -> awaits_result<std::size_t, serial::stream_error<error_type_t<S>>>;
};

}  // namespace rivet::hal::async
