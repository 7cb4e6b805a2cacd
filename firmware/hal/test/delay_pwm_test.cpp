// Delays built from delay_ns() (or a type's own faster methods) and PWM
// duty cycle helpers.
#include <gtest/gtest.h>

#include <cstdint>

#include "rivet/hal/delay.hpp"
#include "rivet/hal/fakes/pwm.hpp"
#include "rivet/hal/fakes/spi.hpp"
#include "rivet/hal/pwm.hpp"

namespace {

using namespace rivet::hal;
using rivet::hal::fakes::recorded_pwm;
using rivet::hal::fakes::recording_delay;
using rivet::hal::fakes::trace;

TEST(hal_delay, microseconds_and_milliseconds_come_from_nanoseconds) {
    trace log;
    recording_delay delayer{log};
    delay_us(delayer, 2500);  // in 1 ms steps: no 32-bit overflow
    EXPECT_EQ(log.view(), "delay:1000000 delay:1000000 delay:500000");
    EXPECT_EQ(delayer.total_ns(), 2'500'000u);
    delay_ms(delayer, 5000);  // 5 s: more nanoseconds than 32 bits hold
    EXPECT_EQ(delayer.total_ns(), 5'002'500'000u);
}

struct timer_delay {
    std::uint64_t ns = 0, us_calls = 0, ms_calls = 0;
    void delay_ns(std::uint32_t n) { ns += n; }
    void delay_us(std::uint32_t) { ++us_calls; }
    void delay_ms(std::uint32_t) { ++ms_calls; }
};

TEST(hal_delay, a_types_own_coarser_delays_are_used) {
    timer_delay timer;
    delay_us(timer, 10);
    delay_ms(timer, 10);
    delay_ns(timer, 10);
    EXPECT_EQ(timer.us_calls, 1u);
    EXPECT_EQ(timer.ms_calls, 1u);
    EXPECT_EQ(timer.ns, 10u);
}

TEST(hal_pwm, duty_cycle_helpers) {
    recorded_pwm channel{1000};
    ASSERT_TRUE(pwm::set_fully_on(channel));
    EXPECT_EQ(channel.duty(), 1000);
    ASSERT_TRUE(pwm::set_fully_off(channel));
    EXPECT_EQ(channel.duty(), 0);
    ASSERT_TRUE(pwm::set_percent(channel, 25));
    EXPECT_EQ(channel.duty(), 250);
    ASSERT_TRUE(pwm::set_fraction(channel, 1, 3));
    EXPECT_EQ(channel.duty(), 333);
    ASSERT_TRUE(pwm::set_percent(channel, 150));  // clamped to fully on
    EXPECT_EQ(channel.duty(), 1000);
}

TEST(hal_pwm, full_scale_fraction_does_not_overflow) {
    recorded_pwm channel{0xffff};
    ASSERT_TRUE(pwm::set_fraction(channel, 0xfffe, 0xffff));
    EXPECT_EQ(channel.duty(), 0xfffe);
    auto too_high = channel.set_duty_cycle(0xffff);
    EXPECT_TRUE(too_high);
}

}  // namespace
