// TMP105 (and TMP75/LM75-style) digital temperature sensor on I2C, written
// only against rivet::hal::i2c_bus: it runs on any chip HAL and on the host
// fakes. Temperatures are signed milli-degrees Celsius.
#pragma once

#include <array>
#include <cstdint>
#include <span>

#include "rivet/hal/error.hpp"
#include "rivet/hal/i2c.hpp"

namespace rivet::drivers {

namespace tmp105_registers {
inline constexpr std::uint8_t temperature = 0x00;  // read-only, 16 bits, left-justified
inline constexpr std::uint8_t configuration = 0x01;
inline constexpr std::uint8_t t_low = 0x02;
inline constexpr std::uint8_t t_high = 0x03;
}  // namespace tmp105_registers

// Conversion resolution (configuration bits R1:R0): more bits, finer steps,
// longer conversions (27.5 ms at 9 bits up to 220 ms at 12 bits).
enum class tmp105_resolution : std::uint8_t {
    bits9 = 0b00,   // 0.5 °C
    bits10 = 0b01,  // 0.25 °C
    bits11 = 0b10,  // 0.125 °C
    bits12 = 0b11,  // 0.0625 °C
};

// The temperature register as read (MSB first, 12 significant bits, two's
// complement) to milli-degrees Celsius. One step of 0.0625 °C is 62.5 m°C,
// so odd steps are rounded toward zero (as integer division does).
constexpr std::int32_t tmp105_millicelsius(std::uint8_t msb, std::uint8_t lsb) noexcept {
    const auto raw = static_cast<std::int16_t>(static_cast<std::uint16_t>(msb << 8 | lsb));
    const std::int32_t steps = raw / 16;  // the 12-bit value; the low 4 bits are always 0
    return steps * 125 / 2;
}

// What the ALERT pin says (configuration bits TM, POL, F1:F0, with the
// limits T_LOW and T_HIGH): in comparator mode it is active from a reading
// at or above T_HIGH until one below T_LOW; in interrupt mode it goes active
// on crossing T_HIGH upwards (then T_LOW downwards) and any register read
// clears it. `faults` consecutive readings must agree (1, 2, 4 or 6).
enum class tmp105_alert_mode : std::uint8_t { comparator = 0, interrupt = 1 };
struct tmp105_alert {
    std::int32_t low_millicelsius;
    std::int32_t high_millicelsius;
    tmp105_alert_mode mode = tmp105_alert_mode::comparator;
    bool active_high = false;  // ALERT is open-drain, active low by default
    std::uint8_t faults = 1;
};

// The configuration register: continuous conversion, `resolution`, and the
// alert's mode, polarity and fault queue.
constexpr std::uint8_t tmp105_configuration(tmp105_resolution resolution,
                                            const tmp105_alert& alert = {0, 0}) noexcept {
    const unsigned queue = alert.faults >= 6   ? 3
                           : alert.faults >= 4 ? 2
                           : alert.faults >= 2 ? 1
                                               : 0;
    return static_cast<std::uint8_t>(static_cast<unsigned>(resolution) << 5 | queue << 3 |
                                     (alert.active_high ? 1u : 0u) << 2 |
                                     static_cast<unsigned>(alert.mode) << 1);
}

// A limit register write: the pointer, then the limit as the temperature
// register holds it (12 bits, left-justified, two's complement), rounded
// toward zero to 0.0625 °C.
constexpr std::array<std::uint8_t, 3> tmp105_limit_bytes(std::uint8_t pointer,
                                                         std::int32_t millicelsius) noexcept {
    const std::int32_t steps = millicelsius * 2 / 125;
    const auto raw = static_cast<std::uint16_t>(static_cast<std::int16_t>(steps * 16));
    return {pointer, static_cast<std::uint8_t>(raw >> 8), static_cast<std::uint8_t>(raw & 0xff)};
}

template <rivet::hal::i2c_bus Bus>
class tmp105 {
public:
    using error_type = rivet::hal::error_type_t<Bus>;
    // A0, A1 tied low; the other pin strappings give 0x49..0x4f.
    static constexpr rivet::hal::i2c::address default_address{0x48};

    constexpr explicit tmp105(Bus& bus, rivet::hal::i2c::address address = default_address) noexcept
        : bus_(&bus), address_(address) {}

    constexpr rivet::hal::i2c::address address() const noexcept { return address_; }

    // Writes the configuration register: continuous conversion, comparator
    // mode, active-low alert, one fault, and `resolution`.
    constexpr rivet::hal::result<void, error_type> set_resolution(tmp105_resolution resolution) {
        const std::uint8_t bytes[] = {tmp105_registers::configuration,
                                      tmp105_configuration(resolution)};
        return rivet::hal::i2c::write(*bus_, address_, bytes);
    }

    // The limits, then the configuration (12 bits) with the alert's mode.
    constexpr rivet::hal::result<void, error_type> set_alert(const tmp105_alert& alert) {
        const auto low = tmp105_limit_bytes(tmp105_registers::t_low, alert.low_millicelsius);
        const auto high = tmp105_limit_bytes(tmp105_registers::t_high, alert.high_millicelsius);
        const std::uint8_t configuration[] = {
            tmp105_registers::configuration,
            tmp105_configuration(tmp105_resolution::bits12, alert)};
        if (auto r = rivet::hal::i2c::write(*bus_, address_, low); !r) return r;
        if (auto r = rivet::hal::i2c::write(*bus_, address_, high); !r) return r;
        return rivet::hal::i2c::write(*bus_, address_, configuration);
    }

    // 12-bit resolution, the finest; call once after power-up.
    constexpr rivet::hal::result<void, error_type> init() {
        return set_resolution(tmp105_resolution::bits12);
    }

    // Reads the temperature register (pointer write, repeated START, two
    // bytes) and converts it.
    constexpr rivet::hal::result<std::int32_t, error_type> read_millicelsius() {
        const std::uint8_t pointer[] = {tmp105_registers::temperature};
        std::uint8_t raw[2] = {};
        if (auto r = rivet::hal::i2c::write_read(*bus_, address_, pointer, raw); !r) {
            return rivet::hal::failure(r.error());
        }
        return tmp105_millicelsius(raw[0], raw[1]);
    }

private:
    Bus* bus_;
    rivet::hal::i2c::address address_;
};

}  // namespace rivet::drivers
