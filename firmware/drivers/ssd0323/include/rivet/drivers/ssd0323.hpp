// SSD0323 OLED controller (up to 128 x 80 pixels, 16 grey levels) over SPI,
// with a separate data/command line: while D/C is low every byte is a
// command or a command's argument, while it is high every byte is display
// data. Display RAM is 64 byte columns (two pixels each, the left pixel in
// the high nibble) by 80 rows; data fills the current window row by row
// and wraps to its top.
//
// Written only against rivet::hal::spi_device and rivet::hal::output_pin,
// so the device decides how chip select frames a transaction.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

#include "rivet/hal/digital.hpp"
#include "rivet/hal/error.hpp"
#include "rivet/hal/spi.hpp"

namespace rivet::drivers {

// The panel of an OSRAM Pictiva 128 x 64 (the EK-LM3S6965's, and QEMU's
// model): the first 64 rows of RAM.
inline constexpr std::size_t ssd0323_width = 128;
inline constexpr std::size_t ssd0323_height = 64;
inline constexpr std::size_t ssd0323_row_bytes = ssd0323_width / 2;
inline constexpr std::size_t ssd0323_frame_bytes = ssd0323_row_bytes * ssd0323_height;

// Power-up configuration, sent as one run of command bytes (each command is
// followed by its arguments). Values the panel's wiring dictates (remap,
// offset) follow the 128 x 64 OSRAM panel; they are not checked against
// one, as Rivet runs under QEMU, whose model ignores all but the window,
// the remap's address-increment bit and the data.
inline constexpr std::uint8_t ssd0323_init_sequence[] = {
    0xae,              // display off while configuring
    0x15, 0x00, 0x3f,  // column window 0..63
    0x75, 0x00, 0x3f,  // row window 0..63
    0x81, 0x40,        // contrast
    0x86,              // full current range
    0xa0, 0x52,        // remap: horizontal address increment, nibble and COM remap, COM split
    0xa1, 0x00,        // display start line 0
    0xa2, 0x00,        // display offset 0
    0xa4,              // normal display (RAM shown as it is)
    0xa8, 0x3f,        // multiplex ratio 64
    0xb1, 0x22,        // phase lengths
    0xb2, 0x46,        // row period
    0xb3, 0x41,        // clock divider and oscillator
    0xbc, 0x28,        // precharge voltage
    0xbe, 0x02,        // VCOMH
    0xbf, 0x0d,        // segment low voltage
    0xb8, 0x01, 0x11, 0x22, 0x32, 0x43, 0x54, 0x65, 0x76,  // grey scale table
    0xad, 0x02,  // DC-DC converter off (the board supplies the panel voltage)
    0xaf,        // display on
};

// Two pixels (grey levels 0..15) as one display byte.
constexpr std::uint8_t ssd0323_pack(std::uint8_t left, std::uint8_t right) noexcept {
    return static_cast<std::uint8_t>((left & 0x0f) << 4 | (right & 0x0f));
}

// The window command (columns, then rows, inclusive).
constexpr std::array<std::uint8_t, 6> ssd0323_window_bytes(std::uint8_t first_column,
                                                           std::uint8_t last_column,
                                                           std::uint8_t first_row,
                                                           std::uint8_t last_row) noexcept {
    return {0x15, first_column, last_column, 0x75, first_row, last_row};
}

// Whether a rectangle of byte columns and rows lies on the panel.
constexpr bool ssd0323_region_fits(std::size_t column, std::size_t row, std::size_t columns,
                                   std::size_t rows) noexcept {
    return columns != 0 && rows != 0 && column + columns <= ssd0323_row_bytes &&
           row + rows <= ssd0323_height;
}

// A region's rows go out as the operations of transactions of this many rows.
inline constexpr std::size_t ssd0323_rows_per_transaction = 8;

// The operations of the transaction that sends rows first.. of the region
// at byte column `column`, row `row`, `columns` bytes wide, `rows` high, of
// `frame`: one write of each row, straight from the frame. Returns how many.
constexpr std::size_t ssd0323_region_operations(
    std::span<const std::uint8_t, ssd0323_frame_bytes> frame, std::size_t column, std::size_t row,
    std::size_t columns, std::size_t rows, std::size_t first,
    std::span<rivet::hal::spi::operation, ssd0323_rows_per_transaction> ops) noexcept {
    std::size_t n = 0;
    for (; n < ops.size() && first + n < rows; ++n) {
        ops[n] = rivet::hal::spi::operation::write(
            frame.subspan((row + first + n) * ssd0323_row_bytes + column, columns));
    }
    return n;
}

// A whole frame in the controller's format, to draw into and send with
// write_frame() or write_region().
class ssd0323_frame {
public:
    constexpr void set(std::size_t x, std::size_t y, std::uint8_t grey) noexcept {
        if (x >= ssd0323_width || y >= ssd0323_height) return;
        std::uint8_t& byte = bytes_[y * ssd0323_row_bytes + x / 2];
        byte = (x & 1) != 0 ? static_cast<std::uint8_t>((byte & 0xf0) | (grey & 0x0f))
                            : static_cast<std::uint8_t>((byte & 0x0f) | (grey & 0x0f) << 4);
    }
    constexpr std::uint8_t get(std::size_t x, std::size_t y) const noexcept {
        if (x >= ssd0323_width || y >= ssd0323_height) return 0;
        const std::uint8_t byte = bytes_[y * ssd0323_row_bytes + x / 2];
        return (x & 1) != 0 ? byte & 0x0f : byte >> 4;
    }
    // A filled rectangle, clipped to the panel.
    constexpr void fill(std::size_t x, std::size_t y, std::size_t width, std::size_t height,
                        std::uint8_t grey) noexcept {
        for (std::size_t row = y; row < y + height && row < ssd0323_height; ++row) {
            for (std::size_t column = x; column < x + width && column < ssd0323_width; ++column)
                set(column, row, grey);
        }
    }
    constexpr void clear(std::uint8_t grey = 0) noexcept { bytes_.fill(ssd0323_pack(grey, grey)); }
    constexpr std::span<const std::uint8_t, ssd0323_frame_bytes> bytes() const noexcept {
        return bytes_;
    }

private:
    std::array<std::uint8_t, ssd0323_frame_bytes> bytes_{};
};

// Why a call failed: the SPI device, the D/C pin, or an argument outside
// the panel (nothing was sent then).
template <class DeviceError, class PinError>
class ssd0323_error {
public:
    enum class source : unsigned char { device, data_command, argument };

