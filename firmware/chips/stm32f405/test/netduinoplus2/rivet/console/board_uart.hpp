// The console's UART on the Netduino Plus 2, as cmake/Rivet.cmake generates
// it from the board's BSP (cmake/templates/board_uart.hpp.in), for host tests.
#pragma once

#include <rivet/bsp/netduinoplus2.hpp>

namespace rivet::console {
using board_uart = ::rivet::bsp::netduinoplus2::console;
}  // namespace rivet::console
