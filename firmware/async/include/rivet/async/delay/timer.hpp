// An async delay (rivet::hal::async::delay) on a hardware timer of its own:
// each wait loads the timer as a one-shot and the awaiting task sleeps until
// its time-out interrupt, so waits are as fine as the timer's clock, not the
// runtime's tick. A wait longer than the timer can count is split, the
// interrupt loading the rest. One waiting task per timer (the HAL's rule
// 5); bind `binding` (RIVET_BIND_INTERRUPTS) or no wait ends.
//
// Timer (a chip's, rivet/async/delay/<chip>.hpp) provides: tick_hz,
// max_load, irq, configure(), arm(load) (start a one-shot of `load` ticks
// with its interrupt), acknowledge() (clear the time-out) and stop(); a
// timer that shares its interrupt with another also expired() (its own
// time-out is there), and the delays on it are bound together
// (sharing_interrupt below).
#pragma once

#include <coroutine>
#include <cstdint>

#include "rivet/async/executor.hpp"
#include "rivet/cortex_m/interrupts.hpp"
#include "rivet/cortex_m/nvic.hpp"
#include "rivet/cortex_m/ticks.hpp"
#include "rivet/hal/async/delay.hpp"

namespace rivet::async::delay {

template <class Timer, unsigned Priority = 0>
class timer_delay {
public:
    static constexpr auto irq = Timer::irq;
    static constexpr unsigned priority = Priority;

    static timer_delay configure() {
        Timer::configure();
        cortex_m::nvic::set_priority<irq, Priority>();
        cortex_m::nvic::clear_pending<irq>();
        cortex_m::nvic::enable<irq>();
        return timer_delay{};
    }

    static void on_interrupt() {
        // The interrupt may be the other timer's: this one's wait goes on.
        if constexpr (shares_interrupt) {
            if (!Timer::expired()) return;
        }
        Timer::acknowledge();
        if (task_ == nullptr) return;
        if (remaining_ > 0) {
            arm_next();
            return;
        }
        Timer::stop();
        const waker task = task_;
        task_ = nullptr;
        wake(task);
    }
    using binding = cortex_m::bind<irq, on_interrupt>;

    class awaiter {
    public:
        explicit awaiter(std::uint64_t ticks) noexcept : ticks_(ticks) {}
        bool await_ready() const noexcept { return ticks_ == 0; }
        void await_suspend(std::coroutine_handle<>) const noexcept {
            task_ = current_task();
            remaining_ = ticks_;
            arm_next();
        }
        void await_resume() const noexcept {}

    private:
        std::uint64_t ticks_;
    };

    awaiter delay_ns(std::uint32_t ns) const noexcept {
        return awaiter{cortex_m::ticks_for(Timer::tick_hz, ns, cortex_m::per_ns)};
    }
    awaiter delay_us(std::uint32_t us) const noexcept {
        return awaiter{cortex_m::ticks_for(Timer::tick_hz, us, cortex_m::per_us)};
    }
    awaiter delay_ms(std::uint32_t ms) const noexcept {
        return awaiter{cortex_m::ticks_for(Timer::tick_hz, ms, cortex_m::per_ms)};
    }

    static constexpr bool shares_interrupt = requires { Timer::expired(); };

private:
    // Called with the timer's interrupt unable to run: from the handler, or
    // before any load is running.
    static void arm_next() {
        const std::uint64_t load = remaining_ > Timer::max_load ? Timer::max_load : remaining_;
        remaining_ -= load;
        Timer::arm(static_cast<std::uint32_t>(load));
    }

    static inline waker task_ = nullptr;
    static inline std::uint64_t remaining_ = 0;
};

// One binding for delays whose timers raise the same interrupt (the CMSDK
// dual timer's two counters): its handler lets each delay look at its own
// timer.
//
//   RIVET_BIND_INTERRUPTS(sharing_interrupt<first, second>::binding, ...);
template <class First, class... Others>
struct sharing_interrupt {
    static constexpr auto irq = First::irq;
    static_assert(((Others::irq == irq) && ...),
                  "sharing_interrupt: these delays' timers raise different interrupts (bind each "
                  "delay's own binding)");
    static_assert(First::shares_interrupt && (Others::shares_interrupt && ...),
                  "sharing_interrupt: a delay's timer cannot tell whether the interrupt is its own "
                  "(its Timer has no expired())");
    static_assert(((Others::priority == First::priority) && ...),
                  "sharing_interrupt: one interrupt has one priority (give the delays the same)");

    static void on_interrupt() {
        First::on_interrupt();
        (Others::on_interrupt(), ...);
    }
    using binding = cortex_m::bind<irq, on_interrupt>;
};

}  // namespace rivet::async::delay
