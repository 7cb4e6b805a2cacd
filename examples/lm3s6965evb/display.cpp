// A picture on the EK-LM3S6965's OLED through the board support and the
// SSD0323 driver: a sunset over the sea in 16 greys, drawn into a frame in
// RAM and sent whole. Logs what it drew (and a checksum of the frame, so a
// change of picture shows in the log) and exits 0. Under QEMU the picture
// is on the board's display (`rivet run` shows none; a QMP screendump
// does, see tests/firmware/display/).
#include <rivet/bsp/lm3s6965evb.hpp>
#include <rivet/drivers/ssd0323.hpp>
#include <rivet/log/log.hpp>

#include <cstdint>

namespace {

namespace bsp = rivet::bsp::lm3s6965evb;

constexpr int horizon = 44;
constexpr int sun_x = 88, sun_y = 36, sun_radius = 14;

// The sky darkens upwards, the sun sits on the horizon, and the sea below
// is dark with bright stripes where the sun is reflected.
constexpr std::uint8_t grey_at(int x, int y) {
    const int dx = x - sun_x, dy = y - sun_y;
    if (y < horizon) {
        if (dx * dx + dy * dy < sun_radius * (sun_radius + 1)) return 15;
        return static_cast<std::uint8_t>(1 + y * 9 / horizon);
    }
    const int depth = y - horizon;
    const int half_width = sun_radius - depth / 2;
    if (depth % 3 == 0 && dx >= -half_width && dx <= half_width) return 12;
    return static_cast<std::uint8_t>(depth % 3 == 0 ? 4 : 2);
}
static_assert(grey_at(sun_x, sun_y) == 15 && grey_at(0, 0) == 1 && grey_at(0, horizon) == 4);

rivet::drivers::ssd0323_frame frame;

}  // namespace

int main() {
    auto [device, data_command] = bsp::configure_oled();
    rivet::drivers::ssd0323 oled{device, data_command};
    RIVET_ASSERT(oled.init(), "OLED init failed");

    unsigned bright = 0;
    for (int y = 0; y < static_cast<int>(bsp::oled_height); ++y) {
        for (int x = 0; x < static_cast<int>(bsp::oled_width); ++x) {
            const std::uint8_t grey = grey_at(x, y);
            frame.set(static_cast<unsigned>(x), static_cast<unsigned>(y), grey);
            if (grey == 15) ++bright;
        }
    }
    RIVET_ASSERT(oled.write_frame(frame.bytes()), "OLED write failed");

    std::uint32_t checksum = 0;
    for (std::uint8_t byte : frame.bytes()) checksum = checksum * 31 + byte;
    RIVET_INFO("display: sunset on the {}x{} OLED, sun at ({}, {}) radius {}", bsp::oled_width,
               bsp::oled_height, sun_x, sun_y, sun_radius);
    RIVET_INFO("display: {} pixels at full brightness, frame checksum {:x}", bright, checksum);
    return 0;
}
