// SPI as two concepts. An spi_bus is the clock and data lines and nothing
// else: it never touches a chip select. An spi_device is one chip on a bus:
// its transaction() selects the chip, runs every operation and deselects,
// so a driver written against spi_device works on a shared bus.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "rivet/hal/error.hpp"

namespace rivet::hal {

namespace spi {

enum class error_kind : unsigned char {
    other,
    overrun,            // received data was lost (the receive FIFO overflowed)
    mode_fault,         // another controller drove the bus (multi-controller SPI)
    frame_format,       // the received frame was malformed (e.g. TI/Microwire framing)
    chip_select_fault,  // asserting or releasing chip select failed
};

// One step of a device transaction. Buffers are borrowed: they must outlive
// the transaction() call.
struct operation {
    enum class type : unsigned char { read, write, transfer, transfer_in_place, delay };

    type what;
    std::span<std::uint8_t> in;         // read, transfer, transfer_in_place
    std::span<const std::uint8_t> out;  // write, transfer
    std::uint32_t nanoseconds = 0;      // delay

    // Clocks out filler words (implementation-defined value, often 0x00)
    // and stores what comes in.
    static constexpr operation read(std::span<std::uint8_t> into) noexcept {
        return {type::read, into, {}, 0};
    }
    // Clocks out `bytes`, discarding what comes in.
    static constexpr operation write(std::span<const std::uint8_t> bytes) noexcept {
        return {type::write, {}, bytes, 0};
    }
    // Full duplex for max(in.size(), out.size()) words: out is padded with
    // filler, words beyond in.size() are discarded.
    static constexpr operation transfer(std::span<std::uint8_t> into,
                                        std::span<const std::uint8_t> bytes) noexcept {
        return {type::transfer, into, bytes, 0};
    }
    // Clocks out `buffer` and replaces each word with the one that came in.
    static constexpr operation transfer_in_place(std::span<std::uint8_t> buffer) noexcept {
        return {type::transfer_in_place, buffer, {}, 0};
    }
    // Waits with chip select still asserted, after the bus has flushed.
    static constexpr operation delay_ns(std::uint32_t ns) noexcept {
        return {type::delay, {}, {}, ns};
    }
};

}  // namespace spi

// The bus: SCK, MOSI, MISO. Implementor guarantees:
// - it never asserts or releases any chip select;
// - operations may return before the last word has left the shift register
//   (so back-to-back calls keep the clock busy); flush() returns only when
//   the bus is idle, and a caller must flush before releasing chip select;
// - the methods are polyfilled in software when the hardware lacks one
//   (never a "not supported" error).
template <class B>
concept spi_bus = error_for<error_type_t<B>, spi::error_kind> &&
    requires(B& bus, std::span<std::uint8_t> in, std::span<const std::uint8_t> out) {
    { bus.read(in) } -> result_of<void, error_type_t<B>>;
    { bus.write(out) } -> result_of<void, error_type_t<B>>;
    { bus.transfer(in, out) } -> result_of<void, error_type_t<B>>;
    { bus.transfer_in_place(in) } -> result_of<void, error_type_t<B>>;
    { bus.flush() } -> result_of<void, error_type_t<B>>;
};

// One chip on a bus. transaction(operations) must, in order:
//   1. gain exclusive use of the bus (how is the implementor's choice: a
//      critical section, a mutex, or an error if it is busy);
//   2. assert the chip select;
//   3. run every operation in order, with chip select held throughout;
//   4. flush the bus;
//   5. release chip select, also when an operation failed;
//   6. give the bus back.
// So no other device's traffic can interleave with a transaction, and chip
// select frames exactly the operations given.
template <class D>
concept spi_device = error_for<error_type_t<D>, spi::error_kind> &&
    requires(D& device, std::span<spi::operation> operations) {
    { device.transaction(operations) } -> result_of<void, error_type_t<D>>;
};

// Single-operation transactions, for drivers that need no more.
namespace spi {

template <spi_device D>
constexpr result<void, error_type_t<D>> write(D& device, std::span<const std::uint8_t> bytes) {
    operation ops[] = {operation::write(bytes)};
    return device.transaction(ops);
}

template <spi_device D>
constexpr result<void, error_type_t<D>> read(D& device, std::span<std::uint8_t> into) {
    operation ops[] = {operation::read(into)};
    return device.transaction(ops);
}

template <spi_device D>
constexpr result<void, error_type_t<D>> transfer(D& device, std::span<std::uint8_t> into,
                                                 std::span<const std::uint8_t> bytes) {
    operation ops[] = {operation::transfer(into, bytes)};
    return device.transaction(ops);
}

// The common register access: a command, then a read, under one selection.
template <spi_device D>
constexpr result<void, error_type_t<D>> write_then_read(D& device,
                                                        std::span<const std::uint8_t> command,
                                                        std::span<std::uint8_t> into) {
    operation ops[] = {operation::write(command), operation::read(into)};
    return device.transaction(ops);
}

}  // namespace spi

}  // namespace rivet::hal
