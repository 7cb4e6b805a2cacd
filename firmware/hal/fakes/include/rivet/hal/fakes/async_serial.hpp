// An async serial port for host tests: the loopback of serial.hpp behind
// awaitables. Data already there completes an operation at once
// (await_ready); a read() of an empty loopback suspends its coroutine until
// the test calls deliver(), which fills the loopback and resumes the
// reader, as a receive interrupt would wake a task. `started` is the fake's
// own coroutine type: it runs when called and keeps its result, so a test
// drives coroutines without an executor (host tests may use the heap).
#pragma once

#include <coroutine>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <optional>
#include <span>
#include <utility>

#include "rivet/hal/fakes/serial.hpp"
#include "rivet/hal/async/serial.hpp"

namespace rivet::hal::fakes {

template <class T>
class started {
public:
    struct promise_type {
        std::optional<T> value;
        started get_return_object() {
            return started{std::coroutine_handle<promise_type>::from_promise(*this)};
        }
        std::suspend_never initial_suspend() noexcept { return {}; }
        std::suspend_always final_suspend() noexcept { return {}; }
        void return_value(T v) { value.emplace(std::move(v)); }
        void unhandled_exception() { std::terminate(); }
    };
    started(started&& other) noexcept : handle_(std::exchange(other.handle_, {})) {}
    ~started() {
        if (handle_) handle_.destroy();
    }
    bool done() const { return handle_.done(); }
    const T& value() const { return *handle_.promise().value; }

private:
    explicit started(std::coroutine_handle<promise_type> h) : handle_(h) {}
    std::coroutine_handle<promise_type> handle_;
};

template <class R>
struct ready_awaiter {
    R value;
    bool await_ready() const noexcept { return true; }
    void await_suspend(std::coroutine_handle<>) const noexcept {}
    R await_resume() const noexcept { return value; }
};

class async_serial_loopback {
public:
    using error_type = serial::error_kind;

    explicit async_serial_loopback(std::size_t max_per_call = serial_loopback::capacity)
        : port_(max_per_call) {}

    auto write(std::span<const std::uint8_t> bytes) {
        return ready_awaiter<result<std::size_t, error_type>>{port_.write(bytes)};
    }
    auto flush() { return ready_awaiter<result<void, error_type>>{port_.flush()}; }

    auto read(std::span<std::uint8_t> into) {
        struct awaiter {
            async_serial_loopback& self;
            std::span<std::uint8_t> into;
            bool await_ready() const noexcept { return self.port_.buffered() > 0 || into.empty(); }
            void await_suspend(std::coroutine_handle<> task) noexcept { self.waiting_ = task; }
            result<std::size_t, error_type> await_resume() noexcept {
                ++self.reads_;
                return self.port_.read(into);
            }
        };
        return awaiter{*this, into};
    }

    // Bytes arrive: a waiting reader is resumed (the interrupt's wake).
    void deliver(std::span<const std::uint8_t> bytes) {
        while (!bytes.empty()) {
            auto taken = port_.write(bytes);
            if (!taken || *taken == 0) break;  // the loopback is full: the rest is lost
            bytes = bytes.subspan(*taken);
        }
        if (auto task = std::exchange(waiting_, {})) task.resume();
    }
    bool reader_waiting() const { return static_cast<bool>(waiting_); }
    std::size_t reads() const { return reads_; }
    std::size_t buffered() const { return port_.buffered(); }

private:
    serial_loopback port_;
    std::coroutine_handle<> waiting_;
    std::size_t reads_ = 0;
};

static_assert(async::serial_read<async_serial_loopback> &&
              async::serial_write<async_serial_loopback>);

}  // namespace rivet::hal::fakes
