// P0.24 is the console UART's TX line; taking it as an LED as well must not build.
#include "rivet/hal/pins.hpp"
#include "rivet/nrf51/gpio.hpp"
#include "rivet/nrf51/uart.hpp"
using namespace rivet::nrf51;
using console = uart::uart<24, 25>;
#ifdef RIVET_COMPILE_FAIL
using led = gpio::output_pin<24>;
#else
using led = gpio::output_pin<13>;
#endif
void take_them() {
    auto [serial, pin] = rivet::hal::take<console, led>();
    (void)serial;
    (void)pin;
}
