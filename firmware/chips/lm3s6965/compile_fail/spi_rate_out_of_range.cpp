// SSI0 divides the clock by at least 2: 12 MHz cannot clock SPI at 8 MHz.
#include "rivet/lm3s6965/ssi.hpp"
using namespace rivet::lm3s6965;
#ifdef RIVET_COMPILE_FAIL
using bus = ssi::controller<12'000'000, 8'000'000>;
#else
using bus = ssi::controller<12'000'000, 6'000'000, ssi::mode::mode3>;
#endif
static_assert(bus::bit_rate_hz <= 6'000'000);
void start() {
    (void)bus::configure();
}
