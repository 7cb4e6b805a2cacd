// Echo on the micro:bit's console UART (the nRF51 UART on the USB
// interface chip): lines typed into `rivet run microbit-echo.elf` come back
// as "05 RIVET", and "quit" ends the run. The loop is ../common/echo.hpp,
// shared by all boards.
#include <rivet/bsp/microbit.hpp>

#include "echo.hpp"

namespace board = rivet::bsp::microbit;

int main() {
    auto [console] = rivet::hal::take<board::console_uart<>>();
    return rivet::examples::echo(console);
}
