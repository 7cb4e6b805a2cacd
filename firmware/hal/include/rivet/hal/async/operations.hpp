// Awaiters that keep the operation descriptions of a bus transaction
// (spi::operation, i2c::operation) themselves, so that the async helpers
// (async::i2c::write_read, async::spi::write...) can return them by value.
#pragma once

#include <coroutine>
#include <cstddef>
#include <optional>
#include <span>
#include <type_traits>
#include <utility>

namespace rivet::hal::async {

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

}  // namespace rivet::hal::async
