// TIMER2 and TIMER3 have no CCP pin on the LM3S6965, so no PWM output.
#include "rivet/lm3s6965/timer.hpp"
using namespace rivet::lm3s6965;
#ifdef RIVET_COMPILE_FAIL
using channel = timer::pwm<2, timer::half::a, 12'000'000, 1000>;
#else
using channel = timer::pwm<1, timer::half::a, 12'000'000, 1000>;
#endif
static_assert(rivet::hal::pwm_channel<channel>);
