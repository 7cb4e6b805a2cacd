// Echo on the MPS2 board's console UART (CMSDK UART0): lines typed into
// `rivet run mps2-an505-echo.elf` come back as "05 RIVET", and "quit" ends
// the run. The loop is examples/common/echo.hpp, shared by all boards.
#include <rivet/bsp/mps2_an505.hpp>

#include "echo.hpp"

namespace board = rivet::bsp::mps2_an505;

int main() {
    auto [console] = rivet::hal::take<board::console_uart<>>();
    return rivet::examples::echo(console);
}
