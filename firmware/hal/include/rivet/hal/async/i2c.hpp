// Async I2C controller transactions: the async twin of rivet::hal::i2c_bus,
// with the same addresses, operations and error kinds, so a driver's bytes
// on the wire are the same in both worlds and only `co_await` differs.
//
//   auto r = co_await rivet::hal::async::i2c::write_read(bus, sensor, pointer, raw);
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
#include "rivet/hal/i2c.hpp"

namespace rivet::hal::async {

// transaction(address, operations) returns an awaitable whose co_await
// gives result<void, E>. The implementor guarantees everything
// rivet::hal::i2c_bus does (one START, one STOP also after a failure,
// same-direction operations one continuous transfer, a repeated START on a
// change of direction, the last byte of each read run NACKed, an empty list
// a probe), and besides:
// - the core is not busy while the task waits: interrupts move the bytes;
// - the operations and their buffers are borrowed until co_await returns
//   (the awaiter lives in the awaiting coroutine's frame: keep both there);
// - one transaction at a time per controller: one started while another is
//   in flight fails with kind `bus` and touches nothing.
template <class B>
concept i2c_bus = error_for<error_type_t<B>, i2c::error_kind> &&
    requires(B& bus, i2c::address target, std::span<i2c::operation> operations) {
    { bus.transaction(target, operations) } -> awaits_result<void, error_type_t<B>>;
};

namespace i2c {

using hal::i2c::address;
using hal::i2c::operation;

// Starts a transaction of kept operations on a bus, to a target.
template <class B>
struct transaction_on {
    B* bus;
    address target;
    auto operator()(std::span<operation> kept) const { return bus->transaction(target, kept); }
};

// A transaction of N operations that keeps them (see owned_operations).
template <class B, std::size_t N>
using owned_transaction = owned_operations<operation, N, transaction_on<B>>;

// The transaction of `ops` on bus, to `target`, as one awaitable that keeps
// the operations (what the helpers below return).
template <async::i2c_bus B, std::size_t N>
owned_transaction<B, N> transaction_of(B& bus, address target, const operation (&ops)[N]) {
    return {ops, transaction_on<B>{&bus, target}};
}

// START, address+W, bytes, STOP.
template <async::i2c_bus B>
auto write(B& bus, address target, std::span<const std::uint8_t> bytes) {
    return transaction_of(bus, target, {operation::write(bytes)});
}

// START, address+R, bytes in, STOP.
template <async::i2c_bus B>
auto read(B& bus, address target, std::span<std::uint8_t> into) {
    return transaction_of(bus, target, {operation::read(into)});
}

// The usual "register pointer, then read": START, address+W, bytes, SR,
// address+R, bytes in, STOP.
template <async::i2c_bus B>
auto write_read(B& bus, address target, std::span<const std::uint8_t> bytes,
                std::span<std::uint8_t> into) {
    return transaction_of(bus, target, {operation::write(bytes), operation::read(into)});
}

}  // namespace i2c

}  // namespace rivet::hal::async
