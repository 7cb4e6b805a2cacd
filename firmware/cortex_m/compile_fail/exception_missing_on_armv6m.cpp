// ARMv6-M has no MemManage exception to bind (the generated enum names the
// ARMv7-M core exceptions on every device).
#include "fake_device.hpp"
#include "rivet/cortex_m/interrupts.hpp"
using irq = fake::m0::irq;
#ifdef RIVET_COMPILE_FAIL
constexpr auto table =
    rivet::cortex_m::vector_table_with<2, rivet::cortex_m::bind<irq::memory_management, handler>>();
#else
constexpr auto table =
    rivet::cortex_m::vector_table_with<2, rivet::cortex_m::bind<irq::pend_sv, handler>>();
#endif
