// The LM3S6965 I2C master runs at up to 400 kHz (fast mode).
#include "rivet/lm3s6965/i2c.hpp"
using namespace rivet::lm3s6965;
#ifdef RIVET_COMPILE_FAIL
using bus = i2c::controller<0, 12'000'000, 1'000'000>;
#else
using bus = i2c::controller<0, 12'000'000, 400'000>;
#endif
static_assert(rivet::hal::i2c_bus<bus>);
