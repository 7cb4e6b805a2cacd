// Echo on the Netduino Plus 2's console USART (USART1 of the STM32F405):
// lines typed into `rivet run netduinoplus2-echo.elf` come back as
// "05 RIVET", and "quit" ends the run. The loop is ../common/echo.hpp,
// shared by all boards.
#include <rivet/bsp/netduinoplus2.hpp>

#include "echo.hpp"

namespace board = rivet::bsp::netduinoplus2;

int main() {
    auto [console] = rivet::hal::take<board::console_usart<>>();
    return rivet::examples::echo(console);
}
