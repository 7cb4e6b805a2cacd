// PA1 is UART0's transmit line; taking it as an LED as well must not build.
#include "rivet/hal/pins.hpp"
#include "rivet/lm3s6965/gpio.hpp"
#include "rivet/lm3s6965/uart.hpp"
using namespace rivet::lm3s6965;
using console = uart::uart<0, 12'000'000, 115200>;
#ifdef RIVET_COMPILE_FAIL
using led = gpio::output_pin<gpio::port::a, 1>;
#else
using led = gpio::output_pin<gpio::port::f, 0>;
#endif
void take_them() {
    auto [serial, pin] = rivet::hal::take<console, led>();
    (void)serial;
    (void)pin;
}
