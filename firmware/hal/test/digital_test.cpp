// Digital pins through the fakes: the concepts accept them, set_state()
// picks the method, stateful pins report and toggle.
#include <gtest/gtest.h>

#include "rivet/hal/digital.hpp"
#include "rivet/hal/fakes/digital.hpp"

namespace {

using namespace rivet::hal;
using rivet::hal::fakes::recording_pin;
using rivet::hal::fakes::scripted_input_pin;
using rivet::hal::fakes::trace;

// A generic helper, written only against the concept: blink n times.
template <output_pin P>
result<void, error_type_t<P>> blink(P& pin, int times) {
    for (int i = 0; i < times; ++i) {
        if (auto r = pin.set_high(); !r) return r;
        if (auto r = pin.set_low(); !r) return r;
    }
    return success;
}

TEST(hal_digital, output_pin_drives_levels) {
    trace log;
    recording_pin led{log, "led", false};
    ASSERT_TRUE(blink(led, 2));
    EXPECT_EQ(log.view(), "led:1 led:0 led:1 led:0");
    ASSERT_TRUE(set_state(led, pin_state::high));
    EXPECT_TRUE(led.high());
}

TEST(hal_digital, stateful_pin_reports_and_toggles) {
    trace log;
    recording_pin led{log, "led", false};
    EXPECT_FALSE(*led.is_set_high());
    ASSERT_TRUE(led.toggle());
    EXPECT_TRUE(*led.is_set_high());
    EXPECT_FALSE(*led.is_set_low());
    ASSERT_TRUE(led.toggle());
    EXPECT_TRUE(*led.is_set_low());
    EXPECT_EQ(log.view(), "led:1 led:0");
}

TEST(hal_digital, errors_propagate_with_their_kind) {
    trace log;
    recording_pin led{log, "led"};
    led.fail_next_call();
    auto r = blink(led, 1);
    ASSERT_FALSE(r);
    EXPECT_EQ(kind_of<digital::error_kind>(r.error()), digital::error_kind::other);
    EXPECT_EQ(log.view(), "");
}

TEST(hal_digital, input_pin_samples) {
    scripted_input_pin button;
    button.set_level(true);
    EXPECT_TRUE(*button.is_high());
    EXPECT_FALSE(*button.is_low());
    button.set_level(false);
    EXPECT_TRUE(*button.is_low());
    button.fail_next_call();
    EXPECT_FALSE(button.is_high().has_value());
}

// An infallible pin (the common case on a chip): still fits the concepts.
struct register_pin {
    using error_type = infallible;
    bool level = false;
    result<void, error_type> set_high() {
        level = true;
        return success;
    }
    result<void, error_type> set_low() {
        level = false;
        return success;
    }
};
static_assert(output_pin<register_pin>);
static_assert(!input_pin<register_pin>);
static_assert(!stateful_output_pin<register_pin>);

TEST(hal_digital, infallible_pin_works_with_generic_code) {
    register_pin pin;
    ASSERT_TRUE(set_state(pin, pin_state::high));
    EXPECT_TRUE(pin.level);
}

}  // namespace
