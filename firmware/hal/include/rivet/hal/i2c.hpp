// I2C controller transactions with 7-bit addresses. One required method,
// transaction(), runs a list of reads and writes between one START and one
// STOP; write, read and write_read are that method with one or two
// operations (a type may provide faster versions of its own).
#pragma once

#include <cstdint>
#include <optional>
#include <span>

#include "rivet/hal/error.hpp"

namespace rivet::hal {

namespace i2c {

enum class error_kind : unsigned char {
    other,
    bus,                     // a misplaced START or STOP was seen
    arbitration_loss,        // another controller won the bus
    no_acknowledge_address,  // no target answered its address
    no_acknowledge_data,     // the target refused a data byte
    no_acknowledge_unknown,  // a NACK, and the hardware cannot say at which byte
    overrun,                 // data was lost (e.g. a receive register overrun)
};

// Any of the three no-acknowledge kinds: "nobody is there, or it is busy".
constexpr bool is_no_acknowledge(error_kind kind) noexcept {
    return kind == error_kind::no_acknowledge_address || kind == error_kind::no_acknowledge_data ||
           kind == error_kind::no_acknowledge_unknown;
}

namespace detail {
// Called only when an address constant does not fit; being non-constexpr
// makes the compiler stop and name it.
void i2c_address_does_not_fit_in_7_bits();
}  // namespace detail

// A 7-bit target address, without the R/W bit (0x48, not 0x90).
// Constants are checked when compiled: `i2c::address{0x48}`. Run-time
// values go through from_bits(), which refuses anything above 0x7f.
class address {
public:
    consteval address(unsigned value) : bits_(static_cast<std::uint8_t>(value)) {
        if (value > 0x7f) detail::i2c_address_does_not_fit_in_7_bits();
    }
    static constexpr std::optional<address> from_bits(std::uint8_t value) noexcept {
        if (value > 0x7f) return std::nullopt;
        return address{value, unchecked{}};
    }
    constexpr std::uint8_t bits() const noexcept { return bits_; }
    friend constexpr bool operator==(address, address) = default;

private:
    struct unchecked {};
    constexpr address(std::uint8_t value, unchecked) noexcept : bits_(value) {}
    std::uint8_t bits_;
};

// One step of a transaction. Buffers are borrowed for the call.
struct operation {
    enum class type : unsigned char { read, write };

    type what;
    std::span<std::uint8_t> in;         // read
    std::span<const std::uint8_t> out;  // write

    static constexpr operation read(std::span<std::uint8_t> into) noexcept {
        return {type::read, into, {}};
    }
    static constexpr operation write(std::span<const std::uint8_t> bytes) noexcept {
        return {type::write, {}, bytes};
    }
};

}  // namespace i2c

// transaction(address, operations) — the implementor guarantees:
// - one START before the first operation and one STOP after the last (also
//   after a failure, so the bus is left idle);
// - consecutive operations of the same direction are one continuous
//   transfer: no repeated START, no address between them;
// - a change of direction is a repeated START (SR) plus the address with
//   the new R/W bit; a STOP never appears in the middle;
// - the controller ACKs every byte it reads except the last of a run of
//   reads, which it NACKs;
// - an empty operation list is allowed (START, address+W, STOP: a probe).
template <class B>
concept i2c_bus = error_for<error_type_t<B>, i2c::error_kind> &&
    requires(B& bus, i2c::address target, std::span<i2c::operation> operations) {
    { bus.transaction(target, operations) } -> result_of<void, error_type_t<B>>;
};

namespace i2c {

// START, address+W, bytes, STOP.
template <i2c_bus B>
constexpr result<void, error_type_t<B>> write(B& bus, address target,
                                              std::span<const std::uint8_t> bytes) {
    if constexpr (requires { bus.write(target, bytes); }) {
        return bus.write(target, bytes);
    } else {
        operation ops[] = {operation::write(bytes)};
        return bus.transaction(target, ops);
    }
}

// START, address+R, bytes in, STOP.
template <i2c_bus B>
constexpr result<void, error_type_t<B>> read(B& bus, address target, std::span<std::uint8_t> into) {
    if constexpr (requires { bus.read(target, into); }) {
        return bus.read(target, into);
    } else {
        operation ops[] = {operation::read(into)};
        return bus.transaction(target, ops);
    }
}

// START, address+W, bytes, SR, address+R, bytes in, STOP: the usual
// "register pointer, then read" access.
template <i2c_bus B>
constexpr result<void, error_type_t<B>> write_read(B& bus, address target,
                                                   std::span<const std::uint8_t> bytes,
                                                   std::span<std::uint8_t> into) {
    if constexpr (requires { bus.write_read(target, bytes, into); }) {
        return bus.write_read(target, bytes, into);
    } else {
        operation ops[] = {operation::write(bytes), operation::read(into)};
        return bus.transaction(target, ops);
    }
}

// Whether a target answers at `target`: an empty write (START, address+W,
// STOP). A NACK of the address means "nobody there" (false); any other
// failure is returned as an error.
template <i2c_bus B>
constexpr result<bool, error_type_t<B>> probe(B& bus, address target) {
    auto answered = bus.transaction(target, std::span<operation>{});
    if (answered) return true;
    if (kind_of<error_kind>(answered.error()) == error_kind::no_acknowledge_address) return false;
    return failure(answered.error());
}

}  // namespace i2c

}  // namespace rivet::hal
