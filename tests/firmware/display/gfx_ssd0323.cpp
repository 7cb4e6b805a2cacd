// rivet::gfx on the SSD0323 through ssd0323_display (QEMU's lm3s6965evb):
// a first frame of shapes and text flushed whole, then a change flushed
// alone (only its dirty bytes go out); prints "ready" and exits 0 at the
// first console byte. tests/integration/ssd0323_screendump.sh compares a
// screendump with reference/gfx_ssd0323.ppm:
// - a grey-6 border, a filled circle (grey 9, diameter 21) at (6, 6);
// - "gfx on SSD0323" in 6x10 at (34, 4), a 3-pixel line of grey 12;
// - a triangle (grey 5, white edge) and a rounded rectangle outline;
// - then the change: a white sector (0..135 degrees, diameter 23) at (96, 36).
#include <rivet/bsp/lm3s6965evb.hpp>
#include <rivet/console/console.hpp>
#include <rivet/drivers/ssd0323_display.hpp>
#include <rivet/gfx/fonts/font_6x10.hpp>
#include <rivet/gfx/primitives.hpp>
#include <rivet/gfx/text.hpp>
#include <rivet/log/log.hpp>

namespace bsp = rivet::bsp::lm3s6965evb;
namespace gfx = rivet::gfx;

int main() {
    auto [device, data_command] = bsp::configure_oled();
    rivet::drivers::ssd0323 oled{device, data_command};
    RIVET_ASSERT(oled.init(), "ssd0323 init failed");
    static rivet::drivers::ssd0323_display<decltype(oled)> display{oled};
    using gfx::gray4;

    gfx::clear(display, gray4::black());
    gfx::draw(display, gfx::rectangle{{0, 0}, {128, 64}}, gfx::stroke(gray4{6}));
    gfx::draw(display, gfx::circle{{6, 6}, 21}, gfx::fill(gray4{9}));
    gfx::draw_text(display, "gfx on SSD0323", {34, 4}, {&gfx::fonts::font_6x10, gray4::white()});
    gfx::draw(display, gfx::line{{34, 18}, {120, 30}}, gfx::stroke(gray4{12}, 3));
    gfx::draw(display, gfx::triangle{{8, 58}, {30, 34}, {52, 58}},
              gfx::fill_and_stroke(gray4{5}, gray4::white()));
    gfx::draw(display, gfx::rounded_rectangle{{{58, 36}, {32, 22}}, 6}, gfx::stroke(gray4{10}, 2));
    RIVET_ASSERT(display.flush(), "first flush failed");

    gfx::draw(display, gfx::sector{{96, 36}, 23, 0, 135}, gfx::fill(gray4::white()));
    const gfx::rectangle changed = display.dirty();
    RIVET_ASSERT(display.flush(), "second flush failed");
    RIVET_INFO("gfx: second flush sent x {} y {} {}x{}", changed.left(), changed.top(),
               changed.size.width, changed.size.height);

    rivet::console::write("ready\n");
    (void)rivet::console::read();
    return 0;
}
