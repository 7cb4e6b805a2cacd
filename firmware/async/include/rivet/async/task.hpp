// rivet::task<T, Frames>: a coroutine whose frame comes from Frames, the
// static pool its declaration names (rivet/async/frames.hpp), never from a
// heap. A task<void, ...> is spawned on an executor; any task can be
// awaited by another (co_await child(...)), which runs it to its end and
// takes its result.
//
//   rivet::task<int, rivet::frames<"measure", 48>> measure();
//   rivet::task<void, rivet::frames<"report", 64>> report() {
//       const int value = co_await measure();
//       ...
//   }
#pragma once

#include <coroutine>
#include <cstddef>
#include <optional>
#include <type_traits>
#include <utility>

#include "rivet/async/executor.hpp"
#include "rivet/async/frames.hpp"

namespace rivet {

namespace async::detail {

// Where a finished task goes: a spawned one gives its frame back and
// returns to its executor; an awaited one resumes its awaiter.
struct final_awaiter {
    bool await_ready() const noexcept { return false; }
    template <class Promise>
    std::coroutine_handle<> await_suspend(std::coroutine_handle<Promise> self) noexcept {
        task_header& header = self.promise().header;
        if (header.owner != nullptr) {
            task_finished(header);
            self.destroy();
            return std::noop_coroutine();
        }
        const std::coroutine_handle<> awaiter = header.resume;
        current_task()->resume = awaiter;
        return awaiter;
    }
    void await_resume() const noexcept {}
};

template <class Frames>
struct promise_common {
    task_header header;

    [[gnu::always_inline]] static void* operator new(std::size_t bytes) noexcept {
        return Frames::allocate(bytes);
    }
    static void operator delete(void* frame, std::size_t) noexcept { Frames::release(frame); }

    std::suspend_always initial_suspend() const noexcept { return {}; }
    final_awaiter final_suspend() const noexcept { return {}; }
    void unhandled_exception() const noexcept {}  // firmware builds without exceptions
};

template <class T, class Frames>
struct promise : promise_common<Frames> {
    std::optional<T> result;
    template <class U>
    void return_value(U&& value) noexcept {
        result.emplace(std::forward<U>(value));
    }
    T take() noexcept { return std::move(*result); }
};
template <class Frames>
struct promise<void, Frames> : promise_common<Frames> {
    void return_void() const noexcept {}
    void take() const noexcept {}
};

[[noreturn]] void awaited_empty_task() noexcept;

}  // namespace async::detail

template <class T, class Frames>
class [[nodiscard]] task {
public:
    struct promise_type : async::detail::promise<T, Frames> {
        task get_return_object() noexcept {
            return task{std::coroutine_handle<promise_type>::from_promise(*this)};
        }
        static task get_return_object_on_allocation_failure() noexcept { return task{}; }
    };

    task() noexcept = default;
    task(task&& other) noexcept : handle_(std::exchange(other.handle_, nullptr)) {}
    task& operator=(task&& other) noexcept {
        if (this != &other) {
            if (handle_) handle_.destroy();
            handle_ = std::exchange(other.handle_, nullptr);
        }
        return *this;
    }
    ~task() {
        if (handle_) handle_.destroy();
    }

    // False when its pool had no free frame.
    explicit operator bool() const noexcept { return static_cast<bool>(handle_); }

    // Runs the task inside the awaiting one and gives its result.
    auto operator co_await() && noexcept {
        struct awaiter {
            std::coroutine_handle<promise_type> child;
            bool await_ready() const noexcept { return false; }
            std::coroutine_handle<> await_suspend(std::coroutine_handle<> parent) noexcept {
                if (!child) async::detail::awaited_empty_task();
                child.promise().header.resume = parent;
                async::current_task()->resume = child;
                return child;
            }
            T await_resume() noexcept { return child.promise().take(); }
        };
        return awaiter{handle_};
    }

    // For executor::spawn: hands the frame over to the executor.
    async::task_header* release_header() noexcept {
        static_assert(std::is_void_v<T>, "only a task<void, ...> can be spawned");
        if (!handle_) return nullptr;
        async::task_header& header = handle_.promise().header;
        header.resume = handle_;
        handle_ = nullptr;
        return &header;
    }

private:
    explicit task(std::coroutine_handle<promise_type> handle) noexcept : handle_(handle) {}
    std::coroutine_handle<promise_type> handle_;
};

// Re-queues the running task behind every task that is ready now.
struct yield_now {
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) const noexcept {
        async::wake(async::current_task());
    }
    void await_resume() const noexcept {}
};

using async::frames;

}  // namespace rivet
