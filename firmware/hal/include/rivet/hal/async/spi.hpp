// Async SPI: the twins of rivet::hal::spi_bus and rivet::hal::spi_device,
// with the same operations (spi::operation) and error kinds. co_await on an
// operation gives the result<void, E> the blocking call returns.
//
//   co_await rivet::hal::async::spi::write(display, pixels);   // one chip-select frame
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <type_traits>
#include <utility>

#include "rivet/hal/async/basics.hpp"
#include "rivet/hal/async/operations.hpp"
#include "rivet/hal/error.hpp"
#include "rivet/hal/spi.hpp"

namespace rivet::hal::async {

// The bus (SCK, MOSI, MISO): the guarantees of rivet::hal::spi_bus (no chip
// select, filler words, unequal transfers run for the longer side, flush()
// ends when the bus is idle), and besides: the core is not busy while the
// task waits; buffers are borrowed until co_await returns; one operation
// at a time.
template <class B>
concept spi_bus = error_for<error_type_t<B>, spi::error_kind> &&
    requires(B& bus, std::span<std::uint8_t> in, std::span<const std::uint8_t> out) {
    { bus.read(in) } -> awaits_result<void, error_type_t<B>>;
    { bus.write(out) } -> awaits_result<void, error_type_t<B>>;
    { bus.transfer(in, out) } -> awaits_result<void, error_type_t<B>>;
    { bus.transfer_in_place(in) } -> awaits_result<void, error_type_t<B>>;
    { bus.flush() } -> awaits_result<void, error_type_t<B>>;
};

// One chip on a bus. transaction(operations) keeps every promise of
// rivet::hal::spi_device, across the awaits: exclusive use of the bus for
// the whole transaction (another device's transaction waits or fails, never
// interleaves), chip select asserted before the first operation and held
// through every one, while the task is suspended too, the bus flushed,
// chip select released also after a failure, the bus given back. The core
// is not busy meanwhile; operations and buffers are borrowed until co_await
// returns.
template <class D>
concept spi_device = error_for<error_type_t<D>, spi::error_kind> &&
    requires(D& device, std::span<spi::operation> operations) {
    { device.transaction(operations) } -> awaits_result<void, error_type_t<D>>;
};

namespace spi {

using hal::spi::operation;

// The transaction of `ops` on device as one awaitable that keeps the
// operations (what the helpers below return).
template <class D>
struct transaction_on {
    D* device;
    auto operator()(std::span<operation> kept) const { return device->transaction(kept); }
};

template <class D, std::size_t N>
using owned_transaction = owned_operations<operation, N, transaction_on<D>>;

template <async::spi_device D, std::size_t N>
owned_transaction<D, N> transaction_of(D& device, const operation (&ops)[N]) {
    return {ops, transaction_on<D>{&device}};
}

template <async::spi_device D>
auto write(D& device, std::span<const std::uint8_t> bytes) {
    return transaction_of(device, {operation::write(bytes)});
}

template <async::spi_device D>
auto read(D& device, std::span<std::uint8_t> into) {
    return transaction_of(device, {operation::read(into)});
}

template <async::spi_device D>
auto transfer(D& device, std::span<std::uint8_t> into, std::span<const std::uint8_t> bytes) {
    return transaction_of(device, {operation::transfer(into, bytes)});
}

// A command, then a read, under one selection.
template <async::spi_device D>
auto write_then_read(D& device, std::span<const std::uint8_t> command,
                     std::span<std::uint8_t> into) {
    return transaction_of(device, {operation::write(command), operation::read(into)});
}

}  // namespace spi

}  // namespace rivet::hal::async
