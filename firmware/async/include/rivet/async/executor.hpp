// Executors: run queues of tasks, polled in first-in first-out order.
//
// A task is a coroutine whose frame begins with a task_header (16 bytes:
// the run-queue link, where to resume it, its executor, its state). Its
// waker is one word, the header's address: waking appends the task to its
// executor's queue unless it is queued already, so a task is never polled
// twice while another ready task waits.
//
//   rivet::async::thread_executor executor;   // main(): runs until no task is left
//   executor.spawn(blink(100));
//   executor.run();
#pragma once

#include <coroutine>
#include <cstdint>

namespace rivet::async {

class executor;

struct task_header {
    task_header* next = nullptr;     // the run queue
    std::coroutine_handle<> resume;  // innermost suspended coroutine (or, nested: the awaiter)
    executor* owner = nullptr;       // null for a task awaited by another
    std::uint8_t state = 0;
};
// On the 32-bit targets; host tests of the drivers build it with 64-bit pointers.
static_assert(sizeof(void*) != 4 || sizeof(task_header) == 16,
              "the per-task overhead the README documents");

// What a leaf future keeps to wake the task that waits on it.
using waker = task_header*;

// Makes `task` ready: appends it to its executor's run queue (once), and
// tells the executor (an interrupt executor pends its interrupt). Callable
// from any task and any interrupt.
void wake(waker task) noexcept;

// The task being polled (the innermost executor's, when executors nest).
waker current_task() noexcept;

namespace detail {
inline constexpr std::uint8_t queued = 1;
inline constexpr std::uint8_t done = 2;
void task_finished(task_header& header) noexcept;
// Takes `task` off its run queue if a stale wake put it there (with_timeout).
void unqueue(task_header* task) noexcept;
}  // namespace detail

class executor {
public:
    using notify_fn = void (*)();
    constexpr explicit executor(notify_fn notify = nullptr) : notify_(notify) {}
    executor(const executor&) = delete;
    executor& operator=(const executor&) = delete;

    // Takes a task (rivet::task<void, ...>) and queues it. False when the
    // task is empty: its pool had no free frame.
    template <class Task>
    bool spawn(Task&& task) noexcept {
        task_header* header = task.release_header();
        if (header == nullptr) return false;
        adopt(*header);
        return true;
    }

    // Polls every ready task until the queue is empty.
    void poll_all() noexcept;

    // Tasks spawned here that have not finished.
    [[nodiscard]] std::uint32_t live() const noexcept { return live_; }

private:
    friend void wake(waker) noexcept;
    friend void detail::task_finished(task_header&) noexcept;
    friend void detail::unqueue(task_header*) noexcept;
    void adopt(task_header& header) noexcept;

    task_header* head_ = nullptr;
    task_header* tail_ = nullptr;
    notify_fn notify_;
    volatile std::uint32_t live_ = 0;

protected:
    [[nodiscard]] bool idle() const noexcept { return head_ == nullptr; }
};

// The executor of thread mode: run() polls its tasks and sleeps (WFI) when
// none is ready, until every task it was given has finished.
class thread_executor : public executor {
public:
    constexpr thread_executor() = default;
    void run() noexcept;
};

}  // namespace rivet::async
