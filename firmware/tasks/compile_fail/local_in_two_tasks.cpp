// A local resource belongs to one task.
#include "parts.hpp"

struct owner : tasks::hardware_task<irq::alpha, 1, tasks::uses<scratch>> {
    static void run(auto cx) { ++cx.local(scratch{}); }
};
#ifdef RIVET_COMPILE_FAIL
struct intruder : tasks::hardware_task<irq::beta, 2, tasks::uses<scratch>> {
#else
struct intruder : tasks::hardware_task<irq::beta, 2> {
#endif
    static void run(auto) {}
};
using app = tasks::app<irq, tasks::dispatchers<>, owner, intruder>;
RIVET_BIND_INTERRUPTS(app::bindings);
