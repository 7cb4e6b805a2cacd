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
class ssd0323_display
    : public gfx::tracked_framebuffer<gfx::framebuffer<gfx::gray4, ssd0323_width, ssd0323_height>> {
public:
    using result = typename Driver::result;

    constexpr explicit ssd0323_display(Driver& driver) noexcept : driver_(&driver) {}

    // The changed rectangle, widened to whole bytes, in one write_region().
    constexpr result flush() {
        return gfx::flush_dirty(
            dirty_, {2, 1}, bounding_box(), result{rivet::hal::success}, [this](gfx::rectangle r) {
                return driver_->write_region(
                    this->frame_.bytes(), static_cast<std::uint8_t>(r.left() / 2),
                    static_cast<std::uint8_t>(r.top()), static_cast<std::uint8_t>(r.size.width / 2),
                    static_cast<std::uint8_t>(r.size.height));
            });
    }

private:
    Driver* driver_;
};

}  // namespace rivet::drivers
