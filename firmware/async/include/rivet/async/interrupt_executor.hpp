// An executor that runs its tasks in an interrupt handler, at that
// interrupt's NVIC priority: waking one of its tasks pends the interrupt,
// so a task of a more urgent executor preempts whatever runs below it
// (thread mode, or a less urgent executor's task) as soon as it is woken.
// The interrupt should be one nothing else raises (the nRF51's SWIn, an
// unused peripheral's line).
//
//   using urgent = rivet::async::interrupt_executor<board::irq::swi0, 1>;
//   RIVET_BIND_INTERRUPTS(urgent::binding, ...);
//   urgent::start();
//   urgent::spawn(control_loop());
#pragma once

#include "rivet/async/executor.hpp"
#include "rivet/cortex_m/interrupts.hpp"
#include "rivet/cortex_m/nvic.hpp"

namespace rivet::async {

template <auto Irq, unsigned Priority>
class interrupt_executor {
public:
    // Sets the priority and enables the interrupt; spawn before or after.
    static void start() noexcept {
        cortex_m::nvic::set_priority<Irq, Priority>();
        cortex_m::nvic::enable<Irq>();
    }
    static void on_interrupt() noexcept { core_.poll_all(); }
    using binding = cortex_m::bind<Irq, on_interrupt>;

    // From tasks of any executor and from interrupts.
    template <class Task>
    static bool spawn(Task&& task) noexcept {
        return core_.spawn(static_cast<Task&&>(task));
    }
    static executor& get() noexcept { return core_; }

private:
    static void notify() noexcept { cortex_m::nvic::pend<Irq>(); }
    static inline executor core_{&notify};
};

}  // namespace rivet::async
