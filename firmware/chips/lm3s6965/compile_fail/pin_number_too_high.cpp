// Ports have eight pins.
#include "rivet/lm3s6965/gpio.hpp"
using namespace rivet::lm3s6965::gpio;
#ifdef RIVET_COMPILE_FAIL
void blink() {
    (void)output_pin<port::f, 8>::configure();
}
#else
void blink() {
    (void)output_pin<port::f, 7>::configure();
}
#endif
