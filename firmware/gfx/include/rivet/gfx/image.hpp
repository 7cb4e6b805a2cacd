// Images drawn straight from their bytes (flash, typically): raw pixel
// data, Windows BMP and Truevision TGA. Nothing is copied or allocated:
// parse() checks the header and that the data is all there, and draw()
// decodes pixel by pixel (TGA run-length packets included) as it draws,
// converting each pixel to the target's colour (convert<>()).
//
// BMP: BITMAPINFOHEADER and later, uncompressed, 1/4/8 bits with a
// palette, 16 (5-5-5), 24 and 32 bits; bottom-up or top-down rows.
// TGA: colour-mapped (8-bit indices into 24/32-bit maps), true colour
// (16/24/32 bits) and grey (8 bits), raw or run-length encoded; any origin
// corner.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "rivet/gfx/color.hpp"
#include "rivet/gfx/draw_target.hpp"

namespace rivet::gfx {

enum class image_error : std::uint8_t {
    none,
    truncated,      // the header or the pixel data runs past the bytes
    bad_signature,  // not "BM" (BMP)
    unsupported,    // a format variant not listed above
    bad_size,       // zero or negative width or height
};

namespace detail {
constexpr std::uint32_t le(std::span<const std::uint8_t> b, std::size_t at, int n) noexcept {
    std::uint32_t v = 0;
    for (int i = n - 1; i >= 0; --i) v = v << 8 | b[at + i];
    return v;
}
// The pixel at `index` of a row of `bits`-per-pixel values, MSB first.
constexpr unsigned packed(std::span<const std::uint8_t> row, std::size_t index,
                          unsigned bits) noexcept {
    const std::size_t bit = index * bits;
    return row[bit / 8] >> (8 - bits - bit % 8) & ((1u << bits) - 1);
}
constexpr rgb888 from555(unsigned v) noexcept {
    return {detail::rescale(v >> 10 & 31, 31, 255), detail::rescale(v >> 5 & 31, 31, 255),
            detail::rescale(v & 31, 31, 255)};
}
// What BMP and TGA images share: the bytes, the parse result and the size.
class parsed_image {
public:
    constexpr image_error error() const noexcept { return error_; }
    constexpr explicit operator bool() const noexcept { return error_ == image_error::none; }
    constexpr gfx::size size() const noexcept { return {width_, height_}; }

protected:
    // The image in `bytes`, or why not (error()).
    template <class Image>
    static constexpr Image parse_as(std::span<const std::uint8_t> bytes) noexcept {
        Image img;
        img.bytes_ = bytes;
        img.error_ = img.check();
        return img;
    }

    std::span<const std::uint8_t> bytes_{};
    image_error error_ = image_error::none;
    coordinate width_ = 0, height_ = 0;
};

}  // namespace detail

// Pixels of colour C in a framebuffer's packed_rows layout (binary and
// grey: `C::bits` per pixel, leftmost in the high bits, rows starting on a
// byte) or, for RGB 565, two bytes big-endian per pixel.
template <class C>
class raw_image {
public:
    constexpr raw_image(std::span<const std::uint8_t> data, coordinate width) noexcept
        : data_(data), width_(width) {}
    constexpr gfx::size size() const noexcept {
        return {width_, row_bytes() == 0 ? 0 : static_cast<coordinate>(data_.size() / row_bytes())};
    }
    constexpr std::size_t row_bytes() const noexcept {
        return (static_cast<std::size_t>(width_) * bits() + 7) / 8;
    }
    constexpr C pixel(coordinate x, coordinate y) const noexcept {
        const auto row = data_.subspan(static_cast<std::size_t>(y) * row_bytes(), row_bytes());
        if constexpr (std::is_same_v<C, rgb565>) {
            return rgb565{static_cast<std::uint16_t>(row[2 * x] << 8 | row[2 * x + 1])};
        } else if constexpr (std::is_same_v<C, binary_color>) {
            return binary_color{detail::packed(row, static_cast<std::size_t>(x), 1) != 0};
        } else {
            return C{static_cast<std::uint8_t>(
                detail::packed(row, static_cast<std::size_t>(x), C::bits))};
        }
    }

private:
    static constexpr unsigned bits() noexcept {
        if constexpr (std::is_same_v<C, rgb565>)
            return 16;
        else if constexpr (std::is_same_v<C, binary_color>)
            return 1;
        else
            return C::bits;
    }
    std::span<const std::uint8_t> data_;
    coordinate width_;
};

class bmp_image : public detail::parsed_image {
    friend class detail::parsed_image;

public:
    // The image in `bytes`, or why not (error()).
    static constexpr bmp_image parse(std::span<const std::uint8_t> bytes) noexcept {
        return parse_as<bmp_image>(bytes);
    }

