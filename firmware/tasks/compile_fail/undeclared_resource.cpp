// A task that locks a resource it did not list in its uses<...>.
#include "parts.hpp"

struct other : tasks::shared<int> {};
struct user : tasks::hardware_task<irq::alpha, 1, tasks::uses<counter, other>> {
    static void run(auto cx) { cx.lock(other{}, [](int& n) { ++n; }); }
};
struct sneaky : tasks::hardware_task<irq::beta, 2, tasks::uses<counter>> {
    static void run(auto cx) {
#ifdef RIVET_COMPILE_FAIL
        cx.lock(other{}, [](int& n) { ++n; });
#else
        cx.lock(counter{}, [](std::uint32_t& n) { ++n; });
#endif
    }
};
using app = tasks::app<irq, tasks::dispatchers<>, user, sneaky>;
RIVET_BIND_INTERRUPTS(app::bindings);
