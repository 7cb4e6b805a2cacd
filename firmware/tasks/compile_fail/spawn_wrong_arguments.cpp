// A spawn's arguments are the task's: run(cx, int, char) takes two.
#include "parts.hpp"

struct job : tasks::software_task<1, 2> {
    static void run(auto, int, char) {}
};
void spawner() {
#ifdef RIVET_COMPILE_FAIL
    (void)tasks::app<irq, tasks::dispatchers<irq::beta>, job>::spawn<job>(1);
#else
    (void)tasks::app<irq, tasks::dispatchers<irq::beta>, job>::spawn<job>(1, 'x');
#endif
}
