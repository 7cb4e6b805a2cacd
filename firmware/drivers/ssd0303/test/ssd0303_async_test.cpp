// The async SSD0303 driver through the HAL's async I2C fake, which parks
// each transaction until the test completes it as the bus interrupt would:
// the same bytes as the blocking driver, one await per transaction.
#include <gtest/gtest.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

#include "rivet/drivers/ssd0303.hpp"
#include "rivet/drivers/ssd0303_async.hpp"
#include "rivet/hal/fakes/async.hpp"
#include "rivet/hal/fakes/i2c.hpp"

namespace {

using namespace rivet::hal;
using fake_bus = fakes::async_i2c<fakes::register_map_i2c>;
template <class T>
using host_task = fakes::fake_task<T>;
using async_oled = rivet::drivers::async_ssd0303<fake_bus, host_task>;
constexpr i2c::address display_address{0x3d};

// Runs a driver call to its end, completing each transaction; how many.
template <class Task>
std::size_t run(Task& task) {
    std::size_t transactions = 0;
    while (fake_bus::complete()) ++transactions;
    EXPECT_TRUE(task.done());
    return transactions;
}

// What the blocking driver puts on the wire for the same call.
template <class Call>
std::string blocking_wire(Call call) {
    fakes::trace log;
    fakes::register_map_i2c bus{log, display_address};
    rivet::drivers::ssd0303 oled{bus};
    EXPECT_TRUE(call(oled));
    return std::string{log.view()};
}

TEST(ssd0303_async, init_sends_the_blocking_drivers_transactions) {
    fakes::trace log;
    fakes::register_map_i2c target{log, display_address};
    fake_bus bus{target};
    async_oled oled{bus};
    auto task = oled.init();
    EXPECT_EQ(run(task), 8u);
    EXPECT_TRUE(task.value());
    EXPECT_EQ(log.view(), blocking_wire([](auto& o) { return o.init(); }));
}

TEST(ssd0303_async, commands_positions_and_data_match_the_blocking_driver) {
    fakes::trace log;
    fakes::register_map_i2c target{log, display_address};
    fake_bus bus{target};
    async_oled oled{bus};
    std::array<std::uint8_t, 17> nops{};
    nops.fill(0xe3);
    const std::uint8_t pixels[] = {0xff, 0x81, 0x00};
    auto commands = oled.commands(nops);
    EXPECT_EQ(run(commands), 2u);
    auto command = oled.command(0x81, 0x20);
    EXPECT_EQ(run(command), 1u);
    auto page = oled.write_page(7, 131, pixels);
    EXPECT_EQ(run(page), 2u);
    EXPECT_EQ(log.view(), blocking_wire([&](auto& o) {
                  return o.commands(nops) && o.command(0x81, 0x20) && o.write_page(7, 131, pixels);
              }));
    EXPECT_TRUE(log.view().ends_with("S 3dW 80b780038018 P S 3dW 40 ff8100 P")) << log.view();
}

TEST(ssd0303_async, clear_and_write_frame_send_every_page) {
    fakes::trace log;
    fakes::register_map_i2c target{log, display_address};
    fake_bus bus{target};
    async_oled oled{bus};
    std::array<std::uint8_t, rivet::drivers::ssd0303_frame_bytes> frame{};
    for (std::size_t i = 0; i < frame.size(); ++i) frame[i] = static_cast<std::uint8_t>(i);
    auto cleared = oled.clear();
    EXPECT_EQ(run(cleared), 16u);
    auto written = oled.write_frame(frame);
    EXPECT_EQ(run(written), 16u);
    EXPECT_EQ(log.view(),
              blocking_wire([&](auto& o) { return o.clear() && o.write_frame(frame); }));
}

TEST(ssd0303_async, a_bus_error_ends_the_call) {
    fakes::trace log;
    fakes::register_map_i2c target{log, display_address};
    fake_bus bus{target};
    async_oled oled{bus};
    target.fail_next(i2c::error_kind::bus);
    auto cleared = oled.clear();
    EXPECT_EQ(run(cleared), 1u);  // nothing after the failure
    ASSERT_FALSE(cleared.value());
    EXPECT_EQ(cleared.value().error(), i2c::error_kind::bus);
}

}  // namespace
