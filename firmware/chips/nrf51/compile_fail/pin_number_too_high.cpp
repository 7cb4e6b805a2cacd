// The nRF51 has one port of 32 pins.
#include "rivet/nrf51/gpio.hpp"
using namespace rivet::nrf51::gpio;
#ifdef RIVET_COMPILE_FAIL
void blink() {
    (void)output_pin<32>::configure();
}
#else
void blink() {
    (void)output_pin<31>::configure();
}
#endif
