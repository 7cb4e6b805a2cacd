// A 16-bit counter at 1 MHz reaches 65.535 ms.
#include "rivet/cortex_m/ticks.hpp"
using namespace rivet::cortex_m;
#ifdef RIVET_COMPILE_FAIL
constexpr auto ticks = period_ticks<1'000'000, 66, per_ms, 1, 0xFFFF>();
#else
constexpr auto ticks = period_ticks<1'000'000, 65, per_ms, 1, 0xFFFF>();
#endif
