// A Cortex-M0 has no BASEPRI; masking by priority is not available there.
#include "fake_device.hpp"
#include "rivet/cortex_m/critical_section.hpp"
void guarded() {
#ifdef RIVET_COMPILE_FAIL
    rivet::cortex_m::priority_mask<fake::m0::irq, 1> masked;
#else
    rivet::cortex_m::priority_mask<fake::irq, 1> masked;
#endif
}
