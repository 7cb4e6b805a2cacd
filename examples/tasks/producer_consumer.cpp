// examples/async/producer_consumer.cpp as SRP tasks: a producer (a software
// task, priority 2) makes a sample every millisecond and spawns the consumer
// (priority 1) with it, through a queue of 4; a noise task (priority 3)
// burns time every millisecond, preempting both; the consumer checks that
// no sample was lost or reordered. The producer and the noise task spawn
// themselves again at fixed deadlines (spawn_at, no drift) on the async
// runtime's clock; idle sleeps meanwhile. BENCHMARKS.md sets the flash and
// RAM of the two beside each other.
#include "../async/parts.hpp"

#include <rivet/async/time.hpp>
#include <rivet/async/time/board.hpp>
#include <rivet/cortex_m/interrupts.hpp>
#include <rivet/log/log.hpp>
#include <rivet/runtime/exit.hpp>
#include <rivet/tasks/app.hpp>

#include <chrono>
#include <cstdint>

using namespace std::chrono_literals;
namespace tasks = rivet::tasks;
using time_driver = rivet::async::board_time_driver;
using time_point = rivet::async::clock::time_point;

namespace {
constexpr std::uint32_t samples = 100;
volatile bool finished = false;
}  // namespace

struct progress_state {
    std::uint32_t expected = 0;
    std::uint64_t sum = 0;
};
struct progress : tasks::local<progress_state> {};
struct noise_rounds : tasks::shared<std::uint32_t> {};  // noise and idle

struct consumer : tasks::software_task<1, 4, tasks::uses<progress>> {
    static void run(auto cx, std::uint32_t value) {
        progress_state& p = cx.local(progress{});
        if (value != p.expected) {
            RIVET_ERROR("sample {} arrived where {} was expected", value, p.expected);
            rivet::exit(1);
        }
        ++p.expected;
        p.sum += value;
        if (p.expected == samples) {
            finished = true;
            RIVET_INFO("consumer: {} samples in order, sum {}", p.expected, p.sum);
        }
    }
};

struct producer : tasks::software_task<2> {
    static void run(auto cx, std::uint32_t sample, time_point at) {
        if (tasks::spawn<consumer>(cx, sample) != tasks::spawn_result::ok) {
            RIVET_ERROR("the consumer's queue is full at sample {}", sample);
            rivet::exit(1);
        }
        if (sample + 1 < samples) (void)tasks::spawn_at<producer>(cx, at + 1ms, sample + 1, at + 1ms);
    }
};

struct noise : tasks::software_task<3, 1, tasks::uses<noise_rounds>> {
    static void run(auto cx, time_point at) {
        for (int i = 0; i < 200; ++i) asm volatile("" ::: "memory");
        cx.lock(noise_rounds{}, [](std::uint32_t& n) { ++n; });
        if (!finished) (void)tasks::spawn_at<noise>(cx, at + 1ms, at + 1ms);
    }
};

struct idle : tasks::idle_task<tasks::uses<noise_rounds>> {
    static int run(auto cx) {
        while (!finished) asm volatile("wfi" ::: "memory");
        const std::uint32_t rounds = cx.lock(noise_rounds{}, [](std::uint32_t& n) { return n; });
        RIVET_INFO("noise ran {} times meanwhile", rounds);
        return rounds >= samples - 1 ? 0 : 1;
    }
};

using app = tasks::app<parts::board::irq,
                       tasks::dispatchers<parts::spare::low, parts::spare::high, parts::spare::third>,
                       consumer, producer, noise, idle>;
RIVET_BIND_INTERRUPTS(app::bindings, time_driver::binding);

int main() {
    time_driver::start();
    app::start();
    const time_point first = rivet::async::clock::now() + 1ms;
    (void)app::spawn_at<producer>(first, 0u, first);
    (void)app::spawn_at<noise>(first, first);
    return app::idle();
}
