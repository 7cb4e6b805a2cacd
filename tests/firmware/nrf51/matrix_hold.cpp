// Draws the middle row of the micro:bit display (electrical row 1) and
// holds it for tests/integration/nrf51_matrix_qmp.sh, which reads the GPIO
// OUT register through QMP while the firmware runs, then exits 0.
#include <rivet/bsp/microbit.hpp>
#include <rivet/hal/delay.hpp>
#include <rivet/log/log.hpp>

namespace board = rivet::bsp::microbit;

int main() {
    auto [display, delay] = rivet::hal::take<board::led_matrix, board::delay_timer>();
    board::image middle;
    for (unsigned x = 0; x < 5; ++x) middle.set(x, 2);
    display.show_row(middle, 1);
    RIVET_INFO("matrix drawn: row 1, image {:#x}", display.lit().bits);
    rivet::hal::delay_ms(delay, 3000);
    display.clear();
    RIVET_INFO("matrix cleared");
    return 0;
}
