// From a bus to devices: exclusive_spi_device turns an spi_bus, a chip
// select pin and a delay into an spi_device; shared_spi_bus lets several
// such devices take turns on one bus. Written only against the concepts, so
// they work with every chip HAL and with the host fakes alike.
#pragma once

#include <span>
#include <utility>

#include "rivet/hal/delay.hpp"
#include "rivet/hal/digital.hpp"
#include "rivet/hal/error.hpp"
#include "rivet/hal/spi.hpp"

namespace rivet::hal {

namespace spi {

// Why a device transaction failed: the bus, the chip select pin, or (on a
// shared bus) another transaction still holding the bus.
template <class BusError, class PinError>
class device_error {
public:
    enum class source : unsigned char { bus, chip_select, bus_busy };

    static constexpr device_error from_bus(BusError error) noexcept {
        device_error made{source::bus};
        made.bus_ = error;
        return made;
    }
    static constexpr device_error from_pin(PinError error) noexcept {
        device_error made{source::chip_select};
        made.pin_ = error;
        return made;
    }
    static constexpr device_error busy() noexcept { return device_error{source::bus_busy}; }

    constexpr source where() const noexcept { return where_; }
    constexpr error_kind kind() const noexcept {
        switch (where_) {
            case source::bus:
                return kind_of<error_kind>(bus_);
            case source::chip_select:
                return error_kind::chip_select_fault;
            case source::bus_busy:
                break;
        }
        return error_kind::other;
    }
    // The underlying errors, for code that knows the concrete types.
    constexpr const BusError* bus_error() const noexcept {
        return where_ == source::bus ? &bus_ : nullptr;
    }
    constexpr const PinError* pin_error() const noexcept {
        return where_ == source::chip_select ? &pin_ : nullptr;
    }

private:
    constexpr explicit device_error(source where) noexcept : where_(where) {}
    BusError bus_{};
    PinError pin_{};
    source where_;
};

// The body every bus-plus-pin device shares: select (chip select is active
// low), run the operations, flush, and always deselect.
template <spi_bus Bus, output_pin Cs, delay Delay>
constexpr result<void, device_error<error_type_t<Bus>, error_type_t<Cs>>> run_transaction(
    Bus& bus, Cs& cs, Delay& delayer, std::span<operation> operations) {
    using error = device_error<error_type_t<Bus>, error_type_t<Cs>>;
    if (auto selected = cs.set_low(); !selected) return failure(error::from_pin(selected.error()));

    result<void, error_type_t<Bus>> outcome = success;
    for (operation& op : operations) {
        switch (op.what) {
            case operation::type::read:
                outcome = bus.read(op.in);
                break;
            case operation::type::write:
                outcome = bus.write(op.out);
                break;
            case operation::type::transfer:
                outcome = bus.transfer(op.in, op.out);
                break;
            case operation::type::transfer_in_place:
                outcome = bus.transfer_in_place(op.in);
                break;
            case operation::type::delay:
                // The delay is measured from the last clock edge, not from
                // when the words were queued.
                outcome = bus.flush();
                if (outcome) delayer.delay_ns(op.nanoseconds);
                break;
        }
        if (!outcome) break;
    }
    // Flush and deselect even after a failure, so the chip sees the frame
    // end and the bus is usable by the next device.
    auto flushed = bus.flush();
    auto released = cs.set_high();
    if (!outcome) return failure(error::from_bus(outcome.error()));
    if (!flushed) return failure(error::from_bus(flushed.error()));
    if (!released) return failure(error::from_pin(released.error()));
    return success;
}

}  // namespace spi

// An spi_device that owns its bus outright: the only device on it.
template <spi_bus Bus, output_pin Cs, delay Delay = no_delay>
class exclusive_spi_device {
public:
    using error_type = spi::device_error<error_type_t<Bus>, error_type_t<Cs>>;

    // Call with chip select already driven high (deselected) by the chip
    // HAL's pin setup, or call deselect() before the first transaction.
    constexpr exclusive_spi_device(Bus bus, Cs cs, Delay delayer = {})
        : bus_(std::move(bus)), cs_(std::move(cs)), delay_(std::move(delayer)) {}

    constexpr result<void, error_type> deselect() {
        if (auto released = cs_.set_high(); !released)
            return failure(error_type::from_pin(released.error()));
        return success;
    }

    constexpr result<void, error_type> transaction(std::span<spi::operation> operations) {
        return spi::run_transaction(bus_, cs_, delay_, operations);
    }

    constexpr Bus& bus() noexcept { return bus_; }
    constexpr Cs& chip_select() noexcept { return cs_; }

private:
    Bus bus_;
    Cs cs_;
    Delay delay_;
};

// A bus several devices take turns on, from one execution context (a main
// loop, or one task). A transaction started while another one holds the bus
// (from an interrupt handler, say) fails with device_error::busy() instead
// of interleaving; contexts that must wait for each other need a lock that
// blocks, which the runtimes will bring.
template <spi_bus Bus>
class shared_spi_bus {
public:
    constexpr explicit shared_spi_bus(Bus bus) : bus_(std::move(bus)) {}

    constexpr bool try_acquire() noexcept {
        if (held_) return false;
        held_ = true;
        return true;
    }
    constexpr void release() noexcept { held_ = false; }
    constexpr bool held() const noexcept { return held_; }
    constexpr Bus& bus() noexcept { return bus_; }

private:
    Bus bus_;
    bool held_ = false;
};

// One device on a shared_spi_bus; holds a reference to the bus and owns
// its own chip select.
template <spi_bus Bus, output_pin Cs, delay Delay = no_delay>
class shared_spi_device {
public:
    using error_type = spi::device_error<error_type_t<Bus>, error_type_t<Cs>>;

    constexpr shared_spi_device(shared_spi_bus<Bus>& shared, Cs cs, Delay delayer = {})
        : shared_(&shared), cs_(std::move(cs)), delay_(std::move(delayer)) {}

    constexpr result<void, error_type> deselect() {
        if (auto released = cs_.set_high(); !released)
            return failure(error_type::from_pin(released.error()));
        return success;
    }

    constexpr result<void, error_type> transaction(std::span<spi::operation> operations) {
        if (!shared_->try_acquire()) return failure(error_type::busy());
        auto outcome = spi::run_transaction(shared_->bus(), cs_, delay_, operations);
        shared_->release();
        return outcome;
    }

    constexpr Cs& chip_select() noexcept { return cs_; }

private:
    shared_spi_bus<Bus>* shared_;
    Cs cs_;
    Delay delay_;
};

}  // namespace rivet::hal
