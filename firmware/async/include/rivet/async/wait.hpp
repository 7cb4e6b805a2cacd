// What the synchronisation primitives share: a FIFO list of waiting tasks
// whose nodes live in the waiters' frames, and the awaiter protocol that
// with_timeout() drives (start, finished, cancel).
#pragma once

#include <coroutine>
#include <optional>
#include <utility>

#include "rivet/async/executor.hpp"
#include "rivet/async/time.hpp"
#include "rivet/cortex_m/critical_section.hpp"

namespace rivet::async {

namespace detail {

struct waiter {
    waiter* next = nullptr;
    waker task = nullptr;
    bool done = false;
};

// Every operation is called inside a critical section.
struct wait_list {
    waiter* head = nullptr;
    waiter* tail = nullptr;

    [[nodiscard]] bool empty() const noexcept { return head == nullptr; }
    void push(waiter& w) noexcept {
        w.next = nullptr;
        if (tail != nullptr) {
            tail->next = &w;
        } else {
            head = &w;
        }
        tail = &w;
    }
    waiter* pop() noexcept {
        waiter* w = head;
        if (w != nullptr) {
            head = w->next;
            if (head == nullptr) tail = nullptr;
        }
        return w;
    }
    void remove(waiter& w) noexcept {
        waiter* previous = nullptr;
        for (waiter* at = head; at != nullptr; previous = at, at = at->next) {
            if (at != &w) continue;
            if (previous != nullptr) {
                previous->next = w.next;
            } else {
                head = w.next;
            }
            if (tail == &w) tail = previous;
            return;
        }
    }
};

// Completes a waiter taken off its list and wakes its task.
inline void complete(waiter& w) noexcept {
    w.done = true;
    wake(w.task);
}

// The awaiter protocol of every primitive. Derived provides, called in a
// critical section: bool try_complete() (true: done without waiting),
// wait_list& waiters(), and the result through await_resume().
template <class Derived>
class leaf : public waiter {
public:
    bool await_ready() const noexcept { return false; }
    bool await_suspend(std::coroutine_handle<>) noexcept { return !start(current_task()); }

    // Completes now (true) or joins the waiters for `task`.
    bool start(waker waiting) noexcept {
        const cortex_m::critical_section masked;
        if (self().try_complete()) {
            done = true;
            return true;
        }
        this->task = waiting;
        self().waiters().push(*this);
        return false;
    }
    [[nodiscard]] bool finished() const noexcept { return done; }
    // Leaves the waiters if not completed meanwhile; false if it was.
    bool cancel() noexcept {
        const cortex_m::critical_section masked;
        if (done) return false;
        self().waiters().remove(*this);
        return true;
    }

private:
    Derived& self() noexcept { return static_cast<Derived&>(*this); }
};

}  // namespace detail

// co_await with_timeout(d, primitive.operation()): the operation's result,
// or std::nullopt (false for an operation without one) when d passes first;
// a timed-out operation has no effect.
template <class Rep, class Period, class Operation>
auto with_timeout(std::chrono::duration<Rep, Period> d, Operation&& operation) noexcept {
    using result = decltype(std::declval<Operation&>().await_resume());
    struct awaiter {
        Operation op;
        sleep_until timer;
        bool await_ready() const noexcept { return false; }
        bool await_suspend(std::coroutine_handle<>) noexcept {
            const waker task = current_task();
            if (op.start(task)) return false;
            timer.arm_for(task);
            return true;
        }
        auto await_resume() noexcept {
            bool completed;
            {
                const cortex_m::critical_section masked;
                timer.disarm();
                completed = !op.cancel();
                // Whichever of the two came second may have queued this
                // task again while it ran: that wake is stale.
                detail::unqueue(current_task());
            }
            if constexpr (std::is_void_v<result>) {
                return completed;
            } else {
                return completed ? std::optional<result>{op.await_resume()} : std::nullopt;
            }
        }
    };
    return awaiter{std::forward<Operation>(operation), sleep_for(d)};
}

}  // namespace rivet::async
