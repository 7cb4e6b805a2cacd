// What a consumer costs while it waits: the time driver's tick interrupt
// produces a sample every millisecond into a channel, and the consumer
// takes ten. Built twice from this file: as the blocking loop it replaces
// (RIVET_BENCH_BLOCKING: poll try_receive() until a sample is there) and as
// a task (co_await receive(): the executor sleeps in WFI). bench/async/
// run.sh counts the instructions between bench_begin() and bench_end()
// under -icount, where the ticks come at the same instruction counts.
#include "../hal/markers.hpp"

#include <rivet/async/executor.hpp>
#include <rivet/async/sync.hpp>
#include <rivet/async/task.hpp>
#include <rivet/async/time/board.hpp>
#include <rivet/cortex_m/interrupts.hpp>

#include <cstdint>

namespace async = rivet::async;
using time_driver = async::board_time_driver;

namespace {
constexpr std::uint32_t samples = 10;
async::channel<std::uint32_t, 4> produced;
std::uint32_t next_sample = 0;
void on_tick() {
    time_driver::on_interrupt();
    (void)produced.try_send(next_sample++);
}
volatile std::uint32_t sum = 0;

#if !RIVET_BENCH_BLOCKING
rivet::task<void, rivet::frames<"consumer", 96>> consumer() {
    for (std::uint32_t i = 0; i < samples; ++i) sum = sum + co_await produced.receive();
}
#endif
}  // namespace

RIVET_BIND_INTERRUPTS(rivet::cortex_m::bind<time_driver::irq, on_tick>);

int main() {
    time_driver::start();
    bench_begin();
#if RIVET_BENCH_BLOCKING
    for (std::uint32_t i = 0; i < samples; ++i) {
        std::optional<std::uint32_t> sample;
        while (!(sample = produced.try_receive())) {
        }
        sum = sum + *sample;
    }
#else
    async::thread_executor executor;
    executor.spawn(consumer());
    executor.run();
#endif
    bench_end();
    return sum == samples * (samples - 1) / 2 ? 0 : 1;
}
