// One measured operation of rivet::gfx per ELF (RIVET_BENCH_CASE), between
// bench_begin() and bench_end() (../hal/markers.hpp); bench/gfx/run.sh
// counts the instructions QEMU executes there. The pixels each case
// touches are counted at compile time by drawing the same thing in a
// constant expression, and kept as the value of symbol bench_pixels.
#include <rivet/bsp/lm3s6965evb.hpp>
#include <rivet/drivers/ssd0323_display.hpp>
#include <rivet/gfx/fonts/font_6x10.hpp>
#include <rivet/gfx/framebuffer.hpp>
#include <rivet/gfx/primitives.hpp>
#include <rivet/gfx/text.hpp>

#include <cstdint>

#include "../hal/markers.hpp"
#include "dashboard.hpp"

namespace gfx = rivet::gfx;
using gfx::gray4;
using frame = gfx::framebuffer<gray4, 128, 64>;

namespace {

constexpr gfx::rectangle screen{{0, 0}, {128, 64}};
constexpr char text[] = "Rivet gfx 0123456789";  // 20 glyphs

template <class Target>
constexpr void operation(Target& t) {
#if RIVET_BENCH_CASE == 1  // fill
    gfx::fill_solid(t, screen, gray4{7});
#elif RIVET_BENCH_CASE == 3  // lines: 8 sloped lines of 128 pixels, apart
    for (gfx::coordinate y = 0; y < 64; y += 8)
        gfx::draw(t, gfx::line{{0, y}, {127, y + 7}}, gfx::stroke(gray4{9}));
#elif RIVET_BENCH_CASE == 4  // circle outline
    gfx::draw(t, gfx::circle{{34, 2}, 60}, gfx::stroke(gray4{9}));
#elif RIVET_BENCH_CASE == 5  // filled circle
    gfx::draw(t, gfx::circle{{34, 2}, 60}, gfx::fill(gray4{9}));
#elif RIVET_BENCH_CASE == 6  // glyphs
    gfx::draw_text(t, text, {0, 20}, {&gfx::fonts::font_6x10, gray4::white()});
#else
    (void)t;
#endif
}

constexpr std::uint32_t pixels() {
#if RIVET_BENCH_CASE == 2
    return 128 * 64;
#elif RIVET_BENCH_CASE == 6
    return sizeof text - 1;  // per glyph
#elif RIVET_BENCH_CASE >= 1 && RIVET_BENCH_CASE <= 5
    frame f;
    operation(f);
    std::uint32_t n = 0;
    for (gfx::coordinate y = 0; y < 64; ++y)
        for (gfx::coordinate x = 0; x < 128; ++x) n += f.get_pixel({x, y}).level != 0;
    return n;
#else
    return 1;
#endif
}

}  // namespace

constexpr std::uint32_t pixel_count = pixels();
frame fb;

int main() {
    // The count as the value of an absolute symbol, read by run.sh with nm.
    asm volatile(".global bench_pixels\n.set bench_pixels, %c0" ::"i"(pixel_count));
#if RIVET_BENCH_CASE == 2  // hand-written loop: 32-bit words over the framebuffer's bytes
    auto* words = reinterpret_cast<std::uint32_t*>(fb.bytes().data());
    bench_begin();
    for (std::size_t i = 0; i < frame::size_bytes / 4; ++i) words[i] = 0x77777777u;
    return bench_end();
#elif RIVET_BENCH_CASE >= 7  // the dashboard on the SSD0323
    auto [device, data_command] = rivet::bsp::lm3s6965evb::configure_oled();
    rivet::drivers::ssd0323 oled{device, data_command};
    (void)oled.init();
    static rivet::drivers::ssd0323_display<decltype(oled)> display{oled};
    rivet::examples::dashboard_state state;
    state.add(21000);
#if RIVET_BENCH_CASE == 7    // full redraw
    bench_begin();
    rivet::examples::draw_dashboard(display, state);
    return bench_end();
#elif RIVET_BENCH_CASE == 8  // full flush
    rivet::examples::draw_dashboard(display, state);
    bench_begin();
    (void)display.flush();
    return bench_end();
#else                        // one reading: redraw its parts and flush what changed
    rivet::examples::draw_dashboard(display, state);
    (void)display.flush();
    state.add(23500);
    bench_begin();
    rivet::examples::draw_reading(display, state);
    (void)display.flush();
    return bench_end();
#endif
#else
    bench_begin();
    operation(fb);
    return bench_end();
#endif
}
