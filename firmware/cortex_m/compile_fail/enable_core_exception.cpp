// SysTick is not an NVIC interrupt: its own CSR switches it on.
#include "fake_device.hpp"
#include "rivet/cortex_m/nvic.hpp"
using irq = fake::irq;
void start() {
#ifdef RIVET_COMPILE_FAIL
    rivet::cortex_m::nvic::enable<irq::sys_tick>();
#else
    rivet::cortex_m::nvic::enable<irq::alpha>();
#endif
}
