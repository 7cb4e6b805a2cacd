// SSD0303 OLED controller (132 x 64 mono, page addressed like the SSD1306)
// over I2C. Every byte on the bus follows a control byte: 0x80 says "one
// command byte follows, then another control byte", 0x40 says "display data
// until STOP". Commands are therefore sent as 0x80,cmd pairs, and a page of
// pixels as 0x40 and the bytes (two write operations, one transfer, so the
// pixels are never copied).
#pragma once

#include <array>
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
inline constexpr std::size_t ssd0303_frame_bytes = ssd0303_columns * ssd0303_pages;

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

// 0x3C with SA0 low, 0x3D with SA0 high (the EK-LM3S811 wires it high).
inline constexpr rivet::hal::i2c::address ssd0303_default_address{0x3d};

// Commands without an argument go out in transactions of up to this many.
inline constexpr std::size_t ssd0303_commands_per_transaction = 16;

// The bytes of one command transaction, control bytes included: what the
// blocking and the async driver both put on the wire.
struct ssd0303_command_wire {
    std::array<std::uint8_t, 2 * ssd0303_commands_per_transaction> bytes{};
    std::size_t size = 0;
    constexpr std::span<const std::uint8_t> span() const noexcept { return {bytes.data(), size}; }
    // How many commands it carries.
    constexpr std::size_t commands() const noexcept { return size / 2; }
};

// The first transaction of `commands` (none taking an argument): up to
// ssd0303_commands_per_transaction of them, each behind its 0x80.
constexpr ssd0303_command_wire ssd0303_command_run(
    std::span<const std::uint8_t> commands) noexcept {
    ssd0303_command_wire wire;
    for (std::size_t i = 0; i < commands.size() && i < ssd0303_commands_per_transaction; ++i) {
        wire.bytes[wire.size++] = ssd0303_control::command;
        wire.bytes[wire.size++] = commands[i];
    }
    return wire;
}

// A command and its argument, each behind a 0x80 control byte, as a
// transaction of its own: QEMU's model (7.2) takes the byte after a skipped
// argument as a command, not a control byte, so anything sent after an
// argument in the same transaction would be misread there. A STOP resets
// it, and the silicon reads the two forms alike.
constexpr ssd0303_command_wire ssd0303_command_with_argument(std::uint8_t code,
                                                             std::uint8_t argument) noexcept {
    return {{ssd0303_control::command, code, ssd0303_control::command, argument}, 4};
}

// The transaction of ssd0303_init_sequence that starts at `next`: a run of
// commands without an argument, or one command with its argument. Moves
// `next` past what it sends; init() sends them until the sequence ends.
constexpr ssd0303_command_wire ssd0303_init_transaction(std::size_t& next) noexcept {
    const ssd0303_command& first = ssd0303_init_sequence[next];
    if (first.has_argument) {
        ++next;
        return ssd0303_command_with_argument(first.code, first.argument);
    }
    std::uint8_t run[ssd0303_commands_per_transaction] = {};
    std::size_t length = 0;
    while (next < std::size(ssd0303_init_sequence) && length < std::size(run) &&
           !ssd0303_init_sequence[next].has_argument)
        run[length++] = ssd0303_init_sequence[next++].code;
    return ssd0303_command_run(std::span{run, length});
}

// Where the next data byte lands: page 0..7, column 0..131 (page, then the
// column's low and high nibbles), one transaction.
constexpr ssd0303_command_wire ssd0303_position(std::uint8_t page, std::uint8_t column) noexcept {
    const std::uint8_t commands[] = {
        static_cast<std::uint8_t>(0xb0 | (page & 0x07)),
        static_cast<std::uint8_t>(0x00 | (column & 0x0f)),
        static_cast<std::uint8_t>(0x10 | ((column >> 4) & 0x0f)),
    };
    return ssd0303_command_run(commands);
}

// Page `page` of a whole frame (write_frame()).
constexpr std::span<const std::uint8_t, ssd0303_columns> ssd0303_page_of(
    std::span<const std::uint8_t, ssd0303_frame_bytes> frame, std::uint8_t page) noexcept {
    return frame.subspan(std::size_t{page} * ssd0303_columns).first<ssd0303_columns>();
}

// What display data follows: written before the pixels as an operation of
// its own, so they are never copied.
inline constexpr std::uint8_t ssd0303_data_prefix[] = {ssd0303_control::data};

template <rivet::hal::i2c_bus Bus>
class ssd0303 {
public:
    using error_type = rivet::hal::error_type_t<Bus>;
    using result = rivet::hal::result<void, error_type>;

    static constexpr rivet::hal::i2c::address default_address = ssd0303_default_address;

    constexpr explicit ssd0303(Bus& bus, rivet::hal::i2c::address at = default_address) noexcept
        : bus_(&bus), address_(at) {}

    constexpr rivet::hal::i2c::address address() const noexcept { return address_; }

    // Sends ssd0303_init_sequence: runs of commands without an argument
    // share a transaction, each command with an argument has its own
    // (ssd0303_init_transaction). The RAM is left as it was (see clear()).
    constexpr result init() {
        for (std::size_t next = 0; next < std::size(ssd0303_init_sequence);) {
            if (auto r = send(ssd0303_init_transaction(next)); !r) return r;
        }
        return rivet::hal::success;
    }

    // A command and its argument, ending the transaction
    // (ssd0303_command_with_argument says why).
    constexpr result command(std::uint8_t code, std::uint8_t argument) {
        return send(ssd0303_command_with_argument(code, argument));
    }

    // Commands without an argument (for the others, command()), each behind
    // its 0x80 control byte, in transactions of up to 16 commands.
    constexpr result commands(std::span<const std::uint8_t> bytes) {
        while (!bytes.empty()) {
            const ssd0303_command_wire wire = ssd0303_command_run(bytes);
            if (auto r = send(wire); !r) return r;
            bytes = bytes.subspan(wire.commands());
        }
        return rivet::hal::success;
    }

    // Where the next data byte lands: page 0..7, column 0..131.
    constexpr result set_position(std::uint8_t page, std::uint8_t column) {
        return send(ssd0303_position(page, column));
    }

    // Display data at the current position; the column advances per byte
    // and stops at the end of the page (no wrap to the next page).
    constexpr result write_data(std::span<const std::uint8_t> pixels) {
        rivet::hal::i2c::operation ops[] = {rivet::hal::i2c::operation::write(ssd0303_data_prefix),
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
    constexpr result write_frame(std::span<const std::uint8_t, ssd0303_frame_bytes> frame) {
        for (std::uint8_t page = 0; page < ssd0303_pages; ++page) {
            if (auto r = write_page(page, 0, ssd0303_page_of(frame, page)); !r) return r;
        }
        return rivet::hal::success;
    }

private:
    constexpr result send(const ssd0303_command_wire& wire) {
        return rivet::hal::i2c::write(*bus_, address_, wire.span());
    }

    Bus* bus_;
    rivet::hal::i2c::address address_;
};

}  // namespace rivet::drivers
