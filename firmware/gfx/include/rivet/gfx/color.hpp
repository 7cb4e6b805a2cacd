// Colour types of the displays Rivet drives: binary (mono OLEDs, LED
// matrices), grey levels of 2, 4 and 8 bits, RGB 565 and 888. Each is a
// small value type with `raw()` holding its bits; convert<To>(from) goes
// between any two, through RGB 888 and luma (ITU-R BT.601 weights) where
// one side is grey, so a converted pixel looks the same.
#pragma once

#include <concepts>
#include <cstdint>

namespace rivet::gfx {

struct binary_color {
    bool on = false;
    static constexpr binary_color off() noexcept { return {false}; }
    static constexpr binary_color lit() noexcept { return {true}; }
    constexpr std::uint8_t raw() const noexcept { return on ? 1 : 0; }
    friend constexpr bool operator==(binary_color, binary_color) = default;
};

// `Bits` of grey, 0 dark, (1 << Bits) - 1 full brightness.
template <unsigned Bits>
struct gray {
    static_assert(Bits == 2 || Bits == 4 || Bits == 8, "grey levels of 2, 4 or 8 bits");
    static constexpr unsigned bits = Bits;
    static constexpr std::uint8_t max = static_cast<std::uint8_t>((1u << Bits) - 1);
    std::uint8_t level = 0;
    constexpr gray() = default;
    constexpr explicit gray(std::uint8_t l) noexcept : level(static_cast<std::uint8_t>(l & max)) {}
    static constexpr gray black() noexcept { return gray{0}; }
    static constexpr gray white() noexcept { return gray{max}; }
    constexpr std::uint8_t raw() const noexcept { return level; }
    friend constexpr bool operator==(gray, gray) = default;
};
using gray2 = gray<2>;
using gray4 = gray<4>;
using gray8 = gray<8>;

struct rgb888 {
    std::uint8_t r = 0, g = 0, b = 0;
    constexpr std::uint32_t raw() const noexcept {
        return std::uint32_t{r} << 16 | std::uint32_t{g} << 8 | b;
    }
    friend constexpr bool operator==(rgb888, rgb888) = default;
};

// 5 bits red, 6 green, 5 blue, red in the top bits.
struct rgb565 {
    std::uint16_t value = 0;
    static constexpr rgb565 from_rgb(std::uint8_t r, std::uint8_t g, std::uint8_t b) noexcept {
        return {static_cast<std::uint16_t>((r >> 3) << 11 | (g >> 2) << 5 | (b >> 3))};
    }
    constexpr std::uint16_t raw() const noexcept { return value; }
    friend constexpr bool operator==(rgb565, rgb565) = default;
};

template <class C>
concept color = std::equality_comparable<C> && std::is_trivially_copyable_v<C> && requires(C c) {
    c.raw();
};

namespace detail {
// Scales a value of `from_max` levels to `to_max`, rounding to nearest.
constexpr std::uint8_t rescale(unsigned v, unsigned from_max, unsigned to_max) noexcept {
    return static_cast<std::uint8_t>((v * to_max + from_max / 2) / from_max);
}
}  // namespace detail

constexpr rgb888 to_rgb888(binary_color c) noexcept {
    return c.on ? rgb888{255, 255, 255} : rgb888{};
}
template <unsigned B>
constexpr rgb888 to_rgb888(gray<B> c) noexcept {
    const std::uint8_t v = detail::rescale(c.level, gray<B>::max, 255);
    return {v, v, v};
}
constexpr rgb888 to_rgb888(rgb888 c) noexcept {
    return c;
}
constexpr rgb888 to_rgb888(rgb565 c) noexcept {
    return {detail::rescale(c.value >> 11, 31, 255), detail::rescale(c.value >> 5 & 63, 63, 255),
            detail::rescale(c.value & 31, 31, 255)};
}

// Luma 0..255 (BT.601: 0.299 R + 0.587 G + 0.114 B).
constexpr std::uint8_t luma(rgb888 c) noexcept {
    return static_cast<std::uint8_t>((299u * c.r + 587u * c.g + 114u * c.b + 500u) / 1000u);
}

template <class To>
struct color_from;
template <>
struct color_from<rgb888> {
    static constexpr rgb888 make(rgb888 c) noexcept { return c; }
};
template <>
struct color_from<rgb565> {
    static constexpr rgb565 make(rgb888 c) noexcept { return rgb565::from_rgb(c.r, c.g, c.b); }
};
template <unsigned B>
struct color_from<gray<B>> {
    static constexpr gray<B> make(rgb888 c) noexcept {
        return gray<B>{detail::rescale(luma(c), 255, gray<B>::max)};
    }
};
template <>
struct color_from<binary_color> {
    // Lit from half brightness up.
    static constexpr binary_color make(rgb888 c) noexcept { return {luma(c) >= 128}; }
};

template <class To, class From>
constexpr To convert(From c) noexcept {
    if constexpr (std::same_as<To, From>) {
        return c;
    } else if constexpr (requires {
                             To::bits;
                             From::bits;
                         }) {
        // grey to grey: rescale the level directly (no round trip through 8 bits)
        return To{detail::rescale(c.level, From::max, To::max)};
    } else {
        return color_from<To>::make(to_rgb888(c));
    }
}

}  // namespace rivet::gfx
