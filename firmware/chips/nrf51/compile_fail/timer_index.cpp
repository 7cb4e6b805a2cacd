// There is no TIMER3 on the nRF51.
#include "rivet/nrf51/timer.hpp"
using namespace rivet::nrf51::timer;
#ifdef RIVET_COMPILE_FAIL
using ticker = timer<3>;
#else
using ticker = timer<2>;
#endif
void wait_a_bit() {
    auto t = ticker::configure();
    rivet::hal::delay_ms(t, 1);
}
