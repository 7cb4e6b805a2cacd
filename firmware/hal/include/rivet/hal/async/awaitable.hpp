// What every async HAL interface shares: the shape of an awaitable operation
// (co_await gives the same result<T, E> the blocking call returns), and the
// two calls through which an interrupt-driven implementation parks and wakes
// the awaiting task without knowing the executor that runs it.
#pragma once

#include <concepts>
#include <coroutine>
#include <cstddef>
#include <optional>
#include <span>
#include <type_traits>
#include <utility>

namespace rivet::hal::async {

namespace detail {
template <class A>
decltype(auto) awaiter_of(A&& a) {
    if constexpr (requires { std::forward<A>(a).operator co_await(); }) {
        return std::forward<A>(a).operator co_await();
    } else {
        return std::forward<A>(a);
    }
}
}  // namespace detail

// A: what an operation returns; `co_await a` gives exactly R. Either an
// awaiter itself (await_ready/await_suspend/await_resume) or a type with a
// member operator co_await (a coroutine task).
template <class A, class R>
concept awaitable_of = requires(A a, std::coroutine_handle<> h) {
    { detail::awaiter_of(std::move(a)).await_ready() } -> std::convertible_to<bool>;
    detail::awaiter_of(std::move(a)).await_suspend(h);
    { detail::awaiter_of(std::move(a)).await_resume() } -> std::same_as<R>;
};

// An awaiter that keeps the N operations (spi::operation, i2c::operation) of
// a transaction itself, so that a helper such as i2c::write_read can return
// it by value: the implementation's awaiter, start(span of them), is made
// only when the task suspends, once this object sits where it stays (the
// coroutine frame), so the span never points into a moved-from copy.
template <class Operation, std::size_t N, class Start>
class owned_operations {
public:
    using inner = std::invoke_result_t<Start&, std::span<Operation>>;
    constexpr owned_operations(const Operation (&ops)[N], Start start) noexcept
        : start_(std::move(start)) {
        for (std::size_t i = 0; i < N; ++i) ops_[i] = ops[i];
    }
    owned_operations(const owned_operations&) = delete;

    bool await_ready() const noexcept { return false; }
    bool await_suspend(std::coroutine_handle<> handle) {
        inner_.emplace(start_(std::span<Operation>{ops_, N}));
        if (inner_->await_ready()) return false;
        if constexpr (std::is_void_v<decltype(inner_->await_suspend(handle))>) {
            inner_->await_suspend(handle);
            return true;
        } else {
            return inner_->await_suspend(handle);
        }
    }
    auto await_resume() { return inner_->await_resume(); }

private:
    Start start_;
    Operation ops_[N] = {};
    std::optional<inner> inner_;
};

// The executor's handle on a task, opaque here. The executor the firmware
// links defines the two calls (firmware/async does): a HAL depends on no
// executor, and an executor on no HAL.
struct task;
using waker = task*;

// The task being polled: what an awaiter records in await_suspend.
waker current_waker() noexcept;
// Makes the task ready to be polled again; callable from interrupt handlers.
// Wake a task only after its await_suspend has returned true (or is about
// to), never for an awaiter that did not suspend: a stale wake would resume
// the task wherever it waits next.
void wake(waker task) noexcept;

}  // namespace rivet::hal::async
