// The SSD0323 driver against the HAL fakes: the bytes on the bus and the
// D/C level around each transaction (a recording bus, chip select and D/C
// pin sharing one trace), and the picture a controller would hold (a small
// model of the SSD0323's command decoder and RAM, fed by the same bytes).
#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <span>

#include "rivet/drivers/ssd0323.hpp"
#include "rivet/drivers/ssd0323_display.hpp"
#include "rivet/gfx/primitives.hpp"
#include "rivet/hal/bus.hpp"
#include "rivet/hal/fakes/digital.hpp"
#include "rivet/hal/fakes/spi.hpp"

namespace {

using rivet::drivers::ssd0323;
using rivet::drivers::ssd0323_frame;
using rivet::drivers::ssd0323_pack;
using rivet::hal::fakes::recording_pin;
using rivet::hal::fakes::recording_spi_bus;
using rivet::hal::fakes::trace;
namespace spi = rivet::hal::spi;

using device = rivet::hal::exclusive_spi_device<recording_spi_bus, recording_pin>;
using source = ssd0323<device, recording_pin>::error_type::source;

struct wire {
    trace log;
    device oled_device{recording_spi_bus{log}, recording_pin{log, "cs"}};
    recording_pin dc{log, "dc", false};
    ssd0323<device, recording_pin> oled{oled_device, dc};
};

// The controller as a spi_device: decodes commands (with their argument
// counts) while D/C is low and writes RAM through the window while it is
// high, the way the SSD0323 and QEMU's model do.
class panel {
public:
    using error_type = spi::error_kind;

    explicit panel(const recording_pin& dc) : dc_(&dc) {}

    rivet::hal::result<void, error_type> transaction(std::span<spi::operation> operations) {
        ++transactions_;
        for (const spi::operation& op : operations) {
            if (op.what != spi::operation::type::write)
                return rivet::hal::failure(error_type::other);
            for (std::uint8_t byte : op.out) dc_->high() ? data(byte) : command(byte);
        }
        return rivet::hal::success;
    }

    std::uint8_t pixel(std::size_t x, std::size_t y) const {
        const std::uint8_t byte = ram_[y * 64 + x / 2];
        return (x & 1) != 0 ? byte & 0x0f : byte >> 4;
    }
    int transactions() const { return transactions_; }
    int unknown_commands() const { return unknown_; }
    bool display_on() const { return on_; }

private:
    static int arguments_of(std::uint8_t code) {
        switch (code) {
            case 0x15:
            case 0x75:
                return 2;
            case 0x81:
            case 0xa0:
            case 0xa1:
            case 0xa2:
            case 0xa8:
            case 0xad:
            case 0xb1:
            case 0xb2:
            case 0xb3:
            case 0xbc:
            case 0xbe:
            case 0xbf:
                return 1;
            case 0xb8:
                return 8;
            case 0x84:
            case 0x85:
            case 0x86:
            case 0xa4:
            case 0xa5:
            case 0xa6:
            case 0xa7:
            case 0xae:
            case 0xaf:
            case 0xe3:
                return 0;
            default:
                return -1;
        }
    }
    void command(std::uint8_t byte) {
        if (pending_ == 0) {
            code_ = byte;
            pending_ = arguments_of(byte);
            got_ = 0;
            if (pending_ < 0) {
                ++unknown_;
                pending_ = 0;
                return;
            }
        } else {
            args_[got_++] = byte;
            --pending_;
        }
        if (pending_ != 0) return;
        if (code_ == 0x15) {
            column_ = first_column_ = args_[0] % 64;
            last_column_ = args_[1] % 64;
        } else if (code_ == 0x75) {
            row_ = first_row_ = args_[0] % 80;
            last_row_ = args_[1] % 80;
        } else if (code_ == 0xa0) {
            vertical_ = (args_[0] & 0x04) != 0;
        } else if (code_ == 0xaf || code_ == 0xae) {
            on_ = code_ == 0xaf;
        }
    }
    void data(std::uint8_t byte) {
        ram_[row_ * 64 + column_] = byte;
        ASSERT_FALSE(vertical_) << "the driver assumes horizontal address increment";
        if (++column_ > last_column_) {
            column_ = first_column_;
            if (++row_ > last_row_) row_ = first_row_;
        }
    }

