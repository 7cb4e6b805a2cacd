// A 16-bit PWM half counts at most 65535 clocks per period: at 12 MHz,
// 100 Hz would need 120000.
#include "rivet/lm3s6965/timer.hpp"
using namespace rivet::lm3s6965;
#ifdef RIVET_COMPILE_FAIL
using channel = timer::pwm<0, timer::half::a, 12'000'000, 100>;
#else
using channel = timer::pwm<0, timer::half::a, 12'000'000, 200>;
#endif
static_assert(rivet::hal::pwm_channel<channel>);
