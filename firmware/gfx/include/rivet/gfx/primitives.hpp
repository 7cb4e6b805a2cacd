// Shapes and the styles they are drawn with. Which pixels a shape covers is
// defined exactly (README.md, "Coverage"), in integer arithmetic only:
// - a pixel belongs to a filled circle, ellipse or triangle when its centre
//   lies inside the shape or on its edge (vertices of lines, triangles and
//   polylines are pixel centres; a circle of diameter d whose bounding box
//   starts at (x, y) has its centre at (x + d/2, y + d/2) in pixel-corner
//   coordinates);
// - a stroke of width w is the shape grown by `outside` minus the shape
//   shrunk by `inside`, where alignment inside gives (inside, outside) =
//   (w, 0), outside (0, w), centre (w - w/2, w/2); the fill is the shrunk
//   shape, so fill and stroke never overlap;
// - lines are Bresenham lines including both end points; a line of width w
//   repeats each pixel across the minor axis, from -(w-1)/2 to +w/2;
// - arcs and sectors are the stroke ring or the disc restricted to pixels
//   whose centre's direction from the circle's centre lies within
//   [start, start + sweep], in whole degrees clockwise from +x (y grows
//   downwards).
// Shapes are drawn row span by row span, so targets with fill_solid() fill
// whole spans at once.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>

#include "rivet/gfx/draw_target.hpp"

namespace rivet::gfx {

enum class stroke_alignment : std::uint8_t { inside, center, outside };

template <class C>
struct primitive_style {
    std::optional<C> fill_color{};
    std::optional<C> stroke_color{};
    coordinate stroke_width = 1;
    stroke_alignment alignment = stroke_alignment::center;

