// TIM3 counting at 2.5 MHz cannot make a 1 us period: that is 2.5 ticks.
#include "rivet/stm32f405/timer.hpp"
using namespace rivet::stm32f405;
#ifdef RIVET_COMPILE_FAIL
using tick = timer::periodic<timer::id::tim3, 2'500'000, 1>;
#else
using tick = timer::periodic<timer::id::tim3, 2'500'000, 2>;
#endif
static constexpr auto reload = tick::reload;
