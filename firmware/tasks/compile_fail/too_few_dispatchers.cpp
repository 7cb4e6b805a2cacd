// Each priority of software tasks needs a dispatcher interrupt.
#include "parts.hpp"

struct slow : tasks::software_task<1> {
    static void run(auto) {}
};
struct fast : tasks::software_task<3> {
    static void run(auto) {}
};
#ifdef RIVET_COMPILE_FAIL
using app = tasks::app<irq, tasks::dispatchers<irq::alpha>, slow, fast>;
#else
using app = tasks::app<irq, tasks::dispatchers<irq::alpha, irq::beta>, slow, fast>;
#endif
RIVET_BIND_INTERRUPTS(app::bindings);