    static constexpr ssd0323_error from_device(DeviceError error) noexcept {
        return ssd0323_error{device_tag{}, error};
    }
    static constexpr ssd0323_error from_pin(PinError error) noexcept {
        return ssd0323_error{pin_tag{}, error};
    }
    static constexpr ssd0323_error bad_argument() noexcept {
        return ssd0323_error{source::argument};
    }

    constexpr source where() const noexcept { return where_; }
    constexpr rivet::hal::spi::error_kind kind() const noexcept {
        return where_ == source::device ? rivet::hal::kind_of<rivet::hal::spi::error_kind>(device_)
                                        : rivet::hal::spi::error_kind::other;
    }
    constexpr const DeviceError* device_error() const noexcept {
        return where_ == source::device ? &device_ : nullptr;
    }
    constexpr const PinError* pin_error() const noexcept {
        return where_ == source::data_command ? &pin_ : nullptr;
    }

private:
    struct device_tag {};
    struct pin_tag {};
    constexpr explicit ssd0323_error(source where) noexcept : none_(0), where_(where) {}
    constexpr ssd0323_error(device_tag, DeviceError error) noexcept
        : device_(error), where_(source::device) {}
    constexpr ssd0323_error(pin_tag, PinError error) noexcept
        : pin_(error), where_(source::data_command) {}

    // A union: the HAL's error types need not be default-constructible.
    union {
        char none_;
        DeviceError device_;
        PinError pin_;
    };
    source where_;
};

template <rivet::hal::spi_device Device, rivet::hal::output_pin DataCommand>
class ssd0323 {
public:
    using error_type =
        ssd0323_error<rivet::hal::error_type_t<Device>, rivet::hal::error_type_t<DataCommand>>;
    using result = rivet::hal::result<void, error_type>;

    constexpr ssd0323(Device& device, DataCommand& data_command) noexcept
        : device_(&device), data_command_(&data_command) {}

    // ssd0323_init_sequence, in one transaction. RAM is left as it was
    // (see clear()).
    constexpr result init() { return commands(ssd0323_init_sequence); }

    // Command bytes (commands and their arguments), D/C low, one transaction.
    constexpr result commands(std::span<const std::uint8_t> bytes) { return send(false, bytes); }

