// PB2 is I2C0's SCL; it cannot be UART0's transmit line.
#include "rivet/lm3s6965/gpio.hpp"
using namespace rivet::lm3s6965::gpio;
#ifdef RIVET_COMPILE_FAIL
void configure() {
    alternate_pin<port::b, 2, signal::u0tx>::configure();
}
#else
void configure() {
    alternate_pin<port::a, 1, signal::u0tx>::configure();
}
#endif