    constexpr rgb888 pixel(coordinate x, coordinate y) const noexcept {
        const std::size_t file_row = top_down_ ? y : height_ - 1 - y;
        const auto row = bytes_.subspan(offset_ + file_row * stride_, stride_);
        switch (bpp_) {
            case 1:
            case 4:
            case 8:
                return palette(detail::packed(row, static_cast<std::size_t>(x), bpp_));
            case 16:
                return detail::from555(detail::le(row, 2 * static_cast<std::size_t>(x), 2));
            default: {
                const std::size_t at = static_cast<std::size_t>(x) * (bpp_ / 8);
                return {row[at + 2], row[at + 1], row[at]};
            }
        }
    }

private:
    constexpr image_error check() noexcept {
        if (bytes_.size() < 54) return image_error::truncated;
        if (bytes_[0] != 'B' || bytes_[1] != 'M') return image_error::bad_signature;
        offset_ = detail::le(bytes_, 10, 4);
        const std::uint32_t dib = detail::le(bytes_, 14, 4);
        const auto w = static_cast<std::int32_t>(detail::le(bytes_, 18, 4));
        const auto h = static_cast<std::int32_t>(detail::le(bytes_, 22, 4));
        bpp_ = static_cast<std::uint16_t>(detail::le(bytes_, 28, 2));
        const std::uint32_t compression = detail::le(bytes_, 30, 4);
        colors_ = detail::le(bytes_, 46, 4);
        if (dib < 40) return image_error::unsupported;
        if (compression != 0 ||
            !(bpp_ == 1 || bpp_ == 4 || bpp_ == 8 || bpp_ == 16 || bpp_ == 24 || bpp_ == 32))
            return image_error::unsupported;
        if (w <= 0 || h == 0 || w > 32767 || h > 32767 || h < -32767) return image_error::bad_size;
        top_down_ = h < 0;
        width_ = w;
        height_ = h < 0 ? -h : h;
        stride_ = (static_cast<std::size_t>(width_) * bpp_ + 31) / 32 * 4;
        if (bpp_ <= 8) {
            if (colors_ == 0 || colors_ > (1u << bpp_)) colors_ = 1u << bpp_;
            palette_at_ = 14 + dib;
            if (palette_at_ + 4 * colors_ > bytes_.size()) return image_error::truncated;
        }
        // Divided, not multiplied: no overflow of a 32-bit size_t.
        if (offset_ > bytes_.size() ||
            stride_ > (bytes_.size() - offset_) / static_cast<std::size_t>(height_))
            return image_error::truncated;
        return image_error::none;
    }
    constexpr rgb888 palette(unsigned index) const noexcept {
        if (index >= colors_) return {};
        const std::size_t at = palette_at_ + 4 * index;
        return {bytes_[at + 2], bytes_[at + 1], bytes_[at]};
    }

    std::size_t offset_ = 0, stride_ = 0, palette_at_ = 0;
    std::uint32_t colors_ = 0;
    std::uint16_t bpp_ = 0;
    bool top_down_ = false;
};

class tga_image : public detail::parsed_image {
    friend class detail::parsed_image;

public:
    // The image in `bytes`, or why not (error()).
    static constexpr tga_image parse(std::span<const std::uint8_t> bytes) noexcept {
        return parse_as<tga_image>(bytes);
    }

