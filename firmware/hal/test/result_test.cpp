// result<T, E>, the error-kind rule and kind_of().
#include <gtest/gtest.h>

#include <cstdint>

#include "rivet/hal/error.hpp"
#include "rivet/hal/i2c.hpp"

namespace {

using namespace rivet::hal;

// A chip HAL's own detailed error, mapped to the standard kinds.
struct controller_error {
    std::uint32_t status_register;
    constexpr i2c::error_kind kind() const {
        return (status_register & 0x4) ? i2c::error_kind::no_acknowledge_address
                                       : i2c::error_kind::bus;
    }
};

static_assert(error_for<controller_error, i2c::error_kind>);
static_assert(error_for<i2c::error_kind, i2c::error_kind>);
static_assert(error_for<infallible, i2c::error_kind>);
static_assert(!error_for<int, i2c::error_kind>);
static_assert(sizeof(result<std::uint8_t, i2c::error_kind>) == 2);

constexpr result<int, controller_error> parse_digit(char c) {
    if (c < '0' || c > '9') return failure(controller_error{0x4});
    return c - '0';
}

// Works in constant evaluation: no heap, no exceptions.
static_assert(parse_digit('7').value() == 7);
static_assert(!parse_digit('x').has_value());
static_assert(kind_of<i2c::error_kind>(parse_digit('x').error()) ==
              i2c::error_kind::no_acknowledge_address);

TEST(hal_result, holds_value_or_error) {
    auto good = parse_digit('3');
    ASSERT_TRUE(good);
    EXPECT_EQ(*good, 3);
    EXPECT_EQ(good.value_or(-1), 3);

    auto bad = parse_digit('?');
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().status_register, 0x4u);
    EXPECT_EQ(bad.value_or(-1), -1);
}

TEST(hal_result, void_result_succeeds_or_fails) {
    result<void, i2c::error_kind> ok = success;
    result<void, i2c::error_kind> failed = failure(i2c::error_kind::arbitration_loss);
    EXPECT_TRUE(ok.has_value());
    ASSERT_FALSE(failed.has_value());
    EXPECT_EQ(failed.error(), i2c::error_kind::arbitration_loss);
}

TEST(hal_result, kind_of_maps_every_error_shape) {
    EXPECT_EQ(kind_of<i2c::error_kind>(controller_error{0x0}), i2c::error_kind::bus);
    EXPECT_EQ(kind_of<i2c::error_kind>(i2c::error_kind::overrun), i2c::error_kind::overrun);
    EXPECT_TRUE(i2c::is_no_acknowledge(i2c::error_kind::no_acknowledge_data));
    EXPECT_FALSE(i2c::is_no_acknowledge(i2c::error_kind::arbitration_loss));
}

TEST(hal_result_death_test, value_of_a_failure_traps) {
    auto bad = parse_digit('?');
    EXPECT_DEATH((void)bad.value(), "");
}

}  // namespace
