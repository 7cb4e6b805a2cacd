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
class ssd0303_display
    : public gfx::tracked_framebuffer<
          gfx::framebuffer<gfx::binary_color, Width, Height, gfx::vertical_pages>> {
    static_assert(FirstColumn + Width <= ssd0303_columns && Height <= 8 * ssd0303_pages,
                  "the panel must fit the controller's 132 x 64 RAM");

public:
    using result = typename Driver::result;

    constexpr explicit ssd0303_display(Driver& driver) noexcept : driver_(&driver) {}

    // The changed columns of each changed page, one write_page() per page.
    constexpr result flush() {
        return gfx::flush_dirty(
            this->dirty_, {1, 8}, this->bounding_box(), result{rivet::hal::success},
            [this](gfx::rectangle r) -> result {
                for (gfx::coordinate y = r.top(); y < r.bottom(); y += 8) {
                    const auto page = static_cast<std::size_t>(y / 8);
                    if (auto w = driver_->write_page(
                            static_cast<std::uint8_t>(page),
                            static_cast<std::uint8_t>(FirstColumn + r.left()),
                            this->frame_.bytes().subspan(page * Width + r.left(), r.size.width));
                        !w)
                        return w;
                }
                return rivet::hal::success;
            });
    }

private:
    Driver* driver_;
};

}  // namespace rivet::drivers
