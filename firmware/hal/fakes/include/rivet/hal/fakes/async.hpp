// Async twins of the fakes, for host tests of async drivers and helpers: an
// async bus parks each transaction until the test completes it (what an
// interrupt does on a chip), then runs it on the blocking fake behind it and
// resumes the awaiting coroutine (what an executor does after the wake),
// counting the wakes.
#pragma once

#include <coroutine>
#include <cstddef>
#include <optional>
#include <span>

#include "rivet/hal/async/basics.hpp"
#include "rivet/hal/i2c.hpp"
#include "rivet/hal/spi.hpp"

namespace rivet::hal::fakes {

// A coroutine a test runs to its first suspension and resumes by hand.
template <class T>
struct fake_task {
    struct promise_type {
        std::optional<T> value;
        fake_task get_return_object() {
            return {std::coroutine_handle<promise_type>::from_promise(*this)};
        }
        std::suspend_never initial_suspend() noexcept { return {}; }
        std::suspend_always final_suspend() noexcept { return {}; }
        void return_value(T v) { value = v; }
        void unhandled_exception() {}
    };
    std::coroutine_handle<promise_type> handle;
    fake_task(std::coroutine_handle<promise_type> h) : handle(h) {}
    fake_task(const fake_task&) = delete;
    ~fake_task() { handle.destroy(); }
    bool done() const { return handle.done(); }
    const T& value() const { return *handle.promise().value; }
};

// How many times the async fakes woke (resumed) their task.
struct fake_executor {
    static inline std::size_t wakes = 0;
};

// The awaiter an async fake returns: parks until complete() runs `work`.
template <class Work, class Result>
class parked {
public:
    explicit parked(Work work) : work_(work) {}
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<> handle) {
        handle_ = handle;
        pending_ = this;
    }
    Result await_resume() { return *result_; }

    // Runs the parked operation (an "interrupt"), wakes its task and
    // resumes it (what the executor does after the wake).
    static bool complete() {
        parked* p = pending_;
        if (p == nullptr) return false;
        pending_ = nullptr;
        p->result_.emplace(p->work_());
        ++fake_executor::wakes;
        p->handle_.resume();
        return true;
    }

private:
    static inline parked* pending_ = nullptr;
    Work work_;
    std::optional<Result> result_;
    std::coroutine_handle<> handle_;
};

// An async i2c_bus over a blocking fake bus.
template <class Blocking>
class async_i2c {
    struct work {
        Blocking* bus;
        i2c::address target;
        std::span<i2c::operation> operations;
        auto operator()() const { return bus->transaction(target, operations); }
    };

public:
    using error_type = error_type_t<Blocking>;
    using awaiter = parked<work, result<void, error_type>>;
    explicit async_i2c(Blocking& bus) : bus_(&bus) {}
    awaiter transaction(i2c::address target, std::span<i2c::operation> operations) {
        return awaiter{work{bus_, target, operations}};
    }
    // Ends the parked transaction: false when none was parked.
    static bool complete() { return awaiter::complete(); }

private:
    Blocking* bus_;
};

}  // namespace rivet::hal::fakes
