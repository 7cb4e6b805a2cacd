// A producer and a consumer over a channel, under interrupt load: the
// producer is a task of an interrupt executor (priority 2) that makes a
// sample every millisecond; a noise task of a more urgent executor
// (priority 1) burns time every millisecond, preempting everything below;
// the consumer, in thread mode, takes the samples through a channel of 4
// and checks that none was lost or reordered. While it waits, the core
// sleeps: compare examples/async/blocking_loop.cpp, the same as one loop.
#include "parts.hpp"

#include <rivet/async/executor.hpp>
#include <rivet/async/interrupt_executor.hpp>
#include <rivet/async/sync.hpp>
#include <rivet/async/task.hpp>
#include <rivet/async/time.hpp>
#include <rivet/async/time/board.hpp>
#include <rivet/cortex_m/interrupts.hpp>
#include <rivet/log/log.hpp>
#include <rivet/runtime/exit.hpp>

#include <chrono>
#include <cstdint>

using namespace std::chrono_literals;
namespace async = rivet::async;
using time_driver = async::board_time_driver;
using producers = async::interrupt_executor<parts::spare::low, 2>;
using noise = async::interrupt_executor<parts::spare::high, 1>;

RIVET_BIND_INTERRUPTS(time_driver::binding, producers::binding, noise::binding);

namespace {

constexpr std::uint32_t samples = 100;
async::channel<std::uint32_t, 4> channel;
volatile bool finished = false;
volatile std::uint32_t noise_rounds = 0;

rivet::task<void, rivet::frames<"producer", 160>> producer() {
    async::ticker every{1ms};
    for (std::uint32_t i = 0; i < samples; ++i) {
        co_await every.next();
        co_await channel.send(i);
    }
}

rivet::task<void, rivet::frames<"noise", 128>> noise_maker() {
    while (!finished) {
        co_await async::sleep_for(1ms);
        for (int i = 0; i < 200; ++i) asm volatile("" ::: "memory");
        noise_rounds = noise_rounds + 1;
    }
}

rivet::task<void, rivet::frames<"consumer", 128>> consumer() {
    std::uint32_t expected = 0;
    std::uint64_t sum = 0;
    for (std::uint32_t n = 0; n < samples; ++n) {
        const std::uint32_t value = co_await channel.receive();
        if (value != expected) {
            RIVET_ERROR("sample {} arrived where {} was expected", value, expected);
            rivet::exit(1);
        }
        ++expected;
        sum += value;
    }
    finished = true;
    RIVET_INFO("consumer: {} samples in order, sum {}", expected, sum);
}

}  // namespace

int main() {
    time_driver::start();
    producers::start();
    noise::start();
    noise::spawn(noise_maker());
    producers::spawn(producer());
    async::thread_executor executor;
    executor.spawn(consumer());
    executor.run();
    RIVET_INFO("noise ran {} times meanwhile", static_cast<std::uint32_t>(noise_rounds));
    return noise_rounds >= samples - 1 ? 0 : 1;
}
