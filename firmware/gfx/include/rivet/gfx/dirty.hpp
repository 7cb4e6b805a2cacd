// What changed since the last flush, and the flush every display driver
// shares: the changed area is rounded out to what the controller can
// address (SSD0323: two-pixel byte columns; SSD0303: 8-row pages), sent in
// one call, and forgotten only once the call succeeded.
#pragma once

#include "rivet/gfx/draw_target.hpp"
#include "rivet/gfx/geometry.hpp"

namespace rivet::gfx {

class dirty_area {
public:
    constexpr void add(point p) noexcept {
        if (area_.empty()) {
            area_ = {p, {1, 1}};
            return;
        }
        if (p.x < area_.left()) {
            area_.size.width += area_.left() - p.x;
            area_.top_left.x = p.x;
        } else if (p.x >= area_.right()) {
            area_.size.width = p.x - area_.left() + 1;
        }
        if (p.y < area_.top()) {
            area_.size.height += area_.top() - p.y;
            area_.top_left.y = p.y;
        } else if (p.y >= area_.bottom()) {
            area_.size.height = p.y - area_.top() + 1;
        }
    }
    constexpr void add(rectangle r) noexcept { area_ = area_.hull(r); }
    constexpr rectangle area() const noexcept { return area_; }
    constexpr bool empty() const noexcept { return area_.empty(); }
    constexpr void clear() noexcept { area_ = {}; }

private:
    rectangle area_{};
};

// `r` grown to multiples of `align` (width, height) from the origin.
constexpr rectangle align_outwards(rectangle r, gfx::size align) noexcept {
    const coordinate l = r.left() / align.width * align.width;
    const coordinate t = r.top() / align.height * align.height;
    const coordinate rt = (r.right() + align.width - 1) / align.width * align.width;
    const coordinate b = (r.bottom() + align.height - 1) / align.height * align.height;
    return {{l, t}, {rt - l, b - t}};
}

// Sends the dirty area (aligned, within `box`) with `send(rectangle)`;
// returns its result, or `nothing_to_do` when nothing changed. The area is
// kept on failure, so the next flush tries again.
template <class R, class Send>
constexpr R flush_dirty(dirty_area& dirty, gfx::size align, rectangle box, R nothing_to_do,
                        Send&& send) {
    const rectangle r = align_outwards(dirty.area(), align).intersection(box);
    if (r.empty()) {
        dirty.clear();
        return nothing_to_do;
    }
    R result = send(r);
    if (result) dirty.clear();
    return result;
}

// A framebuffer that remembers what was drawn since the last flush: the
// draw-target part of every display driver, which adds flush().
template <class Frame>
class tracked_framebuffer {
public:
    using color_type = typename Frame::color_type;
    using frame_type = Frame;

    constexpr rectangle bounding_box() const noexcept { return frame_.bounding_box(); }
    constexpr void draw_pixel(point p, color_type c) noexcept {
        frame_.draw_pixel(p, c);
        dirty_.add(p);
    }
    constexpr void fill_solid(rectangle r, color_type c) noexcept {
        frame_.fill_solid(r, c);
        dirty_.add(r);
    }
    constexpr color_type get_pixel(point p) const noexcept { return frame_.get_pixel(p); }
    // Everything is sent at the next flush (after the panel's init(), say).
    constexpr void invalidate() noexcept { dirty_.add(bounding_box()); }
    constexpr rectangle dirty() const noexcept { return dirty_.area(); }
    constexpr const Frame& frame() const noexcept { return frame_; }

protected:
    Frame frame_{};
    dirty_area dirty_{};
};

}  // namespace rivet::gfx
