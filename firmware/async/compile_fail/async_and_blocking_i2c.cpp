// I2C0 owned by the interrupt-driven master cannot also be taken as the
// blocking one: the two would race for the controller.
#include "rivet/async/i2c/lm3s6965.hpp"
#include "rivet/hal/pins.hpp"
#include "rivet/lm3s6965/i2c.hpp"
using namespace rivet::lm3s6965;
using sensors = rivet::async::i2c::lm3s6965_controller<0, 12'000'000>;
#ifdef RIVET_COMPILE_FAIL
using other = i2c::controller<0, 12'000'000>;
#else
using other = gpio::output_pin<gpio::port::f, 0>;
#endif
void take_them() {
    auto [bus, second] = rivet::hal::take<sensors, other>();
    (void)bus;
    (void)second;
}
