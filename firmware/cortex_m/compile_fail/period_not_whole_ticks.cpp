// At 32768 Hz a millisecond is 32.768 ticks; 125 ms is 4096.
#include "rivet/cortex_m/ticks.hpp"
using namespace rivet::cortex_m;
#ifdef RIVET_COMPILE_FAIL
constexpr auto ticks = period_ticks<32768, 1, per_ms, 1, 0xFFFFFF, rounding::exact>();
#else
constexpr auto ticks = period_ticks<32768, 125, per_ms, 1, 0xFFFFFF, rounding::exact>();
#endif
