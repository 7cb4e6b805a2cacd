// The timer an async SBCon bus paces its lines with belongs to that bus:
// taking the same timer for blocking delays beside it does not compile.
#include "rivet/async/i2c/sbcon.hpp"
#include "rivet/cmsdk/timer.hpp"
#include "rivet/hal/pins.hpp"
using sensor_bus = rivet::async::i2c::sbcon_controller<3, 25'000'000, 0>;
#ifdef RIVET_COMPILE_FAIL
using delays = rivet::cmsdk::timer::timer<0, 25'000'000>;
#else
using delays = rivet::cmsdk::timer::timer<1, 25'000'000>;
#endif
void take_them() {
    auto [bus, timer] = rivet::hal::take<sensor_bus, delays>();
    (void)bus;
    (void)timer;
}
