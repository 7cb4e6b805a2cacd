// The Cortex-M0 has 2 NVIC priority bits: priorities 1 to 4. A software
// task's priority is checked as a hardware task's.
#include "parts.hpp"

using m0 = fake::m0::irq;
#ifdef RIVET_COMPILE_FAIL
constexpr unsigned too_urgent = 5;
#else
constexpr unsigned too_urgent = 4;
#endif
struct job : tasks::software_task<too_urgent> {
    static void run(auto) {}
};
using app = tasks::app<m0, tasks::dispatchers<m0::alpha>, job>;
RIVET_BIND_INTERRUPTS(app::bindings);
