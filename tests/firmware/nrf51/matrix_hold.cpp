// Draws the middle row of the micro:bit display (electrical row 1) and
// holds it until a byte arrives on RTT down channel 0, for
// tests/integration/nrf51_matrix_qmp.sh to read the GPIO OUT register
// through QMP meanwhile; then clears it and exits 0. Waiting for the test
// rather than for a time keeps it right on a loaded machine.
#include <rivet/bsp/microbit.hpp>
#include <rivet/log/log.hpp>
#include <rivet/log/rtt.hpp>

#include <cstdint>

namespace board = rivet::bsp::microbit;

int main() {
    auto [display] = rivet::hal::take<board::led_matrix>();
    board::image middle;
    for (unsigned x = 0; x < 5; ++x) middle.set(x, 2);
    display.show_row(middle, 1);
    RIVET_INFO("matrix drawn: row 1, image {:#x}", display.lit().bits);
    std::uint8_t byte[1];
    while (rivet::log::rtt::read(byte) == 0) {
    }
    display.clear();
    RIVET_INFO("matrix cleared");
    return 0;
}
