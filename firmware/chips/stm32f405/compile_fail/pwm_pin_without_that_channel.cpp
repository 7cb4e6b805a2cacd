// PA6 carries TIM3 channel 1, not channel 2 (PA7, PB5 or PC7).
#include "rivet/stm32f405/timer.hpp"
using namespace rivet::stm32f405;
using gpio::pin_id_of;
using gpio::port;
#ifdef RIVET_COMPILE_FAIL
using out = timer::pwm<timer::id::tim3, 2, pin_id_of(port::a, 6), 16'000'000, 1000>;
#else
using out = timer::pwm<timer::id::tim3, 1, pin_id_of(port::a, 6), 16'000'000, 1000>;
#endif
static_assert(out::reload == 15999);
void start() {
    (void)out::configure();
}
