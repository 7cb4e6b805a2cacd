#include "rivet/gfx/simulator.hpp"

#include <png.h>

#include <cstdio>
#include <cstdlib>
#include <memory>

namespace rivet::gfx::simulator {

namespace {

struct file_closer {
    void operator()(std::FILE* f) const { std::fclose(f); }
};

}  // namespace

std::string write_png(const std::string& path, const image& img, png_options options) {
    const int scale = options.scale < 1 ? 1 : options.scale;
    const int w = img.width * scale, h = img.height * scale;
    std::vector<png_byte> rows(static_cast<std::size_t>(w) * h * 3);
    // The OLED look leaves a dark line between pixels once they are big
    // enough to show it.
    const bool gaps = options.look == look::oled && scale >= 3;
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            rgb888 c = img.at(x / scale, y / scale);
            if (gaps && (x % scale == scale - 1 || y % scale == scale - 1)) c = {12, 12, 12};
            png_byte* p = &rows[(static_cast<std::size_t>(y) * w + x) * 3];
            p[0] = c.r;
            p[1] = c.g;
            p[2] = c.b;
        }
    }
    std::unique_ptr<std::FILE, file_closer> file(std::fopen(path.c_str(), "wb"));
    if (!file) return path + ": cannot write";
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    png_infop info = png ? png_create_info_struct(png) : nullptr;
    if (!info) {
        png_destroy_write_struct(&png, nullptr);
        return path + ": libpng could not start";
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        return path + ": libpng failed writing";
    }
    png_init_io(png, file.get());
    png_set_IHDR(png, info, static_cast<png_uint_32>(w), static_cast<png_uint_32>(h), 8,
                 PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
                 PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    for (int y = 0; y < h; ++y) png_write_row(png, &rows[static_cast<std::size_t>(y) * w * 3]);
    png_write_end(png, nullptr);
    png_destroy_write_struct(&png, &info);
    return {};
}

std::optional<image> read_png(const std::string& path, std::string& error) {
    png_image png{};
    png.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_file(&png, path.c_str())) {
        error = path + ": " + png.message;
        return std::nullopt;
    }
    png.format = PNG_FORMAT_RGB;
    std::vector<png_byte> bytes(PNG_IMAGE_SIZE(png));
    if (!png_image_finish_read(&png, nullptr, bytes.data(), 0, nullptr)) {
        error = path + ": " + png.message;
        png_image_free(&png);
        return std::nullopt;
    }
    image img{static_cast<int>(png.width), static_cast<int>(png.height), {}};
    for (std::size_t i = 0; i + 2 < bytes.size(); i += 3)
        img.pixels.push_back({bytes[i], bytes[i + 1], bytes[i + 2]});
    png_image_free(&png);
    return img;
}

std::string compare_with_reference(const image& actual, const std::string& reference_path) {
    if (const char* update = std::getenv("RIVET_UPDATE_GOLDEN"); update && update[0] == '1') {
        const std::string e = write_png(reference_path, actual);
        return e.empty() ? std::string{} : e;
    }
    std::string error;
    const auto reference = read_png(reference_path, error);
    if (!reference) return error + " (RIVET_UPDATE_GOLDEN=1 writes it)";
    if (reference->width != actual.width || reference->height != actual.height)
        return reference_path + ": the reference is " + std::to_string(reference->width) + "x" +
               std::to_string(reference->height) + ", the picture " + std::to_string(actual.width) +
               "x" + std::to_string(actual.height);
    std::size_t differ = 0;
    int fx = -1, fy = -1;
    for (int y = 0; y < actual.height; ++y) {
        for (int x = 0; x < actual.width; ++x) {
            if (actual.at(x, y) == reference->at(x, y)) continue;
            if (differ++ == 0) {
                fx = x;
                fy = y;
            }
        }
    }
    if (differ == 0) return {};
    return reference_path + ": " + std::to_string(differ) + " pixel(s) differ, the first at (" +
           std::to_string(fx) + ", " + std::to_string(fy) + ")";
}

}  // namespace rivet::gfx::simulator
