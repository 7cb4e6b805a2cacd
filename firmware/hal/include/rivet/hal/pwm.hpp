// A PWM channel's duty cycle, as a fraction of a maximum the channel
// reports. Frequency and polarity are configuration, set up by the chip HAL
// before the channel is handed to a driver.
#pragma once

#include <cstdint>

#include "rivet/hal/error.hpp"

namespace rivet::hal {

namespace pwm {
enum class error_kind : unsigned char { other };
}  // namespace pwm

// set_duty_cycle(d) makes the output active for d / max_duty_cycle() of
// each period, for 0 <= d <= max_duty_cycle(); 0 is fully off, the maximum
// fully on (no glitch pulses). max_duty_cycle() is at least 1 and does not
// change while the channel is in use. A value above the maximum is a
// caller's bug; an implementor may clamp it.
template <class P>
concept pwm_channel = error_for<error_type_t<P>, pwm::error_kind> &&
    requires(P& channel, const P& const_channel, std::uint16_t duty) {
    { const_channel.max_duty_cycle() } -> std::same_as<std::uint16_t>;
    { channel.set_duty_cycle(duty) } -> result_of<void, error_type_t<P>>;
};

namespace pwm {

template <pwm_channel P>
constexpr result<void, error_type_t<P>> set_fully_off(P& channel) {
    return channel.set_duty_cycle(0);
}

template <pwm_channel P>
constexpr result<void, error_type_t<P>> set_fully_on(P& channel) {
    return channel.set_duty_cycle(channel.max_duty_cycle());
}

// num/denom of the maximum, rounded down; num > denom is clamped to fully on
// and denom == 0 counts as fully on too (a ratio with nothing below it).
template <pwm_channel P>
constexpr result<void, error_type_t<P>> set_fraction(P& channel, std::uint16_t num,
                                                     std::uint16_t denom) {
    const std::uint32_t max = channel.max_duty_cycle();
    if (denom == 0 || num >= denom) return channel.set_duty_cycle(static_cast<std::uint16_t>(max));
    return channel.set_duty_cycle(static_cast<std::uint16_t>(max * num / denom));
}

template <pwm_channel P>
constexpr result<void, error_type_t<P>> set_percent(P& channel, std::uint8_t percent) {
    return set_fraction(channel, percent, 100);
}

}  // namespace pwm

}  // namespace rivet::hal
