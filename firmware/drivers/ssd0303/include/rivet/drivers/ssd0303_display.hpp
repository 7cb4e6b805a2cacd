// An SSD0303 panel as a rivet::gfx draw target (binary colour): drawing goes
// into a framebuffer of 8-row pages (bit 0 at the top, the controller's
// layout), and flush() sends, page by page, only the columns that changed.
// The panel shows `Width` columns from RAM column `FirstColumn` and
// `Height` rows: the EK-LM3S811's is 96 x 16 from column 36.
#pragma once

#include "rivet/drivers/ssd0303.hpp"
#include "rivet/gfx/dirty.hpp"
#include "rivet/gfx/framebuffer.hpp"

namespace rivet::drivers {

template <class Driver, std::size_t Width = 96, std::size_t Height = 16,
          std::size_t FirstColumn = 36>
class ssd0303_display {
    static_assert(FirstColumn + Width <= ssd0303_columns && Height <= 8 * ssd0303_pages,
                  "the panel must fit the controller's 132 x 64 RAM");

public:
    using color_type = gfx::binary_color;
    using frame_type = gfx::framebuffer<gfx::binary_color, Width, Height, gfx::vertical_pages>;
    using result = typename Driver::result;

    constexpr explicit ssd0303_display(Driver& driver) noexcept : driver_(&driver) {}

    constexpr gfx::rectangle bounding_box() const noexcept { return frame_.bounding_box(); }
    constexpr void draw_pixel(gfx::point p, gfx::binary_color c) noexcept {
        frame_.draw_pixel(p, c);
        dirty_.add(p);
    }
    constexpr void fill_solid(gfx::rectangle r, gfx::binary_color c) noexcept {
        frame_.fill_solid(r, c);
        dirty_.add(r);
    }
    constexpr gfx::binary_color get_pixel(gfx::point p) const noexcept {
        return frame_.get_pixel(p);
    }

    // The changed columns of each changed page, one write_page() per page.
    constexpr result flush() {
        return gfx::flush_dirty(
            dirty_, {1, 8}, bounding_box(), result{rivet::hal::success},
            [this](gfx::rectangle r) -> result {
                for (gfx::coordinate y = r.top(); y < r.bottom(); y += 8) {
                    const auto page = static_cast<std::size_t>(y / 8);
                    if (auto w = driver_->write_page(
                            static_cast<std::uint8_t>(page),
                            static_cast<std::uint8_t>(FirstColumn + r.left()),
                            frame_.bytes().subspan(page * Width + r.left(), r.size.width));
                        !w)
                        return w;
                }
                return rivet::hal::success;
            });
    }
    constexpr void invalidate() noexcept { dirty_.add(bounding_box()); }
    constexpr gfx::rectangle dirty() const noexcept { return dirty_.area(); }
    constexpr const frame_type& frame() const noexcept { return frame_; }

private:
    Driver* driver_;
    frame_type frame_{};
    gfx::dirty_area dirty_{};
};

}  // namespace rivet::drivers