    constexpr coordinate inside_width() const noexcept {
        if (!stroke_color || stroke_width <= 0) return 0;
        switch (alignment) {
            case stroke_alignment::inside:
                return stroke_width;
            case stroke_alignment::outside:
                return 0;
            case stroke_alignment::center:
                break;
        }
        return stroke_width - stroke_width / 2;
    }
    constexpr coordinate outside_width() const noexcept {
        if (!stroke_color || stroke_width <= 0) return 0;
        return stroke_width - inside_width();
    }
};

template <class C>
constexpr primitive_style<C> stroke(C c, coordinate width = 1,
                                    stroke_alignment a = stroke_alignment::center) noexcept {
    return {std::nullopt, c, width, a};
}
template <class C>
constexpr primitive_style<C> fill(C c) noexcept {
    return {c, std::nullopt, 0, stroke_alignment::center};
}
template <class C>
constexpr primitive_style<C> fill_and_stroke(
    C fill_c, C stroke_c, coordinate width = 1,
    stroke_alignment a = stroke_alignment::inside) noexcept {
    return {fill_c, stroke_c, width, a};
}

struct line {
    point start, end;
};
struct circle {
    point top_left;
    coordinate diameter = 0;
    // The circle of `diameter` centred on pixel `c` (odd diameters centre
    // exactly; even ones sit half a pixel right and down).
    static constexpr circle with_center(point c, coordinate diameter) noexcept {
        return {{c.x - diameter / 2, c.y - diameter / 2}, diameter};
    }
};
struct ellipse {
    rectangle bounds;
};
struct rounded_rectangle {
    rectangle bounds;
    coordinate radius = 0;
};
struct arc {
    point top_left;
    coordinate diameter = 0;
    int start_degrees = 0;
    int sweep_degrees = 0;
};
struct sector {
    point top_left;
    coordinate diameter = 0;
    int start_degrees = 0;
    int sweep_degrees = 0;
};
struct triangle {
    point a, b, c;
};
struct polyline {
    std::span<const point> points;
};

namespace detail {

constexpr std::uint32_t isqrt(std::uint64_t v) noexcept {
    if (v < (std::uint64_t{1} << 32)) {
        auto n = static_cast<std::uint32_t>(v);
        std::uint32_t root = 0, bit = 1u << 30;
        while (bit > n) bit >>= 2;
        while (bit != 0) {
            if (n >= root + bit) {
                n -= root + bit;
                root = (root >> 1) + bit;
            } else {
                root >>= 1;
            }
            bit >>= 2;
        }
        return root;
    }
    std::uint64_t root = 0, bit = std::uint64_t{1} << 62;
    while (bit > v) bit >>= 2;
    while (bit != 0) {
        if (v >= root + bit) {
            v -= root + bit;
            root = (root >> 1) + bit;
        } else {
            root >>= 1;
        }
        bit >>= 2;
    }
    return static_cast<std::uint32_t>(root);
}

constexpr coordinate floor_div(std::int64_t a, std::int64_t b) noexcept {
    std::int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return static_cast<coordinate>(q);
}
constexpr coordinate ceil_div(std::int64_t a, std::int64_t b) noexcept {
    return -floor_div(-a, b);
}

// A row's pixels x0..x1 inclusive (empty when x1 < x0).
struct span {
    coordinate x0 = 0, x1 = -1;
    constexpr bool empty() const noexcept { return x1 < x0; }
};

// The filled ellipse inscribed in `b`, row by row (a circle when square).
struct ellipse_rows {
    rectangle b;
    constexpr span row(coordinate y) const noexcept {
        const std::int64_t w = b.size.width, h = b.size.height;
        if (w <= 0 || h <= 0) return {};
        // Doubled coordinates: pixel centres are odd, the centre is
        // (2 left + w, 2 top + h) and the semi-axes are w and h.
        const std::int64_t dy = 2 * std::int64_t{y} + 1 - (2 * std::int64_t{b.top()} + h);
        if (dy * dy > h * h) return {};
        const std::uint64_t limit =
            w == h ? static_cast<std::uint64_t>(h * h - dy * dy)
                   : static_cast<std::uint64_t>(w * w * (h * h - dy * dy) / (h * h));
        auto dx = static_cast<std::int64_t>(isqrt(limit));
        // Pixel centres have dx of the parity of w + 1.
        if (((dx ^ (w + 1)) & 1) != 0) --dx;
        if (dx < 0) return {};
        const std::int64_t cx = 2 * std::int64_t{b.left()} + w;
        return {floor_div(cx - dx - 1, 2), floor_div(cx + dx - 1, 2)};
    }
};

struct rounded_rows {
    rectangle b;
    coordinate r;
    constexpr span row(coordinate y) const noexcept {
        if (b.empty() || y < b.top() || y >= b.bottom()) return {};
        coordinate radius = min(r, min(b.size.width, b.size.height) / 2);
        if (radius <= 0) return {b.left(), b.right() - 1};
        coordinate corner_top;
        if (y < b.top() + radius)
            corner_top = b.top();
        else if (y >= b.bottom() - radius)
            corner_top = b.bottom() - 2 * radius;
        else
            return {b.left(), b.right() - 1};
        const span s = ellipse_rows{{{b.left(), corner_top}, {2 * radius, 2 * radius}}}.row(y);
        if (s.empty()) return {};
        const coordinate inset = s.x0 - b.left();
        return {b.left() + inset, b.right() - 1 - inset};
    }
};

struct triangle_rows {
    point a, b, c;
    constexpr span row(coordinate y) const noexcept {
        coordinate lo = -(1 << 30), hi = 1 << 30;
        const point v[3] = {a, b, c};
        for (int i = 0; i < 3; ++i) {
            const point p = v[i], q = v[(i + 1) % 3];
            // cross(q - p, (x, y) - p) >= 0, i.e. f * x + g >= 0
            const std::int64_t f = -(std::int64_t{q.y} - p.y);
            const std::int64_t g =
                (std::int64_t{q.x} - p.x) * (std::int64_t{y} - p.y) - f * std::int64_t{p.x};
            if (f > 0)
                lo = max(lo, ceil_div(-g, f));
            else if (f < 0)
                hi = min(hi, floor_div(g, -f));
            else if (g < 0)
                return {};
        }
        return {lo, hi};
    }
};

// Rows of `outer` minus `inner`, then `inner` in the fill colour.
template <draw_target T, class Outer, class Inner>
constexpr void draw_ring(T& t, coordinate top, coordinate bottom, const Outer& outer,
                         const Inner& inner, const primitive_style<typename T::color_type>& s,
                         bool has_inner) {
    const rectangle box = t.bounding_box();
    top = max(top, box.top());
    bottom = min(bottom, box.bottom());
    for (coordinate y = top; y < bottom; ++y) {
        const span o = outer.row(y);
        const span i = has_inner ? inner.row(y) : span{};
        if (s.fill_color && !i.empty()) draw_span(t, y, i.x0, i.x1, *s.fill_color);
        if (!s.stroke_color || o.empty()) continue;
        if (i.empty()) {
            draw_span(t, y, o.x0, o.x1, *s.stroke_color);
        } else {
            draw_span(t, y, o.x0, i.x0 - 1, *s.stroke_color);
            draw_span(t, y, i.x1 + 1, o.x1, *s.stroke_color);
        }
    }
}

constexpr rectangle grow(rectangle r, coordinate by) noexcept {
    return {{r.left() - by, r.top() - by}, {r.size.width + 2 * by, r.size.height + 2 * by}};
}

// sin of whole degrees, scaled by 2^14.
constexpr std::int32_t sin_q14(int degrees) noexcept {
    constexpr auto table = [] {
        std::array<std::int16_t, 91> t{};
        for (int d = 0; d <= 90; ++d) {
            // Taylor series to x^15: exact to the rounding at 90 degrees.
            const double x = d * 3.14159265358979323846 / 180.0;
            double term = x, sum = x;
            for (int k = 1; k < 8; ++k) {
                term *= -x * x / ((2 * k) * (2 * k + 1));
                sum += term;
            }
            t[d] = static_cast<std::int16_t>(sum * 16384.0 + 0.5);
        }
        return t;
    }();
    degrees %= 360;
    if (degrees < 0) degrees += 360;
    if (degrees <= 90) return table[degrees];
    if (degrees <= 180) return table[180 - degrees];
    if (degrees <= 270) return -table[degrees - 180];
    return -table[360 - degrees];
}

// Whether direction (dx, dy) lies in the clockwise sweep from `start`.
struct angle_range {
    std::int32_t ax, ay, bx, by;
    bool all, wide;
    constexpr angle_range(int start, int sweep) noexcept
        : ax(0), ay(0), bx(0), by(0), all(false), wide(false) {
        if (sweep < 0) {
            start += sweep;
            sweep = -sweep;
        }
        all = sweep >= 360;
        wide = sweep > 180;
        ax = sin_q14(start + 90);
        ay = sin_q14(start);
        bx = sin_q14(start + sweep + 90);
        by = sin_q14(start + sweep);
    }
    constexpr bool contains(std::int64_t dx, std::int64_t dy) const noexcept {
        if (all) return true;
        const std::int64_t a_p = ax * dy - ay * dx, p_b = dx * by - dy * bx;
        if (!wide) return a_p >= 0 && p_b >= 0;
        const std::int64_t b_p = bx * dy - by * dx, p_a = dx * ay - dy * ax;
        return !(b_p > 0 && p_a > 0);
    }
};

template <draw_target T, class Rows>
constexpr void draw_angled(T& t, coordinate top, coordinate bottom, const Rows& outer,
                           const Rows* inner, point centre2, const angle_range& angles,
                           typename T::color_type c) {
    const rectangle box = t.bounding_box();
    for (coordinate y = max(top, box.top()); y < min(bottom, box.bottom()); ++y) {
        const span o = outer.row(y);
        const span i = inner ? inner->row(y) : span{};
        for (coordinate x = max(o.x0, box.left()); x <= min(o.x1, box.right() - 1); ++x) {
            if (!i.empty() && x >= i.x0 && x <= i.x1) continue;
            if (angles.contains(2 * std::int64_t{x} + 1 - centre2.x,
                                2 * std::int64_t{y} + 1 - centre2.y))
                t.draw_pixel({x, y}, c);
        }
    }
}

}  // namespace detail

template <draw_target T>
constexpr void draw(T& t, rectangle r, const primitive_style<typename T::color_type>& s) {
    const coordinate in = s.inside_width(), out = s.outside_width();
    const rectangle inner = detail::grow(r, -in), outer = detail::grow(r, out);
    if (s.fill_color && !inner.empty()) fill_solid(t, inner, *s.fill_color);
    if (!s.stroke_color || outer.empty()) return;
    if (inner.empty()) {
        fill_solid(t, outer, *s.stroke_color);
        return;
    }
    const auto c = *s.stroke_color;
    const coordinate top_band = inner.top() - outer.top();
    const coordinate bottom_band = outer.bottom() - inner.bottom();
    fill_solid(t, {outer.top_left, {outer.size.width, top_band}}, c);
    fill_solid(t, {{outer.left(), inner.bottom()}, {outer.size.width, bottom_band}}, c);
    fill_solid(t, {{outer.left(), inner.top()}, {inner.left() - outer.left(), inner.size.height}},
               c);
    fill_solid(
        t, {{inner.right(), inner.top()}, {outer.right() - inner.right(), inner.size.height}}, c);
}

template <draw_target T>
constexpr void draw(T& t, ellipse e, const primitive_style<typename T::color_type>& s) {
    const coordinate in = s.inside_width(), out = s.outside_width();
    const rectangle outer = detail::grow(e.bounds, out);
    const detail::ellipse_rows o{outer}, i{detail::grow(e.bounds, -in)};
    const bool has_inner = !i.b.empty();
    if (!s.stroke_color && !has_inner) return;
    detail::draw_ring(t, outer.top(), outer.bottom(), o, i, s, has_inner);
}

template <draw_target T>
constexpr void draw(T& t, circle c, const primitive_style<typename T::color_type>& s) {
    draw(t, ellipse{{c.top_left, {c.diameter, c.diameter}}}, s);
}

template <draw_target T>
constexpr void draw(T& t, rounded_rectangle r, const primitive_style<typename T::color_type>& s) {
    const coordinate in = s.inside_width(), out = s.outside_width();
    const rectangle outer = detail::grow(r.bounds, out);
    const detail::rounded_rows o{outer, r.radius + out};
    const detail::rounded_rows i{detail::grow(r.bounds, -in), max(r.radius - in, 0)};
    detail::draw_ring(t, outer.top(), outer.bottom(), o, i, s, !i.b.empty());
}

template <draw_target T>
constexpr void draw(T& t, line l, coordinate width, typename T::color_type c) {
    if (width <= 0) return;
    const rectangle box = t.bounding_box();
    const coordinate dx = l.end.x > l.start.x ? l.end.x - l.start.x : l.start.x - l.end.x;
    const coordinate dy = l.end.y > l.start.y ? l.end.y - l.start.y : l.start.y - l.end.y;
    const coordinate sx = l.start.x < l.end.x ? 1 : -1, sy = l.start.y < l.end.y ? 1 : -1;
    const coordinate lo = -(width - 1) / 2;
    const bool x_major = dx >= dy;
    if (dy == 0 || dx == 0) {
        // Straight lines are rectangles: one fill.
        const rectangle r = rectangle::from_corners(l.start, l.end);
        if (dy == 0)
            fill_solid(t, {{r.left(), r.top() + lo}, {r.size.width, width}}, c);
        else
            fill_solid(t, {{r.left() + lo, r.top()}, {width, r.size.height}}, c);
        return;
    }
    // A line with both ends on the target needs no check per pixel.
    const bool inside = box.contains(l.start) && box.contains(l.end);
    coordinate x = l.start.x, y = l.start.y;
    coordinate err = (x_major ? dx : dy) / 2;
    const coordinate steps = x_major ? dx : dy;
    for (coordinate n = 0; n <= steps; ++n) {
        if (width == 1) {
            if (inside || box.contains({x, y})) t.draw_pixel({x, y}, c);
        } else if (x_major) {
            fill_solid(t, {{x, y + lo}, {1, width}}, c);
        } else {
            fill_solid(t, {{x + lo, y}, {width, 1}}, c);
        }
        if (x_major) {
            x += sx;
            err -= dy;
            if (err < 0) {
                y += sy;
                err += dx;
            }
        } else {
            y += sy;
            err -= dx;
            if (err < 0) {
                x += sx;
                err += dy;
            }
        }
    }
}

template <draw_target T>
constexpr void draw(T& t, line l, const primitive_style<typename T::color_type>& s) {
    if (s.stroke_color) draw(t, l, s.stroke_width, *s.stroke_color);
}

template <draw_target T>
constexpr void draw(T& t, polyline p, const primitive_style<typename T::color_type>& s) {
    if (!s.stroke_color) return;
    if (p.points.size() == 1) draw(t, line{p.points[0], p.points[0]}, s);
    for (std::size_t k = 1; k < p.points.size(); ++k)
        draw(t, line{p.points[k - 1], p.points[k]}, s.stroke_width, *s.stroke_color);
}

// Filled: pixel centres inside or on the triangle. Stroke: the three edges
// as lines of the stroke width (alignment does not apply).
template <draw_target T>
constexpr void draw(T& t, triangle tr, const primitive_style<typename T::color_type>& s) {
    const std::int64_t area = (std::int64_t{tr.b.x} - tr.a.x) * (std::int64_t{tr.c.y} - tr.a.y) -
                              (std::int64_t{tr.b.y} - tr.a.y) * (std::int64_t{tr.c.x} - tr.a.x);
    if (s.fill_color && area != 0) {
        const detail::triangle_rows rows = area > 0 ? detail::triangle_rows{tr.a, tr.b, tr.c}
                                                    : detail::triangle_rows{tr.a, tr.c, tr.b};
        const rectangle box = t.bounding_box();
        const coordinate top = max(box.top(), min(tr.a.y, min(tr.b.y, tr.c.y)));
        const coordinate bottom = min(box.bottom(), max(tr.a.y, max(tr.b.y, tr.c.y)) + 1);
        for (coordinate y = top; y < bottom; ++y) {
            const detail::span sp = rows.row(y);
            draw_span(t, y, sp.x0, sp.x1, *s.fill_color);
        }
    }
    if (s.stroke_color) {
        const point pts[] = {tr.a, tr.b, tr.c, tr.a};
        draw(t, polyline{pts}, s);
    }
}

// The stroke ring of the circle (see stroke alignment) within the angles;
// a fill colour is ignored.
template <draw_target T>
constexpr void draw(T& t, arc a, const primitive_style<typename T::color_type>& s) {
    if (!s.stroke_color) return;
    const rectangle bounds{a.top_left, {a.diameter, a.diameter}};
    const detail::ellipse_rows outer{detail::grow(bounds, s.outside_width())};
    const detail::ellipse_rows inner{detail::grow(bounds, -s.inside_width())};
    const point centre2{2 * bounds.left() + a.diameter, 2 * bounds.top() + a.diameter};
    detail::draw_angled(t, outer.b.top(), outer.b.bottom(), outer,
                        inner.b.empty() ? nullptr : &inner, centre2,
                        detail::angle_range{a.start_degrees, a.sweep_degrees}, *s.stroke_color);
}

// Fill: the disc shrunk by the stroke's inside width, within the angles.
// Stroke: the arc (as above) and both radii as lines of the stroke width
// from the centre pixel.
template <draw_target T>
constexpr void draw(T& t, sector sc, const primitive_style<typename T::color_type>& s) {
    const rectangle bounds{sc.top_left, {sc.diameter, sc.diameter}};
    const point centre2{2 * bounds.left() + sc.diameter, 2 * bounds.top() + sc.diameter};
    const detail::angle_range angles{sc.start_degrees, sc.sweep_degrees};
    if (s.fill_color) {
        const detail::ellipse_rows disc{detail::grow(bounds, -s.inside_width())};
        detail::draw_angled<T, detail::ellipse_rows>(t, disc.b.top(), disc.b.bottom(), disc,
                                                     nullptr, centre2, angles, *s.fill_color);
    }
    if (!s.stroke_color) return;
    draw(t, arc{sc.top_left, sc.diameter, sc.start_degrees, sc.sweep_degrees}, s);
    const point centre{(centre2.x - 1) / 2, (centre2.y - 1) / 2};
    const coordinate r = (sc.diameter - 1) / 2;
    for (int deg : {sc.start_degrees, sc.start_degrees + sc.sweep_degrees}) {
        const point end{centre.x + detail::floor_div(r * detail::sin_q14(deg + 90) + 8192, 16384),
                        centre.y + detail::floor_div(r * detail::sin_q14(deg) + 8192, 16384)};
        draw(t, line{centre, end}, s.stroke_width, *s.stroke_color);
    }
}

}  // namespace rivet::gfx
