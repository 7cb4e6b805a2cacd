// The dashboard firmware's drawing code (examples/common/dashboard.hpp) in
// the simulator: the picture the lm3s6965evb shows after readings of 0 and
// 23.5 °C (what tests/integration/dashboard_screendump.sh captures from
// QEMU), compared with test/golden/dashboard.png, and saved enlarged as
// dashboard-preview.png beside the test.
#include <gtest/gtest.h>

#include "dashboard.hpp"
#include "rivet/gfx/framebuffer.hpp"
#include "rivet/gfx/simulator.hpp"

namespace {

using namespace rivet::gfx;

TEST(DashboardPreview, SameCodeAsTheFirmwareRendersToPng) {
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

TEST(DashboardPreview, ReadingsFormatToTenths) {
    char out[16] = {};
    EXPECT_EQ(std::string(out, rivet::examples::format_tenths(23500, out)), "23.5");
    EXPECT_EQ(std::string(out, rivet::examples::format_tenths(-1260, out)), "-1.3");
    EXPECT_EQ(std::string(out, rivet::examples::format_tenths(40, out)), "0.0");
}

}  // namespace
