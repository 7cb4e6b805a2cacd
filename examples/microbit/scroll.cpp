// Text scrolling across the micro:bit's 5 x 5 LEDs with rivet::gfx: each
// step is drawn into a gfx::led_matrix_display (a draw target), handed to
// the board's matrix as its image and scanned onto the LEDs. Every step is
// also read back from the GPIO pins, row by row, and must show what was
// drawn (QEMU has no LEDs to look at).
#include <rivet/bsp/microbit.hpp>
#include <rivet/gfx/fonts/font_4x6.hpp>
#include <rivet/gfx/led_matrix.hpp>
#include <rivet/hal/delay.hpp>
#include <rivet/hal/pins.hpp>
#include <rivet/log/log.hpp>

namespace board = rivet::bsp::microbit;
namespace gfx = rivet::gfx;

int main() {
    auto [matrix, delay] = rivet::hal::take<board::led_matrix, board::delay_timer>();
    gfx::led_matrix_display<> display;
    gfx::text_style<gfx::binary_color> style{&gfx::fonts::font_4x6, gfx::binary_color::lit()};
    style.letter_spacing = 1;
    constexpr std::string_view text = "Rivet";
    const gfx::coordinate steps = gfx::scroll_steps(gfx::fonts::font_4x6, text, 5);
    int mismatches = 0;
    for (gfx::coordinate step = 0; step < steps; ++step) {
        gfx::draw_scroll_step(display, text, style, step);
        const auto picture = display.picture<board::image>();
        for (unsigned row = 0; row < 3; ++row) {
            matrix.show_row(picture, row);
            const auto shown = matrix.lit();
            for (unsigned y = 0; y < 5; ++y)
                for (unsigned x = 0; x < 5; ++x)
                    if (board::display_wiring[y][x].row == row &&
                        shown.lit(x, y) != picture.lit(x, y))
                        ++mismatches;
        }
        matrix.refresh(picture, delay, 2);
    }
    RIVET_INFO("scroll: '{}' in {} steps, {} LEDs differing from the drawing", text.data(), steps,
               mismatches);
    return mismatches == 0 ? 0 : 1;
}
