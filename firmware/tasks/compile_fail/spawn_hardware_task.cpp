// Hardware tasks run when their interrupt comes; only software tasks are
// spawned.
#include "parts.hpp"

struct job;
struct handler_task : tasks::hardware_task<irq::alpha, 1> {
    static void run(auto cx) {
#ifdef RIVET_COMPILE_FAIL
        (void)tasks::spawn<handler_task>(cx);
#else
        (void)tasks::spawn<job>(cx);
#endif
    }
};
struct job : tasks::software_task<2> {
    static void run(auto) {}
};
using app = tasks::app<irq, tasks::dispatchers<irq::beta>, handler_task, job>;
RIVET_BIND_INTERRUPTS(app::bindings);
