// The SSD0323 driver on an async SPI device (rivet::hal::async::spi_device):
// the same bytes as rivet::drivers::ssd0323, each method a coroutine that
// awaits its transactions, so a task sleeps while the interrupt-driven bus
// moves the pixels. D/C changes only between transactions, once the device
// has released the bus.
//
// The coroutine type is the firmware's choice, and with it where the frames
// live: with firmware/async,
//
//   template <class T> using oled_task = rivet::task<T, rivet::frames<"oled", 512, 2>>;
//   rivet::drivers::async_ssd0323<board::async_oled_device, board::oled_data_command, oled_task>
//       oled{device, data_command};
//   co_await oled.init();
//   co_await oled.write_frame(frame.bytes());
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

#include "rivet/drivers/ssd0323.hpp"
#include "rivet/gfx/dirty.hpp"
#include "rivet/gfx/framebuffer.hpp"
#include "rivet/hal/async/spi.hpp"
#include "rivet/hal/digital.hpp"
#include "rivet/hal/error.hpp"

namespace rivet::drivers {

template <rivet::hal::async::spi_device Device, rivet::hal::output_pin DataCommand,
          template <class> class Task>
class async_ssd0323 {
public:
    using error_type =
        ssd0323_error<rivet::hal::error_type_t<Device>, rivet::hal::error_type_t<DataCommand>>;
    using result = rivet::hal::result<void, error_type>;
    template <class T>
    using task = Task<T>;

    constexpr async_ssd0323(Device& device, DataCommand& data_command) noexcept
        : device_(&device), data_command_(&data_command) {}

    // ssd0323_init_sequence, in one transaction.
    Task<result> init() {
        if (auto r = select(false); !r) co_return r;
        co_return from_device(
            co_await rivet::hal::async::spi::write(*device_, ssd0323_init_sequence));
    }

    // Every visible pixel to `grey`: the window, then one transaction per row.
    Task<result> clear(std::uint8_t grey = 0) {
        std::array<std::uint8_t, ssd0323_row_bytes> row{};
        row.fill(ssd0323_pack(grey, grey));
        const auto window = ssd0323_window_bytes(0, ssd0323_row_bytes - 1, 0, ssd0323_height - 1);
        if (auto r = select(false); !r) co_return r;
        if (auto r = co_await rivet::hal::async::spi::write(*device_, window); !r)
            co_return rivet::hal::failure(error_type::from_device(r.error()));
        if (auto r = select(true); !r) co_return r;
        for (std::size_t y = 0; y < ssd0323_height; ++y) {
            if (auto r = co_await rivet::hal::async::spi::write(*device_, row); !r)
                co_return rivet::hal::failure(error_type::from_device(r.error()));
        }
        co_return rivet::hal::success;
    }

    // A whole frame: the window, then the 4 KiB in one transaction.
    Task<result> write_frame(std::span<const std::uint8_t, ssd0323_frame_bytes> frame) {
        const auto window = ssd0323_window_bytes(0, ssd0323_row_bytes - 1, 0, ssd0323_height - 1);
        if (auto r = select(false); !r) co_return r;
        if (auto r = co_await rivet::hal::async::spi::write(*device_, window); !r)
            co_return rivet::hal::failure(error_type::from_device(r.error()));
        if (auto r = select(true); !r) co_return r;
        co_return from_device(co_await rivet::hal::async::spi::write(*device_, frame));
    }

    // Only the rectangle (byte columns, rows) of `frame` that changed, as
    // rivet::drivers::ssd0323::write_region sends it: the window, then the
    // rows as the operations of transactions of 8 rows, without copying.
    Task<result> write_region(std::span<const std::uint8_t, ssd0323_frame_bytes> frame,
                              std::uint8_t column, std::uint8_t row, std::uint8_t columns,
                              std::uint8_t rows) {
        if (!ssd0323_region_fits(column, row, columns, rows))
            co_return rivet::hal::failure(error_type::bad_argument());
        const auto window =
            ssd0323_window_bytes(column, static_cast<std::uint8_t>(column + columns - 1), row,
                                 static_cast<std::uint8_t>(row + rows - 1));
        if (auto r = select(false); !r) co_return r;
        if (auto r = co_await rivet::hal::async::spi::write(*device_, window); !r)
            co_return rivet::hal::failure(error_type::from_device(r.error()));
        if (auto r = select(true); !r) co_return r;
        for (std::size_t first = 0; first < rows; first += ssd0323_rows_per_transaction) {
            rivet::hal::spi::operation ops[ssd0323_rows_per_transaction] = {};
            const std::size_t n =
                ssd0323_region_operations(frame, column, row, columns, rows, first, ops);
            if (auto r = co_await device_->transaction(std::span{ops, n}); !r)
                co_return rivet::hal::failure(error_type::from_device(r.error()));
        }
        co_return rivet::hal::success;
    }

private:
    result select(bool data) {
        auto r = data ? data_command_->set_high() : data_command_->set_low();
        if (!r) return rivet::hal::failure(error_type::from_pin(r.error()));
        return rivet::hal::success;
    }
    template <class R>
    static result from_device(R r) {
        if (!r) return rivet::hal::failure(error_type::from_device(r.error()));
        return rivet::hal::success;
    }

    Device* device_;
    DataCommand* data_command_;
};

// The panel as a rivet::gfx draw target over the async driver: drawing goes
// into the framebuffer, flush() awaits the changed rectangle's write_region.
template <class Driver>
class async_ssd0323_display
    : public gfx::tracked_framebuffer<gfx::framebuffer<gfx::gray4, ssd0323_width, ssd0323_height>> {
public:
    using result = typename Driver::result;
    constexpr explicit async_ssd0323_display(Driver& driver) noexcept : driver_(&driver) {}

    typename Driver::template task<result> flush() {
        const gfx::rectangle r =
            gfx::align_outwards(this->dirty_.area(), {2, 1}).intersection(this->bounding_box());
        if (r.empty()) {
            this->dirty_.clear();
            co_return rivet::hal::success;
        }
        const result sent = co_await driver_->write_region(
            this->frame_.bytes(), static_cast<std::uint8_t>(r.left() / 2),
            static_cast<std::uint8_t>(r.top()), static_cast<std::uint8_t>(r.size.width / 2),
            static_cast<std::uint8_t>(r.size.height));
        if (sent) this->dirty_.clear();
        co_return sent;
    }

private:
    Driver* driver_;
};

}  // namespace rivet::drivers
