// SSI0 owned by the interrupt-driven master cannot also be taken as the
// blocking one.
#include "rivet/async/spi/lm3s6965.hpp"
#include "rivet/hal/pins.hpp"
#include "rivet/lm3s6965/ssi.hpp"
using namespace rivet::lm3s6965;
using display = rivet::async::spi::lm3s6965_bus<12'000'000, 1'000'000>;
#ifdef RIVET_COMPILE_FAIL
using other = ssi::controller<12'000'000, 2'000'000>;
#else
using other = gpio::output_pin<gpio::port::f, 0>;
#endif
void take_them() {
    auto [bus, second] = rivet::hal::take<display, other>();
    (void)bus;
    (void)second;
}
