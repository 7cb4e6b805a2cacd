// Framebuffers: a display's pixels in RAM, in the byte layout its
// controller takes, so a flush sends bytes straight from it.
// - packed_rows<Bits>: rows of bytes, `8 / Bits` pixels per byte, the
//   leftmost pixel in the most significant bits (SSD0323: grey 4, two per
//   byte; mono LCDs: binary, eight per byte). Rows start on a byte.
// - vertical_pages: binary, a byte per column per page of 8 rows, bit 0
//   the top row (SSD0303, SSD1306).
// - one_per_pixel: an array of the colour (RGB 565/888).
// fill_solid() writes whole bytes, 32-bit words where it can, so a solid
// fill costs what a hand-written loop over the bytes costs.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <type_traits>

#include "rivet/gfx/color.hpp"
#include "rivet/gfx/draw_target.hpp"

namespace rivet::gfx {

template <unsigned Bits>
struct packed_rows {
    static_assert(Bits == 1 || Bits == 2 || Bits == 4 || Bits == 8);
    static constexpr unsigned bits = Bits;
};
struct vertical_pages {};
struct one_per_pixel {};

template <class C>
struct default_layout {
    using type = one_per_pixel;
};
template <>
struct default_layout<binary_color> {
    using type = packed_rows<1>;
};
template <unsigned B>
struct default_layout<gray<B>> {
    using type = packed_rows<B>;
};

namespace detail {
// `count` bytes of `value` from `p`, in words once `p` is aligned.
constexpr void fill_bytes(std::uint8_t* p, std::size_t count, std::uint8_t value) noexcept {
    if (std::is_constant_evaluated() || count < 8) {
        for (std::size_t i = 0; i < count; ++i) p[i] = value;
        return;
    }
    while ((reinterpret_cast<std::uintptr_t>(p) & 3) != 0) {
        *p++ = value;
        --count;
    }
    // Aligned words, four per iteration (a store each, then one pointer
    // step): what a hand-written loop over the buffer does.
    using word [[gnu::may_alias]] = std::uint32_t;
    const word w = value * 0x01010101u;
    word* out = reinterpret_cast<word*>(p);
    std::size_t words = count / 4;
    for (; words >= 4; words -= 4, out += 4) {
        out[0] = w;
        out[1] = w;
        out[2] = w;
        out[3] = w;
    }
    for (; words != 0; --words) *out++ = w;
    p = reinterpret_cast<std::uint8_t*>(out);
    for (std::size_t i = 0; i < (count & 3); ++i) p[i] = value;
}
}  // namespace detail

template <class C, std::size_t W, std::size_t H, class Layout = typename default_layout<C>::type>
class framebuffer;

template <class C, std::size_t W, std::size_t H, unsigned Bits>
class framebuffer<C, W, H, packed_rows<Bits>> {
    static_assert(C{}.raw() == 0 && sizeof(C) == 1, "packed rows hold binary or grey colours");
    static constexpr unsigned per_byte = 8 / Bits;
    static constexpr unsigned mask = (1u << Bits) - 1;

public:
    using color_type = C;
    static constexpr std::size_t width = W, height = H;
    static constexpr std::size_t row_bytes = (W * Bits + 7) / 8;
    static constexpr std::size_t size_bytes = row_bytes * H;

