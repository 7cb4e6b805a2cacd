// What every chip's awaitable input pin shares: the waits of
// rivet::hal::async::input_pin over a chip's Line, which says how to sample
// the pin and how to arm and disarm its interrupt for one event, and keeps
// the waiting task in a slot its interrupt handler empties.
#pragma once

#include <coroutine>

#include "rivet/async/executor.hpp"
#include "rivet/cortex_m/critical_section.hpp"
#include "rivet/hal/async/digital.hpp"
#include "rivet/hal/digital.hpp"
#include "rivet/hal/error.hpp"

namespace rivet::async::gpio {

// Line provides: static bool level(), static waker& slot(), static void
// arm(pin_event) (interrupt unmasked for it, stale edges cleared) and
// static void disarm().
template <class Line>
class waitable_pin {
public:
    // Sampling cannot fail; a second wait on a pin that has one pending can.
    using error_type = rivet::hal::digital::error_kind;
    using result = rivet::hal::result<void, error_type>;
    using event = rivet::hal::async::pin_event;

    rivet::hal::result<bool, error_type> is_high() { return Line::level(); }
    rivet::hal::result<bool, error_type> is_low() { return !Line::level(); }

    class awaiter {
    public:
        explicit awaiter(event what) noexcept : what_(what) {}
        // A level that is there already needs no wait.
        bool await_ready() const noexcept { return reached(what_); }
        bool await_suspend(std::coroutine_handle<>) noexcept {
            const cortex_m::critical_section masked;
            if (Line::slot() != nullptr) {
                taken_ = true;
                return false;
            }
            Line::slot() = current_task();
            Line::arm(what_);
            // A level that came while arming (its edge may have been before
            // the unmasking): the wait ends here, and no wake is left behind.
            if ((what_ == event::high || what_ == event::low) && reached(what_)) {
                Line::disarm();
                Line::slot() = nullptr;
                return false;
            }
            return true;
        }
        result await_resume() const noexcept {
            if (taken_) return rivet::hal::failure(error_type::other);
            return rivet::hal::success;
        }

    private:
        event what_;
        bool taken_ = false;
    };

    awaiter wait_for_high() noexcept { return awaiter{event::high}; }
    awaiter wait_for_low() noexcept { return awaiter{event::low}; }
    awaiter wait_for_rising_edge() noexcept { return awaiter{event::rising_edge}; }
    awaiter wait_for_falling_edge() noexcept { return awaiter{event::falling_edge}; }
    awaiter wait_for_any_edge() noexcept { return awaiter{event::any_edge}; }

private:
    static bool reached(event what) {
        return (what == event::high && Line::level()) || (what == event::low && !Line::level());
    }
};

}  // namespace rivet::async::gpio
