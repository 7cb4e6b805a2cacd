// The SSD0303 OLED of lm3s811evb through the async driver over the
// interrupt-driven I2C0, in a task, checked by picture against the blocking
// tests' references (tests/firmware/display). Built twice:
//   async-ssd0303-pattern  the test pattern (ssd0303_pattern.hpp): a whole
//                          frame without the glyphs, then the glyphs' columns
//                          of page 0 by write_page() and of page 1 by
//                          set_position() and write_data();
//   async-ssd0303-gfx      (RIVET_SSD0303_GFX) the gfx drawing of
//                          gfx_ssd0303.hpp through async_ssd0303_display,
//                          on a panel first lit whole and then cleared.
// Both print "ready" and exit at the first console byte;
// tests/integration/ssd0303_screendump.sh takes the screendump in between.
#include "../display/gfx_ssd0303.hpp"
#include "../display/ssd0303_pattern.hpp"
#include "picture.hpp"

#include <rivet/async/board/lm3s811evb.hpp>
#include <rivet/async/task.hpp>
#include <rivet/bsp/lm3s811evb.hpp>
#include <rivet/cortex_m/interrupts.hpp>
#include <rivet/drivers/ssd0303_async.hpp>
#include <rivet/log/log.hpp>

#include <array>
#include <cstdint>

namespace {

namespace bsp = rivet::bsp::lm3s811evb;
namespace parts = rivet::async::lm3s811evb;
using rivet::drivers::ssd0303_columns;
// Two frames: a display's flush() awaits the driver's write_page().
template <class T>
using oled_task = rivet::task<T, rivet::frames<"oled", 256, 2>>;
using oled_driver = rivet::drivers::async_ssd0303<parts::oled_bus, oled_task>;

std::array<std::uint8_t, rivet::drivers::ssd0303_frame_bytes> frame{};

[[maybe_unused]] rivet::task<bool, rivet::frames<"pattern", 192>> draw_pattern(oled_driver& oled) {
    using namespace ssd0303_pattern;
    constexpr unsigned first = bsp::oled_first_visible_column;
    constexpr auto glyph_column = static_cast<std::uint8_t>(first + glyphs_x);
    for (unsigned page = 0; page < height / 8; ++page) {
        for (unsigned x = 0; x < width; ++x) {
            const bool glyph = x >= glyphs_x && x < glyphs_x + glyphs_width;
            frame[page * ssd0303_columns + first + x] = glyph ? 0 : column_byte(page, x);
        }
    }
    RIVET_ASSERT(co_await oled.write_frame(frame), "ssd0303 frame failed");
    std::array<std::uint8_t, glyphs_width> glyph_pixels{};
    for (unsigned x = 0; x < glyphs_width; ++x) glyph_pixels[x] = column_byte(0, glyphs_x + x);
    RIVET_ASSERT(co_await oled.write_page(0, glyph_column, glyph_pixels), "page 0 failed");
    for (unsigned x = 0; x < glyphs_width; ++x) glyph_pixels[x] = column_byte(1, glyphs_x + x);
    RIVET_ASSERT(co_await oled.set_position(1, glyph_column), "position failed");
    RIVET_ASSERT(co_await oled.write_data(glyph_pixels), "page 1 failed");
    co_return true;
}

[[maybe_unused]] rivet::task<bool, rivet::frames<"gfx", 320>> draw_gfx(oled_driver& oled) {
    frame.fill(0xff);
    RIVET_ASSERT(co_await oled.write_frame(frame), "ssd0303 frame failed");
    RIVET_ASSERT(co_await oled.clear(), "ssd0303 clear failed");
    rivet::drivers::async_ssd0303_display<oled_driver, bsp::oled_width, bsp::oled_height,
                                          bsp::oled_first_visible_column>
        display{oled};
    gfx_ssd0303::draw_frame(display);
    RIVET_ASSERT(co_await display.flush(), "first flush failed");
    gfx_ssd0303::draw_change(display);
    RIVET_ASSERT(co_await display.flush(), "second flush failed");
    co_return true;
}

rivet::task<void, rivet::frames<"draw", 128>> draw() {
    auto bus = parts::oled_bus::configure();
    oled_driver oled{bus};
    RIVET_ASSERT(co_await oled.init(), "ssd0303 init failed");
    // Commands the model knows, which change nothing: normal display, follow
    // RAM, and the contrast init() set.
    const std::uint8_t unchanged[] = {0xa6, 0xa4};
    RIVET_ASSERT(co_await oled.commands(unchanged), "ssd0303 commands failed");
    RIVET_ASSERT(co_await oled.command(0x81, 0x80), "ssd0303 contrast failed");
#ifdef RIVET_SSD0303_GFX
    RIVET_ASSERT(co_await draw_gfx(oled));
#else
    RIVET_ASSERT(co_await draw_pattern(oled));
#endif
}

}  // namespace

RIVET_BIND_INTERRUPTS(parts::oled_bus::binding);

int main() {
    return draw_then_wait_for_a_byte(draw());
}
