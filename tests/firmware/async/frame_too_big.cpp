// A task whose coroutine frame is larger than the storage its rivet::frames
// reserves: the first call panics, naming the task and both sizes.
#include <rivet/async/executor.hpp>
#include <rivet/async/task.hpp>
#include <rivet/log/log.hpp>

namespace {
volatile int sink = 0;
rivet::task<void, rivet::frames<"too_big", 16>> too_big(int a, int b, int c, int d) {
    sink = a + b;
    co_await rivet::yield_now{};
    sink = c + d;
}
}  // namespace

int main() {
    rivet::async::thread_executor executor;
    executor.spawn(too_big(1, 2, 3, 4));
    executor.run();
    RIVET_ERROR("the oversized frame was not caught");
    return 1;
}
