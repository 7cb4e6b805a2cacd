// The TMP105 driver against the register-map I2C fake: the bytes on the
// wire for configuration and reads, the conversion, and errors passed on.
#include <gtest/gtest.h>

#include <cstdint>

#include "rivet/drivers/tmp105.hpp"
#include "rivet/hal/fakes/i2c.hpp"

namespace {

using rivet::drivers::tmp105;
using rivet::drivers::tmp105_millicelsius;
using rivet::drivers::tmp105_resolution;
using rivet::hal::fakes::register_map_i2c;
using rivet::hal::fakes::trace;
namespace i2c = rivet::hal::i2c;

constexpr i2c::address sensor_address{0x48};

static_assert(tmp105_millicelsius(0x00, 0x00) == 0);
static_assert(tmp105_millicelsius(0x19, 0x80) == 25500);   // 25.5 °C
static_assert(tmp105_millicelsius(0x7f, 0xf0) == 127937);  // the maximum, 127.9375 °C
static_assert(tmp105_millicelsius(0xff, 0xf0) == -62);     // -0.0625 °C, toward zero
static_assert(tmp105_millicelsius(0xe7, 0x00) == -25000);  // -25 °C
static_assert(tmp105_millicelsius(0xc9, 0x00) == -55000);  // the minimum of the range
static_assert(tmp105_millicelsius(0x01, 0x10) == 1062);    // 1.0625 °C

// The whole driver runs in constant evaluation: no heap, no exceptions.
constexpr std::int32_t read_in_constant_evaluation() {
    trace log;
    register_map_i2c bus{log, sensor_address};
    bus.reg(0x00) = 0x16;
    bus.reg(0x01) = 0x40;  // the pointer auto-increments onto the next register in the fake
    tmp105 sensor{bus};
    return sensor.read_millicelsius().value();
}
static_assert(read_in_constant_evaluation() == 22250);

TEST(tmp105, init_selects_twelve_bit_resolution) {
    trace log;
    register_map_i2c bus{log, sensor_address};
    tmp105 sensor{bus};
    ASSERT_TRUE(sensor.init());
    EXPECT_EQ(bus.reg(0x01), 0x60);
    EXPECT_EQ(log.view(), "S 48W 0160 P");
}

TEST(tmp105, resolution_bits_are_r1_r0) {
    trace log;
    register_map_i2c bus{log, sensor_address};
    tmp105 sensor{bus};
    ASSERT_TRUE(sensor.set_resolution(tmp105_resolution::bits10));
    EXPECT_EQ(bus.reg(0x01), 0x20);
}

TEST(tmp105, reads_the_temperature_register_with_a_repeated_start) {
    trace log;
    register_map_i2c bus{log, sensor_address};
    bus.reg(0x00) = 0x19;
    bus.reg(0x01) = 0x80;
    tmp105 sensor{bus};
    auto temperature = sensor.read_millicelsius();
    ASSERT_TRUE(temperature);
    EXPECT_EQ(temperature.value(), 25500);
    EXPECT_EQ(log.view(), "S 48W 00 SR 48R 2 P");
}

TEST(tmp105, negative_temperatures) {
    trace log;
    register_map_i2c bus{log, sensor_address};
    bus.reg(0x00) = 0xe6;
    bus.reg(0x01) = 0xf0;  // -25.0625 °C
    tmp105 sensor{bus};
    EXPECT_EQ(sensor.read_millicelsius().value(), -25062);
}

TEST(tmp105, other_address) {
    trace log;
    register_map_i2c bus{log, i2c::address{0x49}};
    tmp105 sensor{bus, i2c::address{0x49}};
    EXPECT_EQ(sensor.address(), i2c::address{0x49});
    ASSERT_TRUE(sensor.read_millicelsius());
    EXPECT_EQ(log.view(), "S 49W 00 SR 49R 2 P");
}

TEST(tmp105, missing_sensor_is_an_address_nack) {
    trace log;
    register_map_i2c bus{log, i2c::address{0x49}};
    tmp105 sensor{bus};  // 0x48: nobody there
    auto temperature = sensor.read_millicelsius();
    ASSERT_FALSE(temperature);
    EXPECT_EQ(temperature.error(), i2c::error_kind::no_acknowledge_address);
    EXPECT_FALSE(sensor.init());
}

TEST(tmp105, bus_errors_are_passed_on) {
    trace log;
    register_map_i2c bus{log, sensor_address};
    tmp105 sensor{bus};
    bus.fail_next(i2c::error_kind::arbitration_loss);
    auto temperature = sensor.read_millicelsius();
    ASSERT_FALSE(temperature);
    EXPECT_EQ(temperature.error(), i2c::error_kind::arbitration_loss);
    EXPECT_TRUE(sensor.read_millicelsius());  // the next one works
}

}  // namespace
