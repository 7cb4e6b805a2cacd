// The async TMP105 driver through the HAL's async I2C fake, which parks each
// transaction until the test completes it as the bus interrupt would: the
// same bytes as the blocking driver, one await per transaction.
#include <gtest/gtest.h>

#include <cstdint>

#include "rivet/drivers/tmp105_async.hpp"
#include "rivet/hal/fakes/async.hpp"
#include "rivet/hal/fakes/i2c.hpp"

namespace {

using namespace rivet::hal;
using fake_bus = fakes::async_i2c<fakes::register_map_i2c>;
constexpr i2c::address sensor{0x48};

fakes::fake_task<std::int32_t> read_temperature(rivet::drivers::async_tmp105<fake_bus>& sensor) {
    if (auto r = co_await sensor.init(); !r) co_return -1;
    auto t = co_await sensor.read_millicelsius();
    co_return t ? t.value() : -2;
}

TEST(tmp105_async, async_tmp105_configures_then_reads_the_temperature) {
    fakes::trace log;
    fakes::register_map_i2c target{log, sensor};
    // 25.375 °C: the fake's registers are one flat map, so the configuration
    // write (0x60 to register 1) is also the temperature's low byte.
    target.reg(0x00) = 0x19;
    fake_bus bus{target};
    rivet::drivers::async_tmp105 driver{bus};
    auto task = read_temperature(driver);
    ASSERT_TRUE(fake_bus::complete());
    EXPECT_FALSE(task.done());
    ASSERT_TRUE(fake_bus::complete());
    ASSERT_TRUE(task.done());
    EXPECT_EQ(task.value(), 25375);
    EXPECT_EQ(log.view(), "S 48W 0160 P S 48W 00 SR 48R 2 P");
}

fakes::fake_task<int> set_alert(rivet::drivers::async_tmp105<fake_bus>& sensor) {
    const rivet::drivers::tmp105_alert alert{20'000, 30'500,
                                             rivet::drivers::tmp105_alert_mode::interrupt};
    if (!co_await sensor.set_alert_low(alert)) co_return 1;
    if (!co_await sensor.set_alert_high(alert)) co_return 2;
    if (!co_await sensor.set_alert_mode(alert)) co_return 3;
    co_return 0;
}

TEST(tmp105_async, async_tmp105_writes_the_alert_limits_and_mode) {
    fakes::trace log;
    fakes::register_map_i2c target{log, sensor};
    fake_bus bus{target};
    rivet::drivers::async_tmp105 driver{bus};
    auto task = set_alert(driver);
    while (fake_bus::complete()) {
    }
    ASSERT_TRUE(task.done());
    EXPECT_EQ(task.value(), 0);
    // 20 °C = 0x1400, 30.5 °C = 0x1e80; TM = 1 (interrupt), 12 bits.
    EXPECT_EQ(log.view(), "S 48W 021400 P S 48W 031e80 P S 48W 0162 P");
}

}  // namespace
