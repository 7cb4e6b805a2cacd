// board.json says 4 interrupts where the device has 3.
#include "fake_device.hpp"
#ifdef RIVET_COMPILE_FAIL
static_assert(rivet::cortex_m::interrupt_count_matches<fake::irq, 4>());
#else
static_assert(rivet::cortex_m::interrupt_count_matches<fake::irq, 3>());
#endif
