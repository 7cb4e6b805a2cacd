// The dashboard firmware's drawing code (examples/common/dashboard.hpp) in
// the simulator: the picture the lm3s6965evb shows after readings of 0 and
// 23.5 °C (what tests/integration/dashboard_screendump.sh captures from
// QEMU), compared with test/golden/dashboard.png, and saved enlarged as
// dashboard-preview.png beside the test.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "dashboard.hpp"
#include "rivet/gfx/framebuffer.hpp"
#include "rivet/gfx/simulator.hpp"

namespace {

using namespace rivet::gfx;

TEST(dashboard_preview, same_code_as_the_firmware_renders_to_png) {
    framebuffer<gray4, 128, 64> screen;  // the SSD0323's layout, as on the board
    rivet::examples::dashboard_state state;
    state.add(0);
    rivet::examples::draw_dashboard(screen, state);
    state.add(23500);
    rivet::examples::draw_reading(screen, state);
    const simulator::image img = simulator::capture(screen);
    EXPECT_EQ(simulator::write_png("dashboard-preview.png", img, {4, simulator::look::oled}), "");
    EXPECT_EQ(simulator::compare_with_reference(img, RIVET_GFX_GOLDEN "/dashboard.png"), "");
}

// The QEMU screendump reference of the firmware (a P6 PPM of the 16 greys
// k * 17) is the same picture, pixel for pixel: the simulator shows what
// the board shows.
TEST(dashboard_preview, matches_the_firmwares_screendump_reference) {
    framebuffer<gray4, 128, 64> screen;
    rivet::examples::dashboard_state state;
    state.add(0);
    rivet::examples::draw_dashboard(screen, state);
    state.add(23500);
    rivet::examples::draw_reading(screen, state);
    std::ifstream in(RIVET_DASHBOARD_PPM, std::ios::binary);
    const std::string ppm{std::istreambuf_iterator<char>(in), {}};
    const std::string header = "P6\n128 64\n255\n";
    ASSERT_EQ(ppm.substr(0, header.size()), header);
    ASSERT_EQ(ppm.size(), header.size() + 128 * 64 * 3);
    for (coordinate y = 0; y < 64; ++y) {
        for (coordinate x = 0; x < 128; ++x) {
            const auto grey = static_cast<unsigned char>(ppm[header.size() + (y * 128 + x) * 3]);
            ASSERT_EQ(grey, screen.get_pixel({x, y}).level * 17) << x << "," << y;
        }
    }
}

TEST(dashboard_preview, readings_format_to_tenths) {
    char out[16] = {};
    EXPECT_EQ(std::string(out, rivet::examples::format_tenths(23500, out)), "23.5");
    EXPECT_EQ(std::string(out, rivet::examples::format_tenths(-1260, out)), "-1.3");
    EXPECT_EQ(std::string(out, rivet::examples::format_tenths(40, out)), "0.0");
}

}  // namespace
