// The costs of the SRP task framework, each stretch between the return from
// bench_begin() and the call of bench_end() (bench/hal/markers.hpp), counted
// by bench/tasks/run.sh in QEMU's instruction trace, in this order:
//   1. nothing: the two marker calls alone (what the others include);
//   2. lock + unlock from idle of a resource whose ceiling (3) is above it,
//      empty body: BASEPRI on ARMv7-M, the NVIC enables on ARMv6-M;
//   3. lock + unlock in the task whose priority is the ceiling: nothing;
//   4. pend -> hardware task: idle pends the task's interrupt, up to the
//      task's first statement (the pend's store and barriers, the exception
//      entry, the handler's prologue);
//   5. spawn -> software task: idle spawns a priority-2 task with an
//      argument, up to its first statement (slot, ready queue, the
//      dispatcher's pend, its handler);
//   6. spawn -> async software task: the same for a task that awaits
//      (frame from its pool, the async executor of the dispatcher).
#include "../hal/markers.hpp"
#include "../../examples/async/parts.hpp"

#include <rivet/async/task.hpp>
#include <rivet/cortex_m/interrupts.hpp>
#include <rivet/cortex_m/nvic.hpp>
#include <rivet/tasks/app.hpp>

#include <cstdint>

namespace tasks = rivet::tasks;
using irq = parts::board::irq;
constexpr irq task_line = parts::spare::high;

struct shared_value : tasks::shared<std::uint32_t> {};  // idle and urgent: ceiling 3
struct own_value : tasks::shared<std::uint32_t> {};     // urgent alone: ceiling 3

namespace {
volatile bool measure_own_lock = false;
}

struct urgent : tasks::hardware_task<task_line, 3, tasks::uses<shared_value, own_value>> {
    static void run(auto cx) {
        bench_end();
        if (measure_own_lock) own_lock(cx);
    }
    [[gnu::noinline]] static void own_lock(auto cx) {
        bench_begin();
        cx.lock(own_value{}, [](std::uint32_t&) {});
        bench_end();
    }
};

struct job : tasks::software_task<2> {
    static void run(auto, std::uint32_t) { bench_end(); }
};

struct awaiting : tasks::async_task<2> {
    static rivet::task<void, rivet::frames<"awaiting", 48>> run(auto) {
        bench_end();
        co_return;
    }
};

struct idle : tasks::idle_task<tasks::uses<shared_value>> {
    // Out of line, so that nothing else is scheduled into the stretch.
    [[gnu::noinline]] static void lock_unlock(auto cx) {
        bench_begin();
        cx.lock(shared_value{}, [](std::uint32_t&) {});
        bench_end();
    }

    [[gnu::noinline]] static void nothing() {
        bench_begin();
        bench_end();
    }

    static int run(auto cx) {
        nothing();
        lock_unlock(cx);

        measure_own_lock = true;
        rivet::cortex_m::nvic::pend<task_line>();
        measure_own_lock = false;

        bench_begin();
        rivet::cortex_m::nvic::pend<task_line>();

        bench_begin();
        (void)tasks::spawn<job>(cx, 7u);

        bench_begin();
        (void)tasks::spawn<awaiting>(cx);
        return bench_end();
    }
};

using app = tasks::app<irq, tasks::dispatchers<parts::spare::low>, urgent, job, awaiting, idle>;
RIVET_BIND_INTERRUPTS(app::bindings);

int main() {
    app::start();
    return app::idle();
}
