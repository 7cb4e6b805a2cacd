// An interrupt the chip does not have is not in its irq enum.
#include "fake_device.hpp"
#include "rivet/cortex_m/interrupts.hpp"
using irq = fake::irq;
#ifdef RIVET_COMPILE_FAIL
RIVET_BIND_INTERRUPTS(rivet::cortex_m::bind<irq::delta, handler>);
#else
RIVET_BIND_INTERRUPTS(rivet::cortex_m::bind<irq::gamma, handler>);
#endif
