// 3 NVIC priority bits: priorities 1 to 8.
#include "parts.hpp"

#ifdef RIVET_COMPILE_FAIL
constexpr unsigned too_urgent = 9;
#else
constexpr unsigned too_urgent = 8;
#endif
struct urgent : tasks::hardware_task<irq::alpha, too_urgent, tasks::uses<counter>> {
    static void run(auto cx) { cx.lock(counter{}, [](std::uint32_t& n) { ++n; }); }
};
using app = tasks::app<irq, tasks::dispatchers<>, urgent>;
RIVET_BIND_INTERRUPTS(app::bindings);
