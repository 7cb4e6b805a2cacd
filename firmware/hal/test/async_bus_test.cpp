// The async interfaces on the host: the concepts, the helpers that keep
// their operations, and an async driver, through fakes that park each
// transaction until the test completes it as an interrupt would.
#include <gtest/gtest.h>

#include <array>
#include <cstdint>

#include "rivet/hal/async/digital.hpp"
#include "rivet/hal/async/i2c.hpp"
#include "rivet/hal/async/spi.hpp"
#include "rivet/hal/fakes/async.hpp"
#include "rivet/hal/fakes/i2c.hpp"

namespace {

using namespace rivet::hal;
using fake_bus = fakes::async_i2c<fakes::register_map_i2c>;
static_assert(async::i2c_bus<fake_bus>);
static_assert(!i2c_bus<fake_bus>, "an async bus has no blocking transaction");
static_assert(!async::i2c_bus<fakes::register_map_i2c>, "a blocking bus is not an async one");

constexpr i2c::address sensor{0x48};

fakes::fake_task<int> read_two(fake_bus& bus, std::array<std::uint8_t, 2>& raw) {
    const std::uint8_t pointer[] = {0x10};
    auto r = co_await async::i2c::write_read(bus, sensor, pointer, raw);
    co_return r ? 1 : 0;
}

TEST(hal_async_i2c, write_read_waits_for_the_interrupt_and_puts_the_same_bytes_on_the_wire) {
    fakes::trace log;
    fakes::register_map_i2c target{log, sensor};
    target.reg(0x10) = 0xab;
    target.reg(0x11) = 0xcd;
    fake_bus bus{target};
    std::array<std::uint8_t, 2> raw{};
    const std::size_t wakes = fakes::fake_executor::wakes;

    auto task = read_two(bus, raw);
    EXPECT_FALSE(task.done()) << "the task must wait for the transaction";
    EXPECT_EQ(target.transactions(), 0u) << "nothing moves before the interrupt";
    ASSERT_TRUE(fake_bus::complete());
    ASSERT_TRUE(task.done());
    EXPECT_EQ(task.value(), 1);
    EXPECT_EQ(fakes::fake_executor::wakes, wakes + 1) << "woken exactly once";
    EXPECT_EQ(raw[0], 0xab);
    EXPECT_EQ(raw[1], 0xcd);
    EXPECT_EQ(log.view(), "S 48W 10 SR 48R 2 P");
}

TEST(hal_async_i2c, a_failure_comes_back_as_the_bus_reported_it) {
    fakes::trace log;
    fakes::register_map_i2c target{log, sensor};
    target.fail_next(i2c::error_kind::arbitration_loss);
    fake_bus bus{target};
    std::array<std::uint8_t, 2> raw{};
    auto task = read_two(bus, raw);
    ASSERT_TRUE(fake_bus::complete());
    EXPECT_EQ(task.value(), 0);
}

}  // namespace
