// The costs of the async runtime, each stretch between the return from
// bench_begin() and the call of bench_end() (bench/hal/markers.hpp), counted
// by bench/async/run.sh in QEMU's instruction trace, in this order:
//   1. timer insert: arming a sleep among three armed timers;
//   2. interrupt -> woken task, wake(): SysTick's handler calls
//      rivet::async::wake() for a task parked on the idle thread executor,
//      up to the task's first statement after its co_await;
//   3. interrupt -> woken task, signal: the same through a signal<int>;
//   4. spawn: a handler spawns a task (frame from its pool, queued) up to
//      its first statement;
//   5. channel send -> receive: a task sends on a channel a task waits on
//      and yields, up to the receiver's first statement;
//   6. wake + poll, task to task: a task wakes a parked one and parks
//      itself, up to the woken task's first statement.
// The thread executor sleeps (WFI) while SysTick counts down.
#include "../hal/markers.hpp"

#include <rivet/async/executor.hpp>
#include <rivet/async/sync.hpp>
#include <rivet/async/task.hpp>
#include <rivet/async/time.hpp>
#include <rivet/cortex_m/interrupts.hpp>
#include <rivet/runtime/exit.hpp>

#include <cstdint>

#include RIVET_BENCH_BSP_HEADER

namespace async = rivet::async;
using bench_irq = rivet::bsp::RIVET_BENCH_BSP::irq;

namespace {

volatile std::uint32_t& reg(std::uint32_t address) {
    return *reinterpret_cast<volatile std::uint32_t*>(address);
}
constexpr std::uint32_t syst_csr = 0xE000'E010, syst_rvr = 0xE000'E014, syst_cvr = 0xE000'E018;
void fire_systick_soon() {
    reg(syst_rvr) = 0x00FF'FFFF;  // long enough for the task to wait, even traced
    reg(syst_cvr) = 0;
    reg(syst_csr) = 0b111;  // processor clock, interrupt, enabled
}

async::thread_executor executor;
async::signal<int> signalled;
async::channel<int, 2> numbers;
async::waker parked = nullptr;
async::waker bencher = nullptr;

// Suspends the task, leaving its waker in `slot`.
struct park {
    async::waker& slot;
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) noexcept { slot = async::current_task(); }
    void await_resume() const noexcept {}
};

rivet::task<void, rivet::frames<"spawned", 48>> spawned() {
    bench_end();
    async::wake(bencher);
    co_return;
}

enum class mode : std::uint8_t { wake, signal, spawn };
volatile mode what = mode::wake;
void on_systick() {
    bench_begin();
    reg(syst_csr) = 0;
    switch (what) {
        case mode::wake:
            async::wake(parked);
            break;
        case mode::signal:
            signalled(1);
            break;
        case mode::spawn:
            executor.spawn(spawned());
            break;
    }
}

rivet::task<void, rivet::frames<"receiver", 96>> receiver() {
    (void)co_await numbers.receive();
    bench_end();
    async::wake(bencher);
}

rivet::task<void, rivet::frames<"helper", 64>> helper() {
    co_await park{parked};
    bench_end();
    async::wake(bencher);
}

rivet::task<void, rivet::frames<"bench", 320>> bench() {
    {
        async::detail::timer_node others[3];
        for (std::uint64_t i = 0; i < 3; ++i) {
            others[i].deadline = 1'000'000 + i * 2;
            others[i].task = async::current_task();
            async::detail::arm(others[i]);
        }
        async::detail::timer_node node;
        node.deadline = 1'000'003;
        node.task = async::current_task();
        bench_begin();
        async::detail::arm(node);
        bench_end();
        async::detail::disarm(node);
        for (auto& other : others) async::detail::disarm(other);
    }

    what = mode::wake;
    fire_systick_soon();
    co_await park{parked};
    bench_end();

    what = mode::signal;
    fire_systick_soon();
    (void)co_await signalled.wait();
    bench_end();

    what = mode::spawn;
    fire_systick_soon();
    co_await park{bencher};

    executor.spawn(receiver());
    co_await rivet::yield_now{};  // the receiver waits now
    bench_begin();
    co_await numbers.send(1);
    co_await park{bencher};

    executor.spawn(helper());
    co_await rivet::yield_now{};  // the helper parks
    bench_begin();
    async::wake(parked);
    co_await park{bencher};
    rivet::exit(0);
}

}  // namespace

RIVET_BIND_INTERRUPTS(rivet::cortex_m::bind<bench_irq::sys_tick, on_systick>);

int main() {
    executor.spawn(bench());
    executor.run();
    return 1;
}
