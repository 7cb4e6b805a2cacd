// Time for tasks: a 64-bit monotonic tick count kept by a time driver (one
// hardware timer interrupting at tick_hz), sleeps and tickers.
//
//   using namespace std::chrono_literals;
//   co_await rivet::async::sleep_for(10ms);
//   rivet::async::ticker every{100ms};
//   for (;;) { co_await every.next(); ... }
//
// The tick rate is chosen when building: -DRIVET_ASYNC_TICK_HZ=... (1000 by
// default). A time driver for each chip is in rivet/async/time/<chip>.hpp.
#pragma once

#include <chrono>
#include <coroutine>
#include <cstdint>

#include "rivet/async/executor.hpp"

#ifndef RIVET_ASYNC_TICK_HZ
#define RIVET_ASYNC_TICK_HZ 1000
#endif

namespace rivet::async {

inline constexpr std::uint32_t tick_hz = RIVET_ASYNC_TICK_HZ;
static_assert(tick_hz >= 1 && tick_hz <= 1'000'000, "RIVET_ASYNC_TICK_HZ: 1 Hz to 1 MHz");

// The clock the time driver keeps: ticks since the driver started.
struct clock {
    using rep = std::int64_t;
    using period = std::ratio<1, tick_hz>;
    using duration = std::chrono::duration<rep, period>;
    using time_point = std::chrono::time_point<clock>;
    static constexpr bool is_steady = true;
    static time_point now() noexcept;
};

// Whole ticks in d, rounded up (a sleep is never shorter than asked in ticks).
template <class Rep, class Period>
constexpr clock::duration to_ticks(std::chrono::duration<Rep, Period> d) noexcept {
    return std::chrono::ceil<clock::duration>(d);
}

namespace detail {

// A waiting task in the timer queue (a list sorted by deadline, equal
// deadlines first-come first-served), kept in the waiting coroutine's frame.
// When it is due, `task` is woken, or, if set, on_due is called instead (in
// the tick's critical section: the SRP framework's delayed spawns,
// firmware/tasks). 24 bytes, the deadline first so that nothing is padding.
struct timer_node {
    std::uint64_t deadline = 0;
    timer_node* next = nullptr;
    waker task = nullptr;
    void (*on_due)(timer_node&) = nullptr;
    bool armed = false;
};
static_assert(sizeof(timer_node) == 24, "the size a waiting sleep costs (README)");
void arm(timer_node& node) noexcept;
void disarm(timer_node& node) noexcept;
std::uint64_t now_ticks() noexcept;
// For tests of the 64-bit count: moves the clock (no timer may be armed).
void set_now(std::uint64_t ticks) noexcept;

}  // namespace detail

// Called by the time driver's interrupt once per tick: counts it and wakes
// the tasks whose deadline has come.
void tick() noexcept;

// co_await sleep_until(t): resumes at the first tick at or after t.
class [[nodiscard]] sleep_until {
public:
    explicit sleep_until(clock::time_point when) noexcept {
        node_.deadline = static_cast<std::uint64_t>(when.time_since_epoch().count());
    }
    sleep_until(const sleep_until&) = delete;
    sleep_until& operator=(const sleep_until&) = delete;
    ~sleep_until() { detail::disarm(node_); }

    bool await_ready() const noexcept { return node_.deadline <= detail::now_ticks(); }
    void await_suspend(std::coroutine_handle<>) noexcept {
        node_.task = current_task();
        detail::arm(node_);
    }
    void await_resume() const noexcept {}

    // For with_timeout: arms the timer for `task` without suspending.
    void arm_for(waker task) noexcept {
        node_.task = task;
        detail::arm(node_);
    }
    void disarm() noexcept { detail::disarm(node_); }
    [[nodiscard]] bool expired() const noexcept { return node_.deadline <= detail::now_ticks(); }

private:
    detail::timer_node node_;
};

// co_await sleep_for(d): d ticks from now (rounded up to ticks). The count
// starts at the current tick, so the wait can be up to one tick shorter
// than d in real time, as the tick already begun counts whole.
template <class Rep, class Period>
sleep_until sleep_for(std::chrono::duration<Rep, Period> d) noexcept {
    return sleep_until{clock::now() + to_ticks(d)};
}

// Deadlines a fixed period apart: a slow iteration does not shift the
// later ones (no drift), a missed one comes at once.
class ticker {
public:
    template <class Rep, class Period>
    explicit ticker(std::chrono::duration<Rep, Period> period) noexcept
        : period_(to_ticks(period)), next_(clock::now() + period_) {}
    sleep_until next() noexcept {
        const clock::time_point when = next_;
        next_ += period_;
        return sleep_until{when};
    }

private:
    clock::duration period_;
    clock::time_point next_;
};

}  // namespace rivet::async
