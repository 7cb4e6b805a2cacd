// A fake PWM channel that remembers the last duty cycle it was given.
#pragma once

#include <cstdint>

#include "rivet/hal/pwm.hpp"

namespace rivet::hal::fakes {

class recorded_pwm {
public:
    using error_type = pwm::error_kind;

    constexpr explicit recorded_pwm(std::uint16_t max) : max_(max) {}

    constexpr std::uint16_t max_duty_cycle() const { return max_; }
    constexpr result<void, error_type> set_duty_cycle(std::uint16_t duty) {
        if (duty > max_) return failure(error_type::other);
        duty_ = duty;
        return success;
    }
    constexpr std::uint16_t duty() const { return duty_; }

private:
    std::uint16_t max_;
    std::uint16_t duty_ = 0;
};

static_assert(pwm_channel<recorded_pwm>);

}  // namespace rivet::hal::fakes
