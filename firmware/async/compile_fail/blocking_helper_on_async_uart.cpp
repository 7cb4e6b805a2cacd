// The async port is not a blocking serial port: a blocking helper refuses
// it, so blocking code cannot read the UART behind the driver's back.
#include <cstdint>

#include "rivet/async/uart/lm3s6965.hpp"
#include "rivet/hal/serial.hpp"

using async_uart = rivet::async::uart::serial<rivet::lm3s6965::uart::uart<0, 12'500'000, 115200>>;

void read_a_line(async_uart& uart) {
    std::uint8_t line[16];
#ifdef RIVET_COMPILE_FAIL
    (void)rivet::hal::read_line(uart, line);
#else
    (void)uart.read_line(line);
#endif
}