    const recording_pin* dc_;
    std::array<std::uint8_t, std::size_t{64} * 80> ram_{};
    std::uint8_t code_ = 0;
    int pending_ = 0;
    std::array<std::uint8_t, 8> args_{};
    int got_ = 0;
    int column_ = 0, first_column_ = 0, last_column_ = 63;
    int row_ = 0, first_row_ = 0, last_row_ = 79;
    bool vertical_ = false;
    bool on_ = false;
    int unknown_ = 0;
    int transactions_ = 0;
};

static_assert(rivet::hal::spi_device<panel>);
static_assert(rivet::hal::spi_device<device>);

TEST(ssd0323, init_is_one_command_transaction_with_dc_low) {
    wire w;
    ASSERT_TRUE(w.oled.init());
    EXPECT_EQ(w.log.view(),
              "dc:0 cs:0 w:ae15003f75003f814086a052a100a200a4a83fb122b246b341bc28be02bf0d"
              "b80111223243546576ad02af flush cs:1");
}

TEST(ssd0323, init_leaves_the_model_on_with_every_command_known) {
    trace log;
    recording_pin dc{log, "dc", false};
    panel model{dc};
    ssd0323 oled{model, dc};
    ASSERT_TRUE(oled.init());
    EXPECT_TRUE(model.display_on());
    EXPECT_EQ(model.unknown_commands(), 0);
}

TEST(ssd0323, draw_sets_the_window_then_sends_data_with_dc_high) {
    wire w;
    const std::uint8_t pixels[] = {0x12, 0x34, 0x56, 0x78};
    ASSERT_TRUE(w.oled.draw(3, 10, 2, 2, pixels));
    EXPECT_EQ(w.log.view(), "dc:0 cs:0 w:150304750a0b flush cs:1 dc:1 cs:0 w:12345678 flush cs:1");
}

TEST(ssd0323, draw_puts_pixels_in_the_rectangle) {
    trace log;
    recording_pin dc{log, "dc", false};
    panel model{dc};
    ssd0323 oled{model, dc};
    // 4 x 2 pixels at x 6, y 10: greys 1 2 3 4 / 5 6 7 8.
    const std::uint8_t pixels[] = {ssd0323_pack(1, 2), ssd0323_pack(3, 4), ssd0323_pack(5, 6),
                                   ssd0323_pack(7, 8)};
    ASSERT_TRUE(oled.draw(3, 10, 2, 2, pixels));
    EXPECT_EQ(model.pixel(5, 10), 0);
    EXPECT_EQ(model.pixel(6, 10), 1);
    EXPECT_EQ(model.pixel(9, 10), 4);
    EXPECT_EQ(model.pixel(6, 11), 5);
    EXPECT_EQ(model.pixel(9, 11), 8);
    EXPECT_EQ(model.pixel(10, 11), 0);
    EXPECT_EQ(model.pixel(6, 12), 0);
}

TEST(ssd0323, arguments_outside_the_panel_send_nothing) {
    wire w;
    const std::uint8_t pixels[4] = {};
    auto r = w.oled.draw(63, 0, 2, 2, pixels);  // columns 63..64
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().where(), source::argument);
    EXPECT_FALSE(w.oled.draw(0, 0, 2, 3, pixels));   // 6 bytes wanted, 4 given
    EXPECT_FALSE(w.oled.draw(0, 63, 1, 2, pixels));  // rows 63..64
    EXPECT_FALSE(w.oled.set_window(5, 4, 0, 0));
    EXPECT_EQ(w.log.view(), "");
}

TEST(ssd0323, clear_fills_every_visible_pixel) {
    trace log;
    recording_pin dc{log, "dc", false};
    panel model{dc};
    ssd0323 oled{model, dc};
    ASSERT_TRUE(oled.clear(9));
    for (std::size_t y = 0; y < 64; ++y)
        for (std::size_t x = 0; x < 128; ++x) ASSERT_EQ(model.pixel(x, y), 9) << x << "," << y;
    EXPECT_EQ(model.transactions(), 1 + 64);  // the window, then a row each
}

TEST(ssd0323, frame_and_region_land_where_the_frame_says) {
    trace log;
    recording_pin dc{log, "dc", false};
    panel model{dc};
    ssd0323 oled{model, dc};
    ssd0323_frame frame;
    frame.fill(0, 0, 128, 64, 3);
    frame.set(127, 63, 15);
    ASSERT_TRUE(oled.write_frame(frame.bytes()));
    EXPECT_EQ(model.pixel(0, 0), 3);
    EXPECT_EQ(model.pixel(126, 63), 3);
    EXPECT_EQ(model.pixel(127, 63), 15);

    // Change a rectangle; only it is sent, in transactions of 8 rows.
    frame.fill(20, 5, 10, 12, 12);
    const int before = model.transactions();
    ASSERT_TRUE(oled.write_region(frame.bytes(), 10, 5, 5, 12));
    EXPECT_EQ(model.transactions() - before, 1 + 2);
    for (std::size_t y = 0; y < 64; ++y)
        for (std::size_t x = 0; x < 128; ++x)
            ASSERT_EQ(model.pixel(x, y), frame.get(x, y)) << x << "," << y;
}

