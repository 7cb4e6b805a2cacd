// The TMP105 driver on an async I2C bus (rivet::hal::async::i2c_bus): the
// same bytes as rivet::drivers::tmp105, each call an awaitable, so a task
// sleeps while the interrupt-driven bus moves them.
//
//   rivet::drivers::async_tmp105 sensor{bus};
//   co_await sensor.init();
//   auto t = co_await sensor.read_millicelsius();      // result<int32_t, E>
//   co_await alert_pin.wait_for_falling_edge();        // ALERT, on an async input pin
#pragma once

#include <array>
#include <cstdint>
#include <span>

#include "rivet/drivers/tmp105.hpp"
#include "rivet/hal/async/i2c.hpp"
#include "rivet/hal/error.hpp"

namespace rivet::drivers {

template <rivet::hal::async::i2c_bus Bus>
class async_tmp105 {
    using transaction_1 = rivet::hal::async::i2c::owned_transaction<Bus, 1>;
    using transaction_2 = rivet::hal::async::i2c::owned_transaction<Bus, 2>;
    using operation = rivet::hal::i2c::operation;

public:
    using error_type = rivet::hal::error_type_t<Bus>;
    static constexpr rivet::hal::i2c::address default_address{0x48};

    constexpr explicit async_tmp105(Bus& bus,
                                    rivet::hal::i2c::address address = default_address) noexcept
        : bus_(&bus), address_(address) {}

    // A register write of a few bytes that it keeps (the pointer first).
    template <std::size_t N>
    class register_write {
    public:
        register_write(Bus& bus, rivet::hal::i2c::address target,
                       const std::array<std::uint8_t, N>& bytes) noexcept
            : bytes_(bytes), write_({operation::write(bytes_)}, {&bus, target}) {}
        register_write(const register_write&) = delete;
        bool await_ready() const noexcept { return false; }
        bool await_suspend(std::coroutine_handle<> h) { return write_.await_suspend(h); }
        rivet::hal::result<void, error_type> await_resume() { return write_.await_resume(); }

    private:
        std::array<std::uint8_t, N> bytes_;
        transaction_1 write_;
    };

    // The temperature: pointer write, (repeated) START, two bytes, converted.
    class temperature_read {
    public:
        temperature_read(Bus& bus, rivet::hal::i2c::address target) noexcept
            : read_({operation::write(pointer_), operation::read(raw_)}, {&bus, target}) {}
        temperature_read(const temperature_read&) = delete;
        bool await_ready() const noexcept { return false; }
        bool await_suspend(std::coroutine_handle<> h) { return read_.await_suspend(h); }
        rivet::hal::result<std::int32_t, error_type> await_resume() {
            if (auto r = read_.await_resume(); !r) return rivet::hal::failure(r.error());
            return tmp105_millicelsius(raw_[0], raw_[1]);
        }

    private:
        std::uint8_t pointer_[1] = {tmp105_registers::temperature};
        std::uint8_t raw_[2] = {};
        transaction_2 read_;
    };

    constexpr rivet::hal::i2c::address address() const noexcept { return address_; }

    register_write<2> set_resolution(tmp105_resolution resolution) noexcept {
        return {
            *bus_, address_, {tmp105_registers::configuration, tmp105_configuration(resolution)}};
    }
    register_write<2> init() noexcept { return set_resolution(tmp105_resolution::bits12); }

    // The alert's limits (one register each) and its configuration: await
    // all three, in this order, as the blocking set_alert() writes them.
    register_write<3> set_alert_low(const tmp105_alert& alert) noexcept {
        return {*bus_, address_,
                tmp105_limit_bytes(tmp105_registers::t_low, alert.low_millicelsius)};
    }
    register_write<3> set_alert_high(const tmp105_alert& alert) noexcept {
        return {*bus_, address_,
                tmp105_limit_bytes(tmp105_registers::t_high, alert.high_millicelsius)};
    }
    register_write<2> set_alert_mode(const tmp105_alert& alert) noexcept {
        return {*bus_,
                address_,
                {tmp105_registers::configuration,
                 tmp105_configuration(tmp105_resolution::bits12, alert)}};
    }

    temperature_read read_millicelsius() noexcept { return {*bus_, address_}; }

private:
    Bus* bus_;
    rivet::hal::i2c::address address_;
};

}  // namespace rivet::drivers
