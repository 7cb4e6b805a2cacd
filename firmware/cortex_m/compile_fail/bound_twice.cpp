// One vector, two handlers.
#include "fake_device.hpp"
#include "rivet/cortex_m/interrupts.hpp"
using irq = fake::irq;
using rivet::cortex_m::bind;
#ifdef RIVET_COMPILE_FAIL
RIVET_BIND_INTERRUPTS(bind<irq::beta, handler>, bind<irq::sys_tick, other_handler>,
                      bind<irq::beta, other_handler>);
#else
RIVET_BIND_INTERRUPTS(bind<irq::beta, handler>, bind<irq::sys_tick, other_handler>);
#endif
