// A local resource is taken without a lock; a shared one only with one.
#include "parts.hpp"

struct owner : tasks::hardware_task<irq::alpha, 1, tasks::uses<scratch>> {
    static void run(auto cx) {
#ifdef RIVET_COMPILE_FAIL
        cx.lock(scratch{}, [](std::uint32_t& n) { ++n; });
#else
        ++cx.local(scratch{});
#endif
    }
};
using app = tasks::app<irq, tasks::dispatchers<>, owner>;
RIVET_BIND_INTERRUPTS(app::bindings);
