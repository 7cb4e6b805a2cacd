// A dispatcher's interrupt runs software tasks; it cannot also be a
// hardware task's.
#include "parts.hpp"

struct job : tasks::software_task<1> {
    static void run(auto) {}
};
#ifdef RIVET_COMPILE_FAIL
struct handler_task : tasks::hardware_task<irq::gamma, 2> {
#else
struct handler_task : tasks::hardware_task<irq::beta, 2> {
#endif
    static void run(auto) {}
};
using app = tasks::app<irq, tasks::dispatchers<irq::gamma>, job, handler_task>;
RIVET_BIND_INTERRUPTS(app::bindings);