    // Display data, D/C high, one transaction: it lands in the window
    // (set_window()), row by row.
    constexpr result data(std::span<const std::uint8_t> bytes) { return send(true, bytes); }

    // The window data fills: byte columns (two pixels each) 0..63 and rows
    // 0..79, inclusive; the next data byte goes to its top-left corner.
    constexpr result set_window(std::uint8_t first_column, std::uint8_t last_column,
                                std::uint8_t first_row, std::uint8_t last_row) {
        if (first_column > last_column || last_column >= ssd0323_row_bytes ||
            first_row > last_row || last_row >= 80)
            return rivet::hal::failure(error_type::bad_argument());
        return commands(ssd0323_window_bytes(first_column, last_column, first_row, last_row));
    }

    // `pixels` (packed, `columns` bytes per row, `rows` rows) into the
    // rectangle whose top-left byte column is `column`: pixel x = 2 * column.
    constexpr result draw(std::uint8_t column, std::uint8_t row, std::uint8_t columns,
                          std::uint8_t rows, std::span<const std::uint8_t> pixels) {
        if (columns == 0 || rows == 0 || pixels.size() != std::size_t{columns} * rows ||
            column + columns > ssd0323_row_bytes || row + rows > ssd0323_height)
            return rivet::hal::failure(error_type::bad_argument());
        if (auto r = set_window(column, static_cast<std::uint8_t>(column + columns - 1), row,
                                static_cast<std::uint8_t>(row + rows - 1));
            !r)
            return r;
        return data(pixels);
    }

    // Every visible pixel to `grey`, one transaction per row.
    constexpr result clear(std::uint8_t grey = 0) {
        std::array<std::uint8_t, ssd0323_row_bytes> row{};
        row.fill(ssd0323_pack(grey, grey));
        if (auto r = set_window(0, ssd0323_row_bytes - 1, 0, ssd0323_height - 1); !r) return r;
        for (std::size_t y = 0; y < ssd0323_height; ++y) {
            if (auto r = data(row); !r) return r;
        }
        return rivet::hal::success;
    }

    // A whole frame (ssd0323_frame::bytes(), or any 64 x 64 packed bytes).
    constexpr result write_frame(std::span<const std::uint8_t, ssd0323_frame_bytes> frame) {
        return draw(0, 0, ssd0323_row_bytes, ssd0323_height, frame);
    }

    // Only the rectangle (byte columns, rows) of `frame` that changed: the
    // window is set to it and its rows go out as the operations of few
    // transactions, without copying.
    constexpr result write_region(std::span<const std::uint8_t, ssd0323_frame_bytes> frame,
                                  std::uint8_t column, std::uint8_t row, std::uint8_t columns,
                                  std::uint8_t rows) {
        if (!ssd0323_region_fits(column, row, columns, rows))
            return rivet::hal::failure(error_type::bad_argument());
        if (auto r = set_window(column, static_cast<std::uint8_t>(column + columns - 1), row,
                                static_cast<std::uint8_t>(row + rows - 1));
            !r)
            return r;
        if (auto r = select(true); !r) return r;
        for (std::size_t first = 0; first < rows; first += ssd0323_rows_per_transaction) {
            rivet::hal::spi::operation ops[ssd0323_rows_per_transaction] = {};
            const std::size_t n =
                ssd0323_region_operations(frame, column, row, columns, rows, first, ops);
            if (auto r = device_->transaction(std::span{ops, n}); !r)
                return rivet::hal::failure(error_type::from_device(r.error()));
        }
        return rivet::hal::success;
    }

private:
    constexpr result select(bool data) {
        auto r = data ? data_command_->set_high() : data_command_->set_low();
        if (!r) return rivet::hal::failure(error_type::from_pin(r.error()));
        return rivet::hal::success;
    }

    // D/C changes only between transactions, when the device has flushed
    // the bus, so no byte is sampled with the wrong level.
    constexpr result send(bool data, std::span<const std::uint8_t> bytes) {
        if (auto r = select(data); !r) return r;
        if (auto r = rivet::hal::spi::write(*device_, bytes); !r)
            return rivet::hal::failure(error_type::from_device(r.error()));
        return rivet::hal::success;
    }

    Device* device_;
    DataCommand* data_command_;
};

}  // namespace rivet::drivers
