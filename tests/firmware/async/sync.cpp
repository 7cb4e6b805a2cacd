// The synchronisation primitives between tasks and from an interrupt
// handler (RIVET_TEST_IRQ, a device interrupt only software raises):
// channel (two producers, two consumers, a full buffer), signal,
// with_timeout (both outcomes, exact ticks under -icount, no stale wake),
// mutex, semaphore and pub/sub. Each step asserts what the tasks saw.
#include "board.hpp"

#include <rivet/async/executor.hpp>
#include <rivet/async/sync.hpp>
#include <rivet/async/task.hpp>
#include <rivet/async/time.hpp>
#include <rivet/cortex_m/nvic.hpp>
#include <rivet/log/log.hpp>

#include "trace.hpp"

#include <array>
#include <chrono>
#include <cstdint>
#include <string_view>

using namespace std::chrono_literals;
namespace async = rivet::async;
namespace nvic = rivet::cortex_m::nvic;
constexpr auto test_irq = board::irq::RIVET_TEST_IRQ;

using test::check;
using test::expect_trace;
using test::record;

namespace {

// The interrupt handler does what the step asks of it.
async::signal<int> from_irq;
async::channel<int, 4> irq_channel;
async::semaphore permits{0};
volatile int irq_action = 0;
void on_irq() {
    if (irq_action == 1) from_irq(42);
    if (irq_action == 2) (void)irq_channel.try_send(7);
    if (irq_action == 3) permits.release(2);
}

// Channel: two producers of 5 values each (producer p sends p*100 + i)
// through a buffer of 2 to two consumers.
async::channel<int, 2> numbers;
std::array<int, 2> last_seen{-1, -1};
int received = 0;
bool in_order = true;
rivet::task<void, rivet::frames<"producer", 128, 2>> producer(int p) {
    for (int i = 0; i < 5; ++i) co_await numbers.send(p * 100 + i);
}
rivet::task<void, rivet::frames<"consumer", 128, 2>> consumer(int n) {
    for (int i = 0; i < n; ++i) {
        const int value = co_await numbers.receive();
        const int p = value / 100;
        if (value % 100 <= last_seen[p]) in_order = false;
        last_seen[p] = value % 100;
        ++received;
        co_await rivet::yield_now{};  // let the producers fill the buffer
    }
}

// Signal from the interrupt; with_timeout both ways.
rivet::task<void, rivet::frames<"waiter", 384>> waiter() {
    const int value = co_await from_irq.wait();
    check(value == 42, "signal from an interrupt");
    RIVET_INFO("signal from an interrupt: {}", value);

    std::uint64_t start = async::detail::now_ticks();
    const auto nothing = co_await async::with_timeout(5ms, from_irq.wait());
    const std::uint64_t waited = async::detail::now_ticks() - start;
    RIVET_INFO("with_timeout, no signal: timed out {} after {} ticks", !nothing.has_value(),
               waited);
    check(!nothing && waited == 5, "with_timeout times out after 5 ticks");

    irq_action = 2;
    nvic::pend<test_irq>();
    const auto got = co_await async::with_timeout(5ms, irq_channel.receive());
    check(got && *got == 7, "with_timeout gets the value");
    // The timer was disarmed: this sleep ends at its own deadline.
    start = async::detail::now_ticks();
    co_await async::sleep_for(10ms);
    check(async::detail::now_ticks() - start == 10, "no stale wake after with_timeout");
    RIVET_INFO("with_timeout, value: {}", got ? *got : -1);
}
rivet::task<void, rivet::frames<"raiser", 64>> raiser() {
    irq_action = 1;
    nvic::pend<test_irq>();
    co_return;
}

// Mutex: each holder yields inside; nobody else gets in.
async::mutex lock;
rivet::task<void, rivet::frames<"locker", 128, 2>> locker(char name) {
    for (int i = 0; i < 2; ++i) {
        auto held = co_await lock.lock();
        record(name);
        co_await rivet::yield_now{};
        record(static_cast<char>(name - 'A' + 'a'));
    }
}

// Semaphore: two permits wanted at once, released one at a time.
rivet::task<void, rivet::frames<"acquirer", 128>> acquirer() {
    record('w');
    co_await permits.acquire(2);
    record('g');
    co_await permits.acquire(2);  // from the interrupt
    record('i');
}
rivet::task<void, rivet::frames<"releaser", 96>> releaser() {
    permits.release(1);
    record('1');
    co_await rivet::yield_now{};
    permits.release(1);
    record('2');
    co_await rivet::yield_now{};
    irq_action = 3;
    nvic::pend<test_irq>();
}

// Pub/sub: a reader that keeps up and one that falls behind.
async::pubsub<int, 2> news;
rivet::task<void, rivet::frames<"reader", 128>> reader() {
    auto sub = news.subscribe();
    int sum = 0;
    for (int i = 0; i < 3; ++i) sum += co_await sub.next();
    RIVET_INFO("pubsub reader: sum {}", sum);
    check(sum == 1 + 2 + 3, "the reader gets every message");
}
rivet::task<void, rivet::frames<"writer", 128>> writer() {
    auto late = news.subscribe();
    for (int i = 1; i <= 3; ++i) {
        news.publish(i);
        co_await rivet::yield_now{};
    }
    const int first = co_await late.next();
    RIVET_INFO("pubsub late reader: first {}, lost {}", first, late.lost());
    check(first == 2 && late.lost() == 1, "the late subscriber lost the oldest");
}

}  // namespace

RIVET_BIND_INTERRUPTS(time_driver::binding, rivet::cortex_m::bind<test_irq, on_irq>);

int main() {
    time_driver::start();
    nvic::enable<test_irq>();
    async::thread_executor executor;

    executor.spawn(consumer(5));
    executor.spawn(consumer(5));
    executor.spawn(producer(0));
    executor.spawn(producer(1));
    executor.run();
    RIVET_INFO("channel: {} received, in order {}, last {} {}", received, in_order, last_seen[0],
               last_seen[1]);
    check(received == 10 && in_order && last_seen[0] == 4 && last_seen[1] == 4, "channel");

    executor.spawn(waiter());
    executor.spawn(raiser());
    executor.run();

    executor.spawn(locker('A'));
    executor.spawn(locker('B'));
    executor.run();
    expect_trace("mutex", "AaBbAaBb");

    executor.spawn(acquirer());
    executor.spawn(releaser());
    executor.run();
    expect_trace("semaphore", "w12gi");

    executor.spawn(reader());
    executor.spawn(writer());
    executor.run();

    if (test::failures != 0) return 1;
    RIVET_INFO("sync ok");
    return 0;
}
