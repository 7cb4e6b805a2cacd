// SSD0303 OLED controller (132 x 64 mono, page addressed like the SSD1306)
// over I2C. Every byte on the bus follows a control byte: 0x80 says "one
// command byte follows, then another control byte", 0x40 says "display data
// until STOP". Commands are therefore sent as 0x80,cmd pairs, and a page of
// pixels as 0x40 and the bytes (two write operations, one transfer, so the
// pixels are never copied).
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <span>

#include "rivet/hal/error.hpp"
#include "rivet/hal/i2c.hpp"

namespace rivet::drivers {

namespace ssd0303_control {
inline constexpr std::uint8_t command = 0x80;  // Co = 1, D/C = 0
inline constexpr std::uint8_t data = 0x40;     // Co = 0, D/C = 1
}  // namespace ssd0303_control

// The geometry of the controller's RAM: a page is 8 rows, one byte per
// column, bit 0 at the top.
inline constexpr std::size_t ssd0303_columns = 132;
inline constexpr std::size_t ssd0303_pages = 8;

// One command, and its argument byte for the commands that take one.
struct ssd0303_command {
    std::uint8_t code;
    std::uint8_t argument = 0;
    bool has_argument = false;
};

// Power-up configuration: display off, multiplex 64, no offset, start line
// 0, DC-DC on, segment and COM scan in the default directions, normal (not
// inverted) colours, display follows RAM, mid contrast, display on.
inline constexpr ssd0303_command ssd0303_init_sequence[] = {
    {0xae},              // display off while configuring
    {0xa8, 0x3f, true},  // multiplex ratio 64
    {0xd3, 0x00, true},  // display offset 0
    {0x40},              // start line 0
    {0xad, 0x8b, true},  // DC-DC converter on
    {0xa0},              // segment remap off
    {0xc0},              // COM scan 0 -> 63
    {0xa6},              // normal display (1 = lit)
    {0xa4},              // output follows RAM
    {0x81, 0x80, true},  // contrast
    {0xaf},              // display on
};

template <rivet::hal::i2c_bus Bus>
class ssd0303 {
public:
    using error_type = rivet::hal::error_type_t<Bus>;
    using result = rivet::hal::result<void, error_type>;

    // 0x3C with SA0 low, 0x3D with SA0 high (the EK-LM3S811 wires it high).
    static constexpr rivet::hal::i2c::address default_address{0x3d};

    constexpr explicit ssd0303(Bus& bus, rivet::hal::i2c::address at = default_address) noexcept
        : bus_(&bus), address_(at) {}

    constexpr rivet::hal::i2c::address address() const noexcept { return address_; }

    // Sends ssd0303_init_sequence: runs of commands without an argument
    // share a transaction, each command with an argument has its own (see
    // command()). The RAM is left as it was (see clear()).
    constexpr result init() {
        std::uint8_t run[std::size(ssd0303_init_sequence)] = {};
        std::size_t length = 0;
        for (const ssd0303_command& c : ssd0303_init_sequence) {
            if (!c.has_argument) {
                run[length++] = c.code;
                continue;
            }
            if (auto r = commands(std::span{run, length}); !r) return r;
            length = 0;
            if (auto r = command(c.code, c.argument); !r) return r;
        }
        return commands(std::span{run, length});
    }

    // A command and its argument, each behind a 0x80 control byte, ending
    // the transaction: QEMU's model (7.2) takes the byte after a skipped
    // argument as a command, not a control byte, so anything sent after an
    // argument in the same transaction would be misread there. A STOP
    // resets it, and the silicon reads the two forms alike.
    constexpr result command(std::uint8_t code, std::uint8_t argument) {
        const std::uint8_t wire[] = {ssd0303_control::command, code, ssd0303_control::command,
                                     argument};
        return rivet::hal::i2c::write(*bus_, address_, wire);
    }

    // Commands without an argument (for the others, command()), each behind
    // its 0x80 control byte, in transactions of up to `chunk` commands.
    constexpr result commands(std::span<const std::uint8_t> bytes) {
        constexpr std::size_t chunk = 16;
        while (!bytes.empty()) {
            const std::size_t n = bytes.size() < chunk ? bytes.size() : chunk;
            std::uint8_t wire[2 * chunk] = {};
            for (std::size_t i = 0; i < n; ++i) {
                wire[2 * i] = ssd0303_control::command;
                wire[2 * i + 1] = bytes[i];
            }
            if (auto r = rivet::hal::i2c::write(*bus_, address_, std::span{wire, 2 * n}); !r)
                return r;
            bytes = bytes.subspan(n);
        }
        return rivet::hal::success;
    }

    // Where the next data byte lands: page 0..7, column 0..131.
    constexpr result set_position(std::uint8_t page, std::uint8_t column) {
        const std::uint8_t bytes[] = {
            static_cast<std::uint8_t>(0xb0 | (page & 0x07)),
            static_cast<std::uint8_t>(0x00 | (column & 0x0f)),
            static_cast<std::uint8_t>(0x10 | ((column >> 4) & 0x0f)),
        };
        return commands(bytes);
    }

    // Display data at the current position; the column advances per byte
    // and stops at the end of the page (no wrap to the next page).
    constexpr result write_data(std::span<const std::uint8_t> pixels) {
        const std::uint8_t control[] = {ssd0303_control::data};
        rivet::hal::i2c::operation ops[] = {rivet::hal::i2c::operation::write(control),
                                            rivet::hal::i2c::operation::write(pixels)};
        return bus_->transaction(address_, ops);
    }

    // set_position() then write_data().
    constexpr result write_page(std::uint8_t page, std::uint8_t column,
                                std::span<const std::uint8_t> pixels) {
        if (auto r = set_position(page, column); !r) return r;
        return write_data(pixels);
    }

    // All 8 pages of 132 columns to 0 (dark).
    constexpr result clear() {
        constexpr std::uint8_t dark[ssd0303_columns] = {};
        for (std::uint8_t page = 0; page < ssd0303_pages; ++page) {
            if (auto r = write_page(page, 0, dark); !r) return r;
        }
        return rivet::hal::success;
    }

    // A whole frame: ssd0303_pages rows of ssd0303_columns bytes.
    constexpr result write_frame(
        std::span<const std::uint8_t, ssd0303_columns * ssd0303_pages> frame) {
        for (std::uint8_t page = 0; page < ssd0303_pages; ++page) {
            if (auto r =
                    write_page(page, 0, frame.subspan(page * ssd0303_columns, ssd0303_columns));
                !r)
                return r;
        }
        return rivet::hal::success;
    }

private:
    Bus* bus_;
    rivet::hal::i2c::address address_;
};

}  // namespace rivet::drivers
