// A 32-bit periodic timer reaches 2^32 - 1 clocks: at 12 MHz about 357 s.
#include "rivet/lm3s6965/timer.hpp"
using namespace rivet::lm3s6965;
#ifdef RIVET_COMPILE_FAIL
using ticker = timer::periodic<0, 12'000'000, 400'000'000>;
#else
using ticker = timer::periodic<0, 12'000'000, 300'000'000>;
#endif
static constexpr auto load = ticker::load;
