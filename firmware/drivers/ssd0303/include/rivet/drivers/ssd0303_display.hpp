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

// The framebuffer and what a flush sends of it, shared by ssd0303_display
// and async_ssd0303_display (rivet/drivers/ssd0303_async.hpp).
template <std::size_t Width, std::size_t Height, std::size_t FirstColumn>
class ssd0303_panel : public gfx::tracked_framebuffer<
                          gfx::framebuffer<gfx::binary_color, Width, Height, gfx::vertical_pages>> {
    static_assert(FirstColumn + Width <= ssd0303_columns && Height <= 8 * ssd0303_pages,
                  "the panel must fit the controller's 132 x 64 RAM");

protected:
    // A flush sends whole pages' worth of rows.
    static constexpr gfx::size page_alignment{1, 8};

    // The write_page() arguments for the page holding row `y` of the
    // changed rectangle `r`: its changed columns, straight from the frame.
    struct page_write {
        std::uint8_t page;
        std::uint8_t column;
        std::span<const std::uint8_t> pixels;
    };
    constexpr page_write page_of(gfx::rectangle r, gfx::coordinate y) const noexcept {
        const auto page = static_cast<std::size_t>(y / 8);
        return {static_cast<std::uint8_t>(page), static_cast<std::uint8_t>(FirstColumn + r.left()),
                this->frame_.bytes().subspan(page * Width + static_cast<std::size_t>(r.left()),
                                             static_cast<std::size_t>(r.size.width))};
    }
};

template <class Driver, std::size_t Width = 96, std::size_t Height = 16,
          std::size_t FirstColumn = 36>
class ssd0303_display : public ssd0303_panel<Width, Height, FirstColumn> {
public:
    using result = typename Driver::result;

    constexpr explicit ssd0303_display(Driver& driver) noexcept : driver_(&driver) {}

    // The changed columns of each changed page, one write_page() per page.
    constexpr result flush() {
        return gfx::flush_dirty(
            this->dirty_, this->page_alignment, this->bounding_box(), result{rivet::hal::success},
            [this](gfx::rectangle r) -> result {
                for (gfx::coordinate y = r.top(); y < r.bottom(); y += 8) {
                    const auto page = this->page_of(r, y);
                    if (auto w = driver_->write_page(page.page, page.column, page.pixels); !w)
                        return w;
                }
                return rivet::hal::success;
            });
    }

private:
    Driver* driver_;
};

}  // namespace rivet::drivers
