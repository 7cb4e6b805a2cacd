// The draw-target concept: anything that can set a pixel to a colour is a
// place to draw. A target declares its `color_type`, its `bounding_box()`
// and `draw_pixel(point, color)`; Rivet clips everything it draws to the
// bounding box first, so draw_pixel() is only ever called for a pixel
// inside it and need not check. A target may add `fill_solid(rectangle,
// color)` (called with a non-empty rectangle inside the bounding box),
// which fills, rows of shapes and clearing then use instead of pixels.
//
// translate() and crop() give sub-targets: the same pixels seen with
// another origin, or only a rectangle of them (with its top-left as the
// origin and drawing clipped to it).
#pragma once

#include <concepts>

#include "rivet/gfx/color.hpp"
#include "rivet/gfx/geometry.hpp"

namespace rivet::gfx {

template <class T>
concept draw_target = color<typename T::color_type> &&
    requires(T& t, const T& ct, point p, typename T::color_type c) {
    { ct.bounding_box() } -> std::same_as<rectangle>;
    t.draw_pixel(p, c);
};

template <class T>
concept has_fill_solid = requires(T& t, rectangle r, typename T::color_type c) {
    t.fill_solid(r, c);
};

// `area` clipped to the target, filled by its fast path or pixel by pixel.
template <draw_target T>
constexpr void fill_solid(T& target, rectangle area, typename T::color_type c) {
    const rectangle r = area.intersection(target.bounding_box());
    if (r.empty()) return;
    if constexpr (has_fill_solid<T>) {
        target.fill_solid(r, c);
    } else {
        for (coordinate y = r.top(); y < r.bottom(); ++y)
            for (coordinate x = r.left(); x < r.right(); ++x) target.draw_pixel({x, y}, c);
    }
}

template <draw_target T>
constexpr void clear(T& target, typename T::color_type c) {
    fill_solid(target, target.bounding_box(), c);
}

// One pixel, dropped when outside the target.
template <draw_target T>
constexpr void draw_pixel(T& target, point p, typename T::color_type c) {
    if (target.bounding_box().contains(p)) target.draw_pixel(p, c);
}

// Pixels x0..x1 (inclusive) of row y, clipped.
template <draw_target T>
constexpr void draw_span(T& target, coordinate y, coordinate x0, coordinate x1,
                         typename T::color_type c) {
    if (x1 < x0) return;
    fill_solid(target, rectangle{{x0, y}, {x1 - x0 + 1, 1}}, c);
}

// The target with its origin moved: drawing at p draws at p + offset.
template <draw_target T>
class translated {
public:
    using color_type = typename T::color_type;
    constexpr translated(T& parent, point offset) noexcept : parent_(&parent), offset_(offset) {}
    constexpr rectangle bounding_box() const noexcept {
        return parent_->bounding_box().translated(point{} - offset_);
    }
    constexpr void draw_pixel(point p, color_type c) { parent_->draw_pixel(p + offset_, c); }
    constexpr void fill_solid(rectangle r, color_type c) {
        gfx::fill_solid(*parent_, r.translated(offset_), c);
    }

private:
    T* parent_;
    point offset_;
};

// Only `area` of the target (clipped to it), with area's top-left as (0, 0).
template <draw_target T>
class cropped {
public:
    using color_type = typename T::color_type;
    constexpr cropped(T& parent, rectangle area) noexcept
        : parent_(&parent), area_(area.intersection(parent.bounding_box())) {
        // Pixels of `area` that lie off the parent are not part of it, but
        // the origin stays at area's top-left.
        origin_ = area.top_left;
        visible_ = area_.translated(point{} - origin_);
    }
    constexpr rectangle bounding_box() const noexcept { return visible_; }
    constexpr void draw_pixel(point p, color_type c) { parent_->draw_pixel(p + origin_, c); }
    constexpr void fill_solid(rectangle r, color_type c) {
        gfx::fill_solid(*parent_, r.translated(origin_), c);
    }

private:
    T* parent_;
    rectangle area_;
    point origin_;
    rectangle visible_;
};

template <draw_target T>
constexpr translated<T> translate(T& target, point offset) noexcept {
    return {target, offset};
}
template <draw_target T>
constexpr cropped<T> crop(T& target, rectangle area) noexcept {
    return {target, area};
}

}  // namespace rivet::gfx
