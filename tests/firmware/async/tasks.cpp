// Tasks and the thread executor: frames from static pools, a fair FIFO run
// queue, awaited tasks and their results, a full pool refusing a spawn, and
// run() ending when the last task has. Each step asserts what the tasks
// recorded, in order.
#include <rivet/async/executor.hpp>
#include <rivet/async/task.hpp>
#include <rivet/log/log.hpp>

#include "trace.hpp"

#include <array>
#include <cstddef>
#include <string_view>

using test::check;
using test::expect_trace;
using test::record;

namespace {

using worker_frames = rivet::frames<"worker", 64, 2>;
rivet::task<void, worker_frames> worker(char name, int rounds) {
    for (int i = 0; i < rounds; ++i) {
        record(name);
        co_await rivet::yield_now{};
    }
}

rivet::task<int, rivet::frames<"square", 64>> square(int x) {
    record('s');
    co_await rivet::yield_now{};
    co_return x* x;
}
rivet::task<int, rivet::frames<"sum_of_squares", 96>> sum_of_squares(int a, int b) {
    const int first = co_await square(a);
    const int second = co_await square(b);
    co_return first + second;
}
int result = 0;
rivet::task<void, rivet::frames<"parent", 96>> parent() {
    record('p');
    result = co_await sum_of_squares(3, 4);
    record('P');
}
rivet::task<void, rivet::frames<"other", 64>> other() {
    for (int i = 0; i < 3; ++i) {
        record('o');
        co_await rivet::yield_now{};
    }
}

}  // namespace

int main() {
    rivet::async::thread_executor executor;

    // Two workers and a third that finds the pool full.
    const bool a = executor.spawn(worker('a', 3));
    const bool b = executor.spawn(worker('b', 3));
    const bool c = executor.spawn(worker('c', 3));
    RIVET_INFO("spawned: {} {} {}", a, b, c);
    if (!a || !b || c) ++test::failures;
    executor.run();
    expect_trace("fair round robin", "ababab");
    if (worker_frames::record.in_use != 0 || worker_frames::record.peak != 2) {
        RIVET_ERROR("worker pool: {} in use, peak {}", worker_frames::record.in_use,
                    worker_frames::record.peak);
        ++test::failures;
    }

    // The frames came back: the pool serves again.
    if (!executor.spawn(worker('c', 2))) ++test::failures;
    executor.run();
    expect_trace("frames reused", "cc");

    // A task awaiting tasks, beside another: the awaited ones run inside
    // their awaiter's turn and yield in its place.
    executor.spawn(parent());
    executor.spawn(other());
    executor.run();
    expect_trace("awaited tasks", "psosoPo");
    RIVET_INFO("3^2 + 4^2 = {}", result);
    if (result != 25) ++test::failures;

    RIVET_INFO("frame of worker: {} of {} bytes", worker_frames::record.largest,
               static_cast<unsigned>(worker_frames::frame_bytes));
    if (test::failures != 0) return 1;
    RIVET_INFO("tasks ok");
    return 0;
}
