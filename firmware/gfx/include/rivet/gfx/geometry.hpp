// Points, sizes and rectangles in display pixels: x grows to the right, y
// downwards, (0, 0) is a display's top-left pixel. Coordinates are signed
// so shapes may lie partly off a display and be clipped.
#pragma once

#include <cstdint>

namespace rivet::gfx {

using coordinate = std::int32_t;

struct point {
    coordinate x = 0;
    coordinate y = 0;
    friend constexpr bool operator==(point, point) = default;
    friend constexpr point operator+(point a, point b) noexcept { return {a.x + b.x, a.y + b.y}; }
    friend constexpr point operator-(point a, point b) noexcept { return {a.x - b.x, a.y - b.y}; }
};

struct size {
    coordinate width = 0;
    coordinate height = 0;
    friend constexpr bool operator==(size, size) = default;
};

constexpr coordinate min(coordinate a, coordinate b) noexcept {
    return a < b ? a : b;
}
constexpr coordinate max(coordinate a, coordinate b) noexcept {
    return a < b ? b : a;
}

// The pixels x in [left, left + width), y in [top, top + height).
struct rectangle {
    point top_left;
    gfx::size size;

    friend constexpr bool operator==(rectangle, rectangle) = default;

    static constexpr rectangle from_corners(point a, point b) noexcept {
        return {{min(a.x, b.x), min(a.y, b.y)},
                {max(a.x, b.x) - min(a.x, b.x) + 1, max(a.y, b.y) - min(a.y, b.y) + 1}};
    }
    constexpr coordinate left() const noexcept { return top_left.x; }
    constexpr coordinate top() const noexcept { return top_left.y; }
    // One past the last column and row.
    constexpr coordinate right() const noexcept { return top_left.x + size.width; }
    constexpr coordinate bottom() const noexcept { return top_left.y + size.height; }
    constexpr bool empty() const noexcept { return size.width <= 0 || size.height <= 0; }
    [[gnu::always_inline]] constexpr bool contains(point p) const noexcept {
        return p.x >= left() && p.x < right() && p.y >= top() && p.y < bottom();
    }
    // The pixels both cover (empty when they do not overlap).
    constexpr rectangle intersection(rectangle o) const noexcept {
        const coordinate l = max(left(), o.left()), t = max(top(), o.top());
        const coordinate r = min(right(), o.right()), b = min(bottom(), o.bottom());
        if (r <= l || b <= t) return {{l, t}, {0, 0}};
        return {{l, t}, {r - l, b - t}};
    }
    // The smallest rectangle covering both (an empty one covers nothing).
    constexpr rectangle hull(rectangle o) const noexcept {
        if (empty()) return o;
        if (o.empty()) return *this;
        const coordinate l = min(left(), o.left()), t = min(top(), o.top());
        return {{l, t}, {max(right(), o.right()) - l, max(bottom(), o.bottom()) - t}};
    }
    constexpr rectangle translated(point by) const noexcept { return {top_left + by, size}; }
};

}  // namespace rivet::gfx