    constexpr rectangle bounding_box() const noexcept {
        return {{0, 0}, {static_cast<coordinate>(W), static_cast<coordinate>(H)}};
    }
    [[gnu::always_inline]] constexpr void draw_pixel(point p, C c) noexcept {
        // Unsigned: the point is on the target, and x / per_byte is a shift.
        const auto x = static_cast<unsigned>(p.x), y = static_cast<unsigned>(p.y);
        std::uint8_t& byte = bytes_[y * row_bytes + x / per_byte];
        const unsigned shift = 8 - Bits - (x % per_byte) * Bits;
        byte = static_cast<std::uint8_t>((byte & ~(mask << shift)) | (c.raw() << shift));
    }
    constexpr C get_pixel(point p) const noexcept {
        if (!bounding_box().contains(p)) return C{};
        const unsigned shift = 8 - Bits - (p.x % per_byte) * Bits;
        const unsigned v = bytes_[p.y * row_bytes + p.x / per_byte] >> shift & mask;
        if constexpr (std::is_same_v<C, binary_color>)
            return C{v != 0};
        else
            return C{static_cast<std::uint8_t>(v)};
    }
    constexpr void fill_solid(rectangle r, C c) noexcept {
        std::uint8_t pattern = 0;
        for (unsigned i = 0; i < per_byte; ++i)
            pattern = static_cast<std::uint8_t>(pattern << Bits | c.raw());
        const auto x0 = static_cast<std::size_t>(r.left());
        const auto x1 = static_cast<std::size_t>(r.right());
        // The whole-byte middle of each row, and the pixels either side.
        const std::size_t first_full = (x0 + per_byte - 1) / per_byte;
        const std::size_t end_full = x1 / per_byte;
        if (first_full * per_byte == x0 && end_full * per_byte == x1 && x0 == 0 &&
            x1 == row_bytes * per_byte) {
            detail::fill_bytes(&bytes_[r.top() * row_bytes], row_bytes * r.size.height, pattern);
            return;
        }
        for (coordinate y = r.top(); y < r.bottom(); ++y) {
            if (first_full >= end_full) {
                for (std::size_t x = x0; x < x1; ++x)
                    draw_pixel({static_cast<coordinate>(x), y}, c);
                continue;
            }
            for (std::size_t x = x0; x < first_full * per_byte; ++x)
                draw_pixel({static_cast<coordinate>(x), y}, c);
            detail::fill_bytes(&bytes_[y * row_bytes + first_full], end_full - first_full, pattern);
            for (std::size_t x = end_full * per_byte; x < x1; ++x)
                draw_pixel({static_cast<coordinate>(x), y}, c);
        }
    }
    constexpr std::span<const std::uint8_t, size_bytes> bytes() const noexcept { return bytes_; }
    constexpr std::span<std::uint8_t, size_bytes> bytes() noexcept { return bytes_; }

private:
    std::array<std::uint8_t, size_bytes> bytes_{};
};

template <std::size_t W, std::size_t H>
class framebuffer<binary_color, W, H, vertical_pages> {
public:
    using color_type = binary_color;
    static constexpr std::size_t width = W, height = H;
    static constexpr std::size_t pages = (H + 7) / 8;
    static constexpr std::size_t size_bytes = W * pages;

    constexpr rectangle bounding_box() const noexcept {
        return {{0, 0}, {static_cast<coordinate>(W), static_cast<coordinate>(H)}};
    }
    [[gnu::always_inline]] constexpr void draw_pixel(point p, binary_color c) noexcept {
        std::uint8_t& byte = bytes_[(p.y / 8) * W + p.x];
        const auto bit = static_cast<std::uint8_t>(1u << (p.y % 8));
        byte =
            c.on ? static_cast<std::uint8_t>(byte | bit) : static_cast<std::uint8_t>(byte & ~bit);
    }
    constexpr binary_color get_pixel(point p) const noexcept {
        if (!bounding_box().contains(p)) return {};
        return {(bytes_[(p.y / 8) * W + p.x] >> (p.y % 8) & 1) != 0};
    }
    constexpr void fill_solid(rectangle r, binary_color c) noexcept {
        for (coordinate y = r.top(); y < r.bottom();) {
            const coordinate page = y / 8;
            const coordinate last = min(r.bottom(), (page + 1) * 8);
            const auto bits = static_cast<std::uint8_t>(((1u << (last - y)) - 1) << (y % 8));
            std::uint8_t* row = &bytes_[page * W];
            for (coordinate x = r.left(); x < r.right(); ++x)
                row[x] = c.on ? static_cast<std::uint8_t>(row[x] | bits)
                              : static_cast<std::uint8_t>(row[x] & ~bits);
            y = last;
        }
    }
    constexpr std::span<const std::uint8_t, size_bytes> bytes() const noexcept { return bytes_; }

private:
    std::array<std::uint8_t, size_bytes> bytes_{};
};

template <class C, std::size_t W, std::size_t H>
class framebuffer<C, W, H, one_per_pixel> {
public:
    using color_type = C;
    static constexpr std::size_t width = W, height = H;

    constexpr rectangle bounding_box() const noexcept {
        return {{0, 0}, {static_cast<coordinate>(W), static_cast<coordinate>(H)}};
    }
    [[gnu::always_inline]] constexpr void draw_pixel(point p, C c) noexcept {
        pixels_[p.y * W + p.x] = c;
    }
    constexpr C get_pixel(point p) const noexcept {
        return bounding_box().contains(p) ? pixels_[p.y * W + p.x] : C{};
    }
    constexpr void fill_solid(rectangle r, C c) noexcept {
        for (coordinate y = r.top(); y < r.bottom(); ++y)
            for (coordinate x = r.left(); x < r.right(); ++x) pixels_[y * W + x] = c;
    }
    constexpr std::span<const C, W * H> pixels() const noexcept { return pixels_; }

private:
    std::array<C, W * H> pixels_{};
};

}  // namespace rivet::gfx
