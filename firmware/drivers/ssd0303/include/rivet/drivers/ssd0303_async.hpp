// The SSD0303 driver on an async I2C bus (rivet::hal::async::i2c_bus): the
// same transactions as rivet::drivers::ssd0303, built by the same functions
// (rivet/drivers/ssd0303.hpp), each method a coroutine that awaits them, so a
// task sleeps while the interrupt-driven controller moves the bytes.
//
// The coroutine type is the firmware's choice, and with it where the frames
// live: with firmware/async,
//
//   template <class T> using oled_task = rivet::task<T, rivet::frames<"oled", 256>>;
//   rivet::drivers::async_ssd0303<rivet::async::lm3s811evb::oled_bus, oled_task> oled{bus};
//   co_await oled.init();
//   co_await oled.write_page(0, 36, pixels);
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <span>

#include "rivet/drivers/ssd0303.hpp"
#include "rivet/drivers/ssd0303_display.hpp"
#include "rivet/hal/async/i2c.hpp"
#include "rivet/hal/error.hpp"

namespace rivet::drivers {

template <rivet::hal::async::i2c_bus Bus, template <class> class Task>
class async_ssd0303 {
public:
    using error_type = rivet::hal::error_type_t<Bus>;
    using result = rivet::hal::result<void, error_type>;
    template <class T>
    using task = Task<T>;

    static constexpr rivet::hal::i2c::address default_address = ssd0303_default_address;

    constexpr explicit async_ssd0303(Bus& bus,
                                     rivet::hal::i2c::address at = default_address) noexcept
        : bus_(&bus), address_(at) {}

    constexpr rivet::hal::i2c::address address() const noexcept { return address_; }

    // ssd0303_init_sequence, in the blocking driver's 8 transactions.
    Task<result> init() {
        for (std::size_t next = 0; next < std::size(ssd0303_init_sequence);) {
            const ssd0303_command_wire wire = ssd0303_init_transaction(next);
            if (auto r = co_await send(wire); !r) co_return r;
        }
        co_return rivet::hal::success;
    }

    // A command and its argument, a transaction of their own.
    Task<result> command(std::uint8_t code, std::uint8_t argument) {
        const ssd0303_command_wire wire = ssd0303_command_with_argument(code, argument);
        co_return co_await send(wire);
    }

    // Commands without an argument, up to 16 a transaction.
    Task<result> commands(std::span<const std::uint8_t> bytes) {
        while (!bytes.empty()) {
            const ssd0303_command_wire wire = ssd0303_command_run(bytes);
            if (auto r = co_await send(wire); !r) co_return r;
            bytes = bytes.subspan(wire.commands());
        }
        co_return rivet::hal::success;
    }

    // Where the next data byte lands: page 0..7, column 0..131.
    Task<result> set_position(std::uint8_t page, std::uint8_t column) {
        const ssd0303_command_wire wire = ssd0303_position(page, column);
        co_return co_await send(wire);
    }

    // Display data at the current position, the pixels borrowed, not copied.
    Task<result> write_data(std::span<const std::uint8_t> pixels) {
        co_return co_await send_data(pixels);
    }

    // The position, then the pixels: two transactions, one frame.
    Task<result> write_page(std::uint8_t page, std::uint8_t column,
                            std::span<const std::uint8_t> pixels) {
        const ssd0303_command_wire position = ssd0303_position(page, column);
        if (auto r = co_await send(position); !r) co_return r;
        co_return co_await send_data(pixels);
    }

    // All 8 pages of 132 columns to 0 (dark).
    Task<result> clear() {
        static constexpr std::uint8_t dark[ssd0303_columns] = {};
        for (std::uint8_t page = 0; page < ssd0303_pages; ++page) {
            const ssd0303_command_wire position = ssd0303_position(page, 0);
            if (auto r = co_await send(position); !r) co_return r;
            if (auto r = co_await send_data(dark); !r) co_return r;
        }
        co_return rivet::hal::success;
    }

    // A whole frame: ssd0303_pages rows of ssd0303_columns bytes.
    Task<result> write_frame(std::span<const std::uint8_t, ssd0303_frame_bytes> frame) {
        for (std::uint8_t page = 0; page < ssd0303_pages; ++page) {
            const ssd0303_command_wire position = ssd0303_position(page, 0);
            if (auto r = co_await send(position); !r) co_return r;
            if (auto r = co_await send_data(ssd0303_page_of(frame, page)); !r) co_return r;
        }
        co_return rivet::hal::success;
    }

private:
    // The awaitables keep their operations; the bytes they point at live in
    // the awaiting coroutine's frame until co_await returns.
    auto send(const ssd0303_command_wire& wire) {
        return rivet::hal::async::i2c::write(*bus_, address_, wire.span());
    }
    auto send_data(std::span<const std::uint8_t> pixels) {
        return rivet::hal::async::i2c::transaction_of(
            *bus_, address_,
            {rivet::hal::i2c::operation::write(ssd0303_data_prefix),
             rivet::hal::i2c::operation::write(pixels)});
    }

    Bus* bus_;
    rivet::hal::i2c::address address_;
};

// The panel as a rivet::gfx draw target over the async driver: drawing goes
// into the framebuffer, flush() awaits write_page() for the changed columns
// of each changed page.
template <class Driver, std::size_t Width = 96, std::size_t Height = 16,
          std::size_t FirstColumn = 36>
class async_ssd0303_display : public ssd0303_panel<Width, Height, FirstColumn> {
public:
    using result = typename Driver::result;

    constexpr explicit async_ssd0303_display(Driver& driver) noexcept : driver_(&driver) {}

    typename Driver::template task<result> flush() {
        const gfx::rectangle r = gfx::align_outwards(this->dirty_.area(), this->page_alignment)
                                     .intersection(this->bounding_box());
        for (gfx::coordinate y = r.top(); y < r.bottom() && !r.empty(); y += 8) {
            const auto page = this->page_of(r, y);
            if (auto sent = co_await driver_->write_page(page.page, page.column, page.pixels);
                !sent)
                co_return sent;
        }
        this->dirty_.clear();
        co_return rivet::hal::success;
    }

private:
    Driver* driver_;
};

}  // namespace rivet::drivers
