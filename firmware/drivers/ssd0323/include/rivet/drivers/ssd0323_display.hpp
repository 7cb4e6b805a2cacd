// The SSD0323 panel (128 x 64, 16 greys) as a rivet::gfx draw target: drawing
// goes into a framebuffer in the controller's own layout (two pixels per
// byte, left in the high nibble), and flush() sends only the byte columns
// and rows that changed since the last flush, straight from it.
#pragma once

#include "rivet/drivers/ssd0323.hpp"
#include "rivet/gfx/dirty.hpp"
#include "rivet/gfx/framebuffer.hpp"

namespace rivet::drivers {

template <class Driver>
class ssd0323_display {
public:
    using color_type = gfx::gray4;
    using frame_type = gfx::framebuffer<gfx::gray4, ssd0323_width, ssd0323_height>;
    using result = typename Driver::result;

    constexpr explicit ssd0323_display(Driver& driver) noexcept : driver_(&driver) {}

    constexpr gfx::rectangle bounding_box() const noexcept { return frame_.bounding_box(); }
    constexpr void draw_pixel(gfx::point p, gfx::gray4 c) noexcept {
        frame_.draw_pixel(p, c);
        dirty_.add(p);
    }
    constexpr void fill_solid(gfx::rectangle r, gfx::gray4 c) noexcept {
        frame_.fill_solid(r, c);
        dirty_.add(r);
    }
    constexpr gfx::gray4 get_pixel(gfx::point p) const noexcept { return frame_.get_pixel(p); }

    // The changed rectangle, widened to whole bytes, in one write_region().
    constexpr result flush() {
        return gfx::flush_dirty(
            dirty_, {2, 1}, bounding_box(), result{rivet::hal::success}, [this](gfx::rectangle r) {
                return driver_->write_region(
                    frame_.bytes(), static_cast<std::uint8_t>(r.left() / 2),
                    static_cast<std::uint8_t>(r.top()), static_cast<std::uint8_t>(r.size.width / 2),
                    static_cast<std::uint8_t>(r.size.height));
            });
    }
    // Everything is sent at the next flush (after init(), say).
    constexpr void invalidate() noexcept { dirty_.add(bounding_box()); }
    constexpr gfx::rectangle dirty() const noexcept { return dirty_.area(); }
    constexpr const frame_type& frame() const noexcept { return frame_; }

private:
    Driver* driver_;
    frame_type frame_{};
    gfx::dirty_area dirty_{};
};

}  // namespace rivet::drivers
