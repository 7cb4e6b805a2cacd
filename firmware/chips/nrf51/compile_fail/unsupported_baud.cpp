// BAUDRATE takes a fixed list of values; 100000 Bd is not on it.
#include "rivet/nrf51/uart.hpp"
using namespace rivet::nrf51::uart;
#ifdef RIVET_COMPILE_FAIL
using console = uart<24, 25, 100000>;
#else
using console = uart<24, 25, 115200>;
#endif
void open_console() {
    (void)console::configure();
}
