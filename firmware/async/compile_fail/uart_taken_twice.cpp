// A UART an async driver owns cannot also be taken by blocking code: the
// async port claims the blocking UART's pins, so taking both does not build.
#include "rivet/async/uart/lm3s6965.hpp"
#include "rivet/hal/pins.hpp"
#include "rivet/lm3s6965/gpio.hpp"

using blocking_uart = rivet::lm3s6965::uart::uart<0, 12'500'000, 115200>;
using async_uart = rivet::async::uart::serial<blocking_uart>;
#ifdef RIVET_COMPILE_FAIL
using other = blocking_uart;
#else
using other = rivet::lm3s6965::gpio::output_pin<rivet::lm3s6965::gpio::port::f, 0>;
#endif

void take_them() {
    auto [serial, also] = rivet::hal::take<async_uart, other>();
    (void)serial;
    (void)also;
}
