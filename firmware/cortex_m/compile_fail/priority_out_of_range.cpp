// Three priority bits make priorities 0 to 7.
#include "fake_device.hpp"
#include "rivet/cortex_m/nvic.hpp"
using irq = fake::irq;
void start() {
#ifdef RIVET_COMPILE_FAIL
    rivet::cortex_m::nvic::set_priority<irq::alpha, 8>();
#else
    rivet::cortex_m::nvic::set_priority<irq::alpha, 7>();
#endif
}
