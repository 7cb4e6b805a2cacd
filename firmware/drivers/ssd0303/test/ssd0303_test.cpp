// The SSD0303 driver against the register-map I2C fake: the bytes on the
// wire for commands, positioning and display data, and bus errors passed on.
#include <gtest/gtest.h>

#include <array>
#include <cstdint>

#include "rivet/drivers/ssd0303.hpp"
#include "rivet/drivers/ssd0303_display.hpp"
#include "rivet/gfx/primitives.hpp"
#include "rivet/hal/fakes/i2c.hpp"

namespace {

using rivet::drivers::ssd0303;
using rivet::hal::fakes::register_map_i2c;
using rivet::hal::fakes::trace;
namespace i2c = rivet::hal::i2c;

constexpr i2c::address oled_address{0x3d};

// The driver runs in constant evaluation: no heap, no exceptions.
constexpr bool position_in_constant_evaluation() {
    trace log;
    register_map_i2c bus{log, oled_address};
    ssd0303 oled{bus};
    return oled.set_position(1, 36) && log.view() == "S 3dW 80b180048012 P";
}
static_assert(position_in_constant_evaluation());

TEST(ssd0303, default_address_is0x3d) {
    trace log;
    register_map_i2c bus{log, oled_address};
    ssd0303 oled{bus};
    EXPECT_EQ(oled.address(), oled_address);
}

TEST(ssd0303, init_sends_each_command_behind_a_control_byte) {
    trace log;
    register_map_i2c bus{log, oled_address};
    ssd0303 oled{bus};
    ASSERT_TRUE(oled.init());
    // A command with an argument ends its transaction; the others are
    // batched between them.
    EXPECT_EQ(log.view(),
              "S 3dW 80ae P S 3dW 80a8803f P S 3dW 80d38000 P S 3dW 8040 P S 3dW 80ad808b P "
              "S 3dW 80a080c080a680a4 P S 3dW 80818080 P S 3dW 80af P");
}

TEST(ssd0303, a_command_with_an_argument_is_one_transaction) {
    trace log;
    register_map_i2c bus{log, oled_address};
    ssd0303 oled{bus};
    ASSERT_TRUE(oled.command(0x81, 0x20));
    EXPECT_EQ(log.view(), "S 3dW 80818020 P");
}

TEST(ssd0303, long_command_lists_are_split_into_transactions_of16) {
    trace log;
    register_map_i2c bus{log, oled_address};
    ssd0303 oled{bus};
    std::array<std::uint8_t, 17> nops{};
    nops.fill(0xe3);
    ASSERT_TRUE(oled.commands(nops));
    EXPECT_EQ(bus.transactions(), 2u);
    EXPECT_TRUE(log.view().ends_with(" P S 3dW 80e3 P")) << log.view();
}

TEST(ssd0303, set_position_selects_page_and_both_column_nibbles) {
    trace log;
    register_map_i2c bus{log, oled_address};
    ssd0303 oled{bus};
    ASSERT_TRUE(oled.set_position(7, 131));
    EXPECT_EQ(log.view(), "S 3dW 80b780038018 P");
}

TEST(ssd0303, data_goes_behind_one_data_control_byte_in_one_transfer) {
    trace log;
    register_map_i2c bus{log, oled_address};
    ssd0303 oled{bus};
    const std::uint8_t pixels[] = {0xff, 0x81, 0x00};
    ASSERT_TRUE(oled.write_data(pixels));
    EXPECT_EQ(log.view(), "S 3dW 40 ff8100 P");
}

TEST(ssd0303, clear_writes_every_page_dark) {
    trace log;
    register_map_i2c bus{log, oled_address};
    ssd0303 oled{bus};
    ASSERT_TRUE(oled.clear());
    EXPECT_EQ(bus.transactions(), 16u);  // a position and a data transfer per page
}

// The panel as a gfx draw target: flush() sends the changed columns of each
// changed page, from the visible window's first column (36).
TEST(ssd0303_display, flush_sends_the_changed_columns_of_changed_pages) {
    namespace gfx = rivet::gfx;
    trace log;
    register_map_i2c bus{log, oled_address};
    ssd0303 oled{bus};
    rivet::drivers::ssd0303_display display{oled};
    static_assert(gfx::draw_target<decltype(display)>);
    gfx::draw(display, gfx::line{{2, 6}, {4, 6}}, gfx::stroke(gfx::binary_color::lit()));
    EXPECT_EQ(display.dirty(), (gfx::rectangle{{2, 6}, {3, 1}}));
    ASSERT_TRUE(display.flush());
    // page 0, column 38 = 0x26; bit 6 of three columns
    EXPECT_EQ(log.view(), "S 3dW 80b080068012 P S 3dW 40 404040 P");
    EXPECT_TRUE(display.dirty().empty());
    // Rows 7..8 span two pages: two positions, two data transfers.
    gfx::draw_pixel(display, {95, 7}, gfx::binary_color::lit());
    gfx::draw_pixel(display, {95, 8}, gfx::binary_color::lit());
    const auto before = bus.transactions();
    ASSERT_TRUE(display.flush());
    EXPECT_EQ(bus.transactions() - before, 4u);
    EXPECT_EQ(display.frame().bytes()[95], 0x80);
    EXPECT_EQ(display.frame().bytes()[96 + 95], 0x01);
}

TEST(ssd0303, bus_errors_are_passed_on) {
    trace log;
    register_map_i2c nobody_there{log, i2c::address{0x3c}};
    ssd0303 oled{nobody_there};
    auto r = oled.init();
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error(), i2c::error_kind::no_acknowledge_address);

    register_map_i2c bus{log, oled_address};
    ssd0303 stops_early{bus};
    bus.fail_next(i2c::error_kind::bus);
    auto cleared = stops_early.clear();
    ASSERT_FALSE(cleared);
    EXPECT_EQ(cleared.error(), i2c::error_kind::bus);
    EXPECT_EQ(bus.transactions(), 1u);  // nothing after the failure
}

}  // namespace
