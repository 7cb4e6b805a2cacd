// Echo on the console UART (UART0, the debug USB's virtual COM port): lines
// typed into `rivet run lm3s6965evb-echo.elf` come back as "05 RIVET", and
// "quit" ends the run. The loop is ../common/echo.hpp, shared by all boards.
#include <rivet/bsp/lm3s6965evb.hpp>

#include "echo.hpp"

namespace board = rivet::bsp::lm3s6965evb;

int main() {
    auto [console] = rivet::hal::take<board::console_uart<>>();
    return rivet::examples::echo(console);
}
