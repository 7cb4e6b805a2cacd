// PSELTXD and PSELRXD naming the same pin cannot be a working UART.
#include "rivet/nrf51/uart.hpp"
using namespace rivet::nrf51::uart;
#ifdef RIVET_COMPILE_FAIL
using console = uart<24, 24>;
#else
using console = uart<24, 25>;
#endif
void open_console() {
    (void)console::configure();
}
