// A binding whose handler is a null pointer.
#include "fake_device.hpp"
#include "rivet/cortex_m/interrupts.hpp"
using irq = fake::irq;
using rivet::cortex_m::bind;
#ifdef RIVET_COMPILE_FAIL
RIVET_BIND_INTERRUPTS(bind<irq::beta, handler>, bind<irq::alpha, nullptr>);
#else
RIVET_BIND_INTERRUPTS(bind<irq::beta, handler>, bind<irq::alpha, other_handler>);
#endif
