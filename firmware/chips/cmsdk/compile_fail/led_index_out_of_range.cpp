// The AN385 FPGA I/O block drives two user LEDs, LED0 and LED1.
#include "rivet/cmsdk/fpgaio.hpp"
using namespace rivet::cmsdk;
#ifdef RIVET_COMPILE_FAIL
using third = fpgaio::led<2>;
#else
using third = fpgaio::led<1>;
#endif
void light() {
    auto led = third::configure(rivet::hal::pin_state::high);
    (void)led.toggle();
}
