// The dashboard of examples/lm3s6965evb/dashboard.cpp, written once against
// the rivet::gfx draw-target concept: the firmware draws it on the SSD0323
// OLED and the host test DashboardPreview draws the same code into the
// simulator (PNG). Layout on 128 x 64 greys: a title bar, the temperature
// in 10x20 digits, its min/max, a graph of the last readings, and a
// thermometer bar (-10 to 40 °C).
#pragma once

#include <rivet/gfx/fonts/font_10x20_digits.hpp>
#include <rivet/gfx/fonts/font_4x6.hpp>
#include <rivet/gfx/fonts/font_6x10.hpp>
#include <rivet/gfx/primitives.hpp>
#include <rivet/gfx/text.hpp>

#include <cstddef>
#include <cstdint>

namespace rivet::examples {

namespace gfx = rivet::gfx;

// The readings shown: the latest, the lowest and highest, and the last
// `history_size` distinct ones for the graph (a reading is added only when
// it changed, so the picture depends on the values, not on timing).
class dashboard_state {
public:
    static constexpr std::size_t history_size = 24;

    constexpr bool add(std::int32_t millicelsius) noexcept {
        if (count_ > 0 && millicelsius == latest()) return false;
        if (count_ == 0 || millicelsius < min_) min_ = millicelsius;
        if (count_ == 0 || millicelsius > max_) max_ = millicelsius;
        history_[next_] = millicelsius;
        next_ = (next_ + 1) % history_size;
        if (count_ < history_size) ++count_;
        return true;
    }
    constexpr std::int32_t latest() const noexcept {
        return history_[(next_ + history_size - 1) % history_size];
    }
    // The i-th of the kept readings, oldest first.
    constexpr std::int32_t at(std::size_t i) const noexcept {
        return history_[(next_ + history_size - count_ + i) % history_size];
    }
    constexpr std::size_t count() const noexcept { return count_; }
    constexpr std::int32_t min() const noexcept { return min_; }
    constexpr std::int32_t max() const noexcept { return max_; }

private:
    std::int32_t history_[history_size] = {};
    std::size_t next_ = 0, count_ = 0;
    std::int32_t min_ = 0, max_ = 0;
};

namespace dashboard_layout {
inline constexpr gfx::rectangle value{{2, 13}, {92, 20}};
inline constexpr gfx::rectangle range{{2, 34}, {92, 6}};
inline constexpr gfx::rectangle graph{{2, 41}, {92, 22}};
inline constexpr gfx::rectangle bar{{106, 14}, {12, 38}};
inline constexpr std::int32_t lowest = -10000, highest = 40000;  // mC, the bar's scale
}  // namespace dashboard_layout

// "-12.3" from millidegrees (rounded to tenths), into `out`.
constexpr std::size_t format_tenths(std::int32_t millicelsius, char* out) noexcept {
    std::size_t n = 0;
    std::int32_t tenths = (millicelsius >= 0 ? millicelsius + 50 : millicelsius - 50) / 100;
    if (tenths < 0) {
        out[n++] = '-';
        tenths = -tenths;
    }
    char digits[12] = {};
    std::size_t d = 0;
    std::int32_t whole = tenths / 10;
    do {
        digits[d++] = static_cast<char>('0' + whole % 10);
        whole /= 10;
    } while (whole != 0);
    while (d != 0) out[n++] = digits[--d];
    out[n++] = '.';
    out[n++] = static_cast<char>('0' + tenths % 10);
    return n;
}

// The parts that change with a reading (each clears its own area first).
template <gfx::draw_target T>
constexpr void draw_reading(T& t, const dashboard_state& s) {
    using namespace gfx;
    namespace l = dashboard_layout;
    const gray4 black = gray4::black(), white = gray4::white();

    fill_solid(t, l::value, black);
    char text[24] = {};
    std::size_t n = format_tenths(s.latest(), text);
    for (char c : {'\xc2', '\xb0', 'C'}) text[n++] = c;  // "°C" in UTF-8
    draw_text(t, {text, n}, {l::value.left(), l::value.top()}, {&fonts::font_10x20_digits, white});

    fill_solid(t, l::range, black);
    char range[40] = "min ";
    n = 4 + format_tenths(s.min(), range + 4);
    for (char c : {' ', ' ', 'm', 'a', 'x', ' '}) range[n++] = c;
    n += format_tenths(s.max(), range + n);
    draw_text(t, {range, n}, l::range.top_left, {&fonts::font_4x6, gray4{10}});

    // The graph: readings scaled to the lowest and highest shown.
    draw(t, l::graph, fill_and_stroke(black, gray4{4}, 1, stroke_alignment::inside));
    if (s.count() > 0) {
        point pts[dashboard_state::history_size] = {};
        const std::int32_t span = s.max() - s.min() > 0 ? s.max() - s.min() : 1;
        const coordinate h = l::graph.size.height - 5,
                         step = (l::graph.size.width - 6) /
                                static_cast<coordinate>(dashboard_state::history_size - 1);
        for (std::size_t i = 0; i < s.count(); ++i) {
            const std::int32_t v = s.at(i) - s.min();
            // newest at the right
            pts[i] = {l::graph.right() - 4 - static_cast<coordinate>(s.count() - 1 - i) * step,
                      l::graph.bottom() - 3 - static_cast<coordinate>(v * h / span)};
        }
        draw(t, polyline{{pts, s.count()}}, stroke(gray4{12}));
        draw(t, circle::with_center(pts[s.count() - 1], 5), fill(white));
    }

    // The thermometer: the bar filled up to the reading.
    const coordinate inner = l::bar.size.height - 4;
    std::int32_t clamped = s.latest() < l::lowest ? l::lowest : s.latest();
    if (clamped > l::highest) clamped = l::highest;
    const auto level =
        static_cast<coordinate>((clamped - l::lowest) * inner / (l::highest - l::lowest));
    fill_solid(t, {{l::bar.left() + 2, l::bar.top() + 2}, {l::bar.size.width - 4, inner - level}},
               black);
    fill_solid(t,
               {{l::bar.left() + 2, l::bar.bottom() - 2 - level}, {l::bar.size.width - 4, level}},
               gray4{11});
}

// Everything: the static frame, then draw_reading().
template <gfx::draw_target T>
constexpr void draw_dashboard(T& t, const dashboard_state& s) {
    using namespace gfx;
    namespace l = dashboard_layout;
    clear(t, gray4::black());
    fill_solid(t, {{0, 0}, {128, 11}}, gray4{3});
    draw_text(t, "Rivet dashboard", {2, 1}, {&fonts::font_6x10, gray4::white()});
    draw(t,
         rounded_rectangle{{{l::bar.left() - 1, l::bar.top() - 1},
                            {l::bar.size.width + 2, l::bar.size.height + 2}},
                           4},
         stroke(gray4::white()));
    draw(t, circle::with_center({l::bar.left() + l::bar.size.width / 2, l::bar.bottom() + 2}, 9),
         fill(gray4{11}));
    // 0 °C on the bar's scale.
    const coordinate zero = l::bar.bottom() - 2 -
                            static_cast<coordinate>((0 - l::lowest) * (l::bar.size.height - 4) /
                                                    (l::highest - l::lowest));
    draw(t, line{{l::bar.left() - 5, zero}, {l::bar.left() - 3, zero}}, stroke(gray4{8}));
    draw_text(
        t, "0", {l::bar.left() - 6, zero},
        {&fonts::font_4x6, gray4{8}, std::nullopt, horizontal_alignment::right, baseline::middle});
    draw_reading(t, s);
}

}  // namespace rivet::examples
