// The SRP task framework (firmware/tasks) on a real (emulated) core, under
// -icount: hardware tasks at priorities 1, 2 and 3 (low, mid, high) on
// interrupts nothing else raises, software tasks at 1 and 3, an async task
// at 2, each priority of software tasks on a dispatcher of its own. Idle
// (thread mode) pends low or high for each step, and each step asserts the
// trace the tasks leave, so the order of preemption is checked exactly:
// what a lock keeps out and lets in at its end, nested locks, spawns up and
// down, a full queue, spawn_after and an async task's sleep in ticks, and a
// priority inversion that a naive mutex cannot get out of.
#include "../async/board.hpp"
#include "../async/trace.hpp"

#include <rivet/async/task.hpp>
#include <rivet/async/time.hpp>
#include <rivet/cortex_m/nvic.hpp>
#include <rivet/log/log.hpp>
#include <rivet/tasks/app.hpp>

#include <chrono>
#include <cstdint>

using namespace std::chrono_literals;
namespace tasks = rivet::tasks;
namespace nvic = rivet::cortex_m::nvic;
namespace async = rivet::async;
using irq = board::irq;
using test::expect_trace;
using test::record;

namespace {

constexpr irq low_line = irq::RIVET_TEST_LINE0;
constexpr irq mid_line = irq::RIVET_TEST_LINE1;
constexpr irq high_line = irq::RIVET_TEST_LINE2;

enum class step : std::uint8_t { preempt, lock, nested, spawn_up, spawn_down, naive_mutex, srp };
volatile step current = step::preempt;

// What the time steps measured, in ticks.
volatile std::int64_t spawned_at = 0, delayed_ran_at = 0, slept_ticks = -1;
volatile bool sleeper_done = false, delayed_done = false;

// The naive mutex of the inversion step: a flag taken and given back.
volatile bool naive_taken = false;

}  // namespace

struct shared_high : tasks::shared<std::uint32_t> {};  // low, high: ceiling 3
struct shared_mid : tasks::shared<std::uint32_t> {};   // low, mid, sleeper: ceiling 2

struct soft_high;
struct soft_low;
struct soft_low_other;

struct low : tasks::hardware_task<low_line, 1, tasks::uses<shared_high, shared_mid>> {
    static void run(auto cx) {
        record('L');
        switch (current) {
            case step::preempt:
                nvic::pend<high_line>();  // more urgent: runs before this line ends
                break;
            case step::lock:
            case step::srp:
                cx.lock(shared_high{}, [](std::uint32_t& value) {
                    record('(');
                    nvic::pend<high_line>();  // uses the resource: waits for the unlock
                    nvic::pend<mid_line>();   // below the ceiling: waits too
                    value += 1;
                    record(')');
                });
                break;
            case step::nested:
                cx.lock(shared_mid{}, [&](std::uint32_t&) {
                    record('(');
                    cx.lock(shared_high{}, [](std::uint32_t&) {
                        record('<');
                        nvic::pend<high_line>();
                        nvic::pend<mid_line>();
                        record('>');
                    });  // back to ceiling 2: high runs, mid still waits
                    record(')');
                });
                break;
            case step::spawn_up:
                if (tasks::spawn<soft_high>(cx, 'S') != tasks::spawn_result::ok) record('!');
                break;
            case step::naive_mutex:
                naive_taken = true;
                nvic::pend<high_line>();  // high waits for the flag, and this never runs
                naive_taken = false;
                break;
            case step::spawn_down:
                break;
        }
        record('l');
    }
};

struct mid : tasks::hardware_task<mid_line, 2, tasks::uses<shared_mid>> {
    static void run(auto cx) {
        cx.lock(shared_mid{}, [](std::uint32_t& value) { value += 1; });  // ceiling 2: no lock
        record('M');
    }
};