    // Every pixel in file order, as (point, rgb888): run-length packets
    // are expanded as they are read.
    template <class F>
    constexpr void for_each_pixel(F&& f) const {
        std::size_t at = data_at_;
        const std::size_t count = static_cast<std::size_t>(width_) * height_;
        std::size_t n = 0;
        auto emit = [&](rgb888 c) {
            const auto fx = static_cast<coordinate>(n % width_);
            const auto fy = static_cast<coordinate>(n / width_);
            f(point{right_to_left_ ? width_ - 1 - fx : fx, top_down_ ? fy : height_ - 1 - fy}, c);
            ++n;
        };
        while (n < count) {
            if (!rle_) {
                if (at + pixel_bytes_ > bytes_.size()) return;
                emit(color_at(at));
                at += pixel_bytes_;
                continue;
            }
            if (at >= bytes_.size()) return;
            const std::uint8_t header = bytes_[at++];
            const std::size_t run = (header & 0x7f) + 1u;
            if ((header & 0x80) != 0) {
                if (at + pixel_bytes_ > bytes_.size()) return;
                const rgb888 c = color_at(at);
                at += pixel_bytes_;
                for (std::size_t i = 0; i < run && n < count; ++i) emit(c);
            } else {
                for (std::size_t i = 0; i < run && n < count; ++i) {
                    if (at + pixel_bytes_ > bytes_.size()) return;
                    emit(color_at(at));
                    at += pixel_bytes_;
                }
            }
        }
    }

private:
    constexpr image_error check() noexcept {
        if (bytes_.size() < 18) return image_error::truncated;
        const std::uint8_t id_length = bytes_[0], map_type = bytes_[1], type = bytes_[2];
        map_first_ = detail::le(bytes_, 3, 2);
        map_length_ = detail::le(bytes_, 5, 2);
        map_bits_ = bytes_[7];
        width_ = static_cast<coordinate>(detail::le(bytes_, 12, 2));
        height_ = static_cast<coordinate>(detail::le(bytes_, 14, 2));
        bits_ = bytes_[16];
        top_down_ = (bytes_[17] & 0x20) != 0;
        right_to_left_ = (bytes_[17] & 0x10) != 0;
        rle_ = type >= 9;
        kind_ = type & 7;
        if (!(kind_ == 1 || kind_ == 2 || kind_ == 3) || type > 11 || (type > 3 && type < 9))
            return image_error::unsupported;
        if (kind_ == 1 && (map_type != 1 || bits_ != 8 || (map_bits_ != 24 && map_bits_ != 32)))
            return image_error::unsupported;
        if (kind_ == 2 && bits_ != 16 && bits_ != 24 && bits_ != 32)
            return image_error::unsupported;
        if (kind_ == 3 && bits_ != 8) return image_error::unsupported;
        if (width_ <= 0 || height_ <= 0) return image_error::bad_size;
        pixel_bytes_ = bits_ / 8u;
        map_at_ = 18u + id_length;
        data_at_ = map_at_ + (map_type == 1 ? map_length_ * ((map_bits_ + 7u) / 8u) : 0u);
        if (data_at_ > bytes_.size()) return image_error::truncated;
        if (!rle_ && static_cast<std::size_t>(width_) * static_cast<std::size_t>(height_) >
                         (bytes_.size() - data_at_) / pixel_bytes_)
            return image_error::truncated;
        if (rle_) {
            // Walk the packets once, so a short file is refused up front.
            std::size_t at = data_at_, n = 0;
            const std::size_t count = static_cast<std::size_t>(width_) * height_;
            while (n < count) {
                if (at >= bytes_.size()) return image_error::truncated;
                const std::uint8_t header = bytes_[at++];
                const std::size_t run = (header & 0x7f) + 1u;
                at += (header & 0x80) != 0 ? pixel_bytes_ : run * pixel_bytes_;
                n += run;
            }
            if (at > bytes_.size()) return image_error::truncated;
        }
        return image_error::none;
    }
    constexpr rgb888 color_at(std::size_t at) const noexcept {
        if (kind_ == 3) return {bytes_[at], bytes_[at], bytes_[at]};
        if (kind_ == 1) {
            const std::size_t index = bytes_[at] - map_first_;
            if (bytes_[at] < map_first_ || index >= map_length_) return {};
            const std::size_t e = map_at_ + index * ((map_bits_ + 7u) / 8u);
            return {bytes_[e + 2], bytes_[e + 1], bytes_[e]};
        }
        if (bits_ == 16) return detail::from555(detail::le(bytes_, at, 2));
        return {bytes_[at + 2], bytes_[at + 1], bytes_[at]};
    }

    std::size_t map_at_ = 0, data_at_ = 0, pixel_bytes_ = 0;
    std::uint32_t map_first_ = 0, map_length_ = 0;
    std::uint8_t bits_ = 0, map_bits_ = 0, kind_ = 0;
    bool rle_ = false, top_down_ = false, right_to_left_ = false;
};

// Draws an image with its top-left at `at`, clipped; a failed parse draws
// nothing.
template <draw_target T, class Image>
requires requires(const Image& i) {
    i.pixel(0, 0);
}
constexpr void draw(T& t, const Image& img, point at) {
    if constexpr (requires { img.error(); }) {
        if (img.error() != image_error::none) return;
    }
    // Only the part that lands on the target is decoded.
    const rectangle r = rectangle{at, img.size()}.intersection(t.bounding_box());
    for (coordinate y = r.top(); y < r.bottom(); ++y)
        for (coordinate x = r.left(); x < r.right(); ++x)
            t.draw_pixel({x, y}, convert<typename T::color_type>(img.pixel(x - at.x, y - at.y)));
}
template <draw_target T>
constexpr void draw(T& t, const tga_image& img, point at) {
    if (!img) return;
    const rectangle box = t.bounding_box();
    img.for_each_pixel([&](point p, rgb888 c) {
        if (box.contains(p + at)) t.draw_pixel(p + at, convert<typename T::color_type>(c));
    });
}

}  // namespace rivet::gfx
