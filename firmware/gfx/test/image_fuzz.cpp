// libFuzzer entry point for the image decoders: whatever the bytes, parse()
// must refuse or accept them without reading outside them, and drawing an
// accepted image (clipped, at an offset) must stay inside the target.
#include <cstdint>
#include <span>

#include "rivet/gfx/framebuffer.hpp"
#include "rivet/gfx/image.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace rivet::gfx;
    const std::span<const std::uint8_t> bytes(data, size);
    framebuffer<rgb888, 16, 12> fb;
    draw(fb, bmp_image::parse(bytes), {-3, -2});
    draw(fb, tga_image::parse(bytes), {5, 4});
    draw(fb, raw_image<gray4>{bytes, 7}, {1, 1});
    return 0;
}