struct high : tasks::hardware_task<high_line, 3, tasks::uses<shared_high>> {
    static void run(auto cx) {
        switch (current) {
            case step::naive_mutex: {
                // Spins for the flag; a real mutex would spin (or sleep) for
                // ever, since its holder cannot run below this task.
                std::uint32_t spins = 0;
                while (naive_taken && spins < 20'000) spins = spins + 1;
                record(naive_taken ? 'X' : 'H');
                return;
            }
            case step::spawn_down: {
                record('H');
                // Less urgent: they wait for this task, and run in the order spawned.
                auto ok = [](tasks::spawn_result r) { return r == tasks::spawn_result::ok; };
                const bool queued = ok(tasks::spawn<soft_low>(cx, 'a')) &&
                                    ok(tasks::spawn<soft_low_other>(cx, 'x')) &&
                                    ok(tasks::spawn<soft_low>(cx, 'b'));
                if (!queued) record('!');
                if (tasks::spawn<soft_low>(cx, 'c') == tasks::spawn_result::full) record('F');
                record('h');
                return;
            }
            default:
                cx.lock(shared_high{}, [](std::uint32_t& value) { value += 1; });
                record('H');
        }
    }
};

struct soft_high : tasks::software_task<3> {
    static void run(auto, char tag) { record(tag); }
};

// Capacity 2: a third spawn while two wait is refused.
struct soft_low : tasks::software_task<1, 2> {
    static void run(auto, char tag) {
        record(tag);
        if (tag == 'd') {
            delayed_ran_at = async::clock::now().time_since_epoch().count();
            delayed_done = true;
        }
    }
};
struct soft_low_other : tasks::software_task<1> {
    static void run(auto, char tag) { record(tag); }
};

struct sleeper : tasks::async_task<2, tasks::uses<shared_mid>> {
    static rivet::task<void, rivet::frames<"sleeper", 192>> run(auto cx, char tag) {
        record(tag);
        const auto start = async::clock::now();
        co_await async::sleep_for(2ms);
        cx.lock(shared_mid{}, [](std::uint32_t& value) { value += 1; });
        slept_ticks = (async::clock::now() - start).count();
        record('w');
        sleeper_done = true;
    }
};

struct idle : tasks::idle_task<tasks::uses<shared_high, shared_mid>> {
    static int run(auto cx) {
        auto trigger = [](step s, auto line) {
            current = s;
            nvic::pend<decltype(line)::value>();  // returns once every task it set off is done
        };
        using low_irq = std::integral_constant<irq, low_line>;
        using high_irq = std::integral_constant<irq, high_line>;

        trigger(step::preempt, low_irq{});
        expect_trace("high preempts low", "LHl");
        trigger(step::lock, low_irq{});
        expect_trace("lock keeps out high and mid until the unlock", "L()HMl");
        trigger(step::nested, low_irq{});
        expect_trace("nested locks: high at the inner unlock, mid at the outer", "L(<>H)Ml");
        trigger(step::spawn_up, low_irq{});
        expect_trace("spawn of a more urgent software task", "LSl");
        trigger(step::spawn_down, high_irq{});
        expect_trace("spawns of less urgent ones, in order, the third refused", "HFhaxb");

        trigger(step::naive_mutex, low_irq{});
        expect_trace("priority inversion, naive mutex: high gives up", "LXl");
        trigger(step::srp, low_irq{});
        expect_trace("priority inversion, SRP: high runs at the unlock, then mid", "L()HMl");

        // On the async runtime's clock.
        if (tasks::spawn<sleeper>(cx, 's') != tasks::spawn_result::ok) record('!');
        spawned_at = async::clock::now().time_since_epoch().count();
        if (tasks::spawn_after<soft_low>(cx, 3ms, 'd') != tasks::spawn_result::ok) record('!');
        while (!sleeper_done || !delayed_done) {
            asm volatile("wfi" ::: "memory");
        }
        expect_trace("async sleep 2 ms, spawn_after 3 ms", "swd");
        RIVET_INFO("async task slept {} ticks, spawn_after ran {} ticks later", slept_ticks,
                   delayed_ran_at - spawned_at);
        test::check(slept_ticks == 2, "the async task slept 2 ticks");
        test::check(delayed_ran_at - spawned_at == 3, "spawn_after(3 ms) ran 3 ticks later");

        const std::uint32_t high_count = cx.lock(shared_high{}, [](std::uint32_t& v) { return v; });
        const std::uint32_t mid_count = cx.lock(shared_mid{}, [](std::uint32_t& v) { return v; });
        RIVET_INFO("shared_high {}, shared_mid {}", high_count, mid_count);
        test::check(high_count == 6 && mid_count == 4, "resource values");
        if (test::failures != 0) return 1;
        RIVET_INFO("tasks order ok");
        return 0;
    }
};

using app = tasks::app<irq,
                       tasks::dispatchers<irq::RIVET_TEST_LINE3, irq::RIVET_TEST_LINE4,
                                          irq::RIVET_TEST_LINE5>,
                       low, mid, high, soft_high, soft_low, soft_low_other, sleeper, idle>;
static_assert(app::ceiling<shared_high> == 3 && app::ceiling<shared_mid> == 2);

RIVET_BIND_INTERRUPTS(app::bindings, time_driver::binding);

int main() {
    time_driver::start();
    app::start();
    return app::idle();
}
