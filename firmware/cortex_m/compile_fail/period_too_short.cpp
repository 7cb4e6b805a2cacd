// A timer that needs two ticks cannot count a 1 us period at 1 MHz.
#include "rivet/cortex_m/ticks.hpp"
using namespace rivet::cortex_m;
#ifdef RIVET_COMPILE_FAIL
constexpr auto ticks = period_ticks<1'000'000, 1, per_us, 2, 0xFFFF>();
#else
constexpr auto ticks = period_ticks<1'000'000, 2, per_us, 2, 0xFFFF>();
#endif