// The panel as a gfx draw target: flush() sends what changed, widened to
// whole bytes, and the controller ends up with the framebuffer's picture.
TEST(ssd0323_display, flush_sends_only_the_dirty_bytes_and_the_model_matches) {
    namespace gfx = rivet::gfx;
    trace log;
    recording_pin dc{log, "dc", false};
    panel model{dc};
    ssd0323 oled{model, dc};
    rivet::drivers::ssd0323_display display{oled};
    static_assert(gfx::draw_target<decltype(display)>);
    gfx::clear(display, gfx::gray4{2});
    gfx::draw(display, gfx::circle{{30, 10}, 21}, gfx::fill(gfx::gray4{9}));
    EXPECT_EQ(display.dirty(), (gfx::rectangle{{0, 0}, {128, 64}}));
    ASSERT_TRUE(display.flush());
    EXPECT_TRUE(display.dirty().empty());
    const int before = model.transactions();
    ASSERT_TRUE(display.flush());  // nothing changed: nothing sent
    EXPECT_EQ(model.transactions(), before);

    // x 5..9 are byte columns 2..4; rows 7..8: one window and one data transaction.
    gfx::draw(display, gfx::line{{5, 7}, {9, 8}}, gfx::stroke(gfx::gray4{15}));
    EXPECT_EQ(display.dirty(), (gfx::rectangle{{5, 7}, {5, 2}}));
    ASSERT_TRUE(display.flush());
    EXPECT_EQ(model.transactions() - before, 2);
    for (gfx::coordinate y = 0; y < 64; ++y)
        for (gfx::coordinate x = 0; x < 128; ++x)
            ASSERT_EQ(model.pixel(x, y), display.get_pixel({x, y}).level) << x << "," << y;
    EXPECT_EQ(model.pixel(30, 20), 9);
    EXPECT_EQ(model.pixel(9, 8), 15);
}

TEST(ssd0323, region_rows_are_operations_of_one_selection) {
    wire w;
    ssd0323_frame frame;
    frame.set(2, 1, 0xa);
    frame.set(3, 2, 0xb);
    ASSERT_TRUE(w.oled.write_region(frame.bytes(), 1, 1, 1, 2));
    EXPECT_EQ(w.log.view(), "dc:0 cs:0 w:150101750102 flush cs:1 dc:1 cs:0 w:a0 w:0b flush cs:1");
}

TEST(ssd0323, frame_set_and_get_pack_two_pixels_per_byte_left_high) {
    ssd0323_frame frame;
    frame.set(0, 0, 0x5);
    frame.set(1, 0, 0xc);
    frame.set(200, 0, 0xf);  // clipped
    EXPECT_EQ(frame.bytes()[0], 0x5c);
    EXPECT_EQ(frame.get(1, 0), 0xc);
    EXPECT_EQ(frame.bytes()[1], 0x00);
}

TEST(ssd0323, device_errors_are_passed_on_and_nothing_more_is_sent) {
    wire w;
    w.oled_device.bus().fail_call(1, spi::error_kind::overrun);
    auto r = w.oled.clear();
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().where(), source::device);
    EXPECT_EQ(r.error().kind(), spi::error_kind::overrun);
    // Chip select was released, and no data followed the failed window.
    EXPECT_EQ(w.log.view(), "dc:0 cs:0 flush cs:1");
}

TEST(ssd0323, data_command_pin_errors_are_passed_on) {
    wire w;
    w.dc.fail_next_call();
    auto r = w.oled.init();
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().where(), source::data_command);
    EXPECT_NE(r.error().pin_error(), nullptr);
    EXPECT_EQ(w.log.view(), "");
}

// The driver runs in constant evaluation: no heap, no exceptions.
constexpr bool draws_in_constant_evaluation() {
    trace log;
    device d{recording_spi_bus{log}, recording_pin{log, "cs"}};
    recording_pin dc{log, "dc", false};
    ssd0323 oled{d, dc};
    const std::uint8_t pixels[] = {0xff};
    return oled.draw(0, 0, 1, 1, pixels) &&
           log.view() == "dc:0 cs:0 w:150000750000 flush cs:1 dc:1 cs:0 w:ff flush cs:1";
}
static_assert(draws_in_constant_evaluation());

}  // namespace
