// The runtime's clock against QEMU's virtual time under -icount shift=4
// (an instruction is 16 ns), and against the board's one-shot delay:
//
// - busy: 3'125'000 instructions of a counted loop are 50 ms, so the time
//   driver must count 50 ticks (one more or less: where in a tick it began);
// - busy: a 20 ms one-shot (rivet/async/delay/board.hpp) waited while a task
//   keeps the core running takes 20 ticks;
// - idle: the same one-shot waited while the core sleeps in WFI.
//
// The last is where QEMU 7.2 differs from silicon: with sleep=off it jumps
// the virtual clock to the next timer deadline whenever a timer is re-armed
// while the core sleeps, and the GPTM and CMSDK timer models re-arm their
// next period in the expiry callback before raising the interrupt, so every
// tick that ends a sleep jumps a second period ahead and the two time-outs
// merge into one interrupt: the clock counts half the ticks while the core
// sleeps (docs/boards.md). The firmware reports which of the two it saw;
// CMakeLists.txt says which each board's model gives.
#include "board.hpp"

#include <rivet/async/delay/board.hpp>
#include <rivet/async/executor.hpp>
#include <rivet/async/task.hpp>
#include <rivet/async/time.hpp>
#include <rivet/log/log.hpp>

#include <cstdint>

using pause = rivet::async::board_delay;
RIVET_BIND_INTERRUPTS(time_driver::binding, pause::binding);

namespace async = rivet::async;

namespace {

// Two instructions an iteration, whatever the optimiser does around it.
void spin(std::uint32_t iterations) {
    asm volatile(
#ifdef __ARM_ARCH_6M__
        ".syntax unified\n"
#endif
        "1: subs %0, %0, #1\n"
        "   bne 1b\n"
#ifdef __ARM_ARCH_6M__
        ".syntax divided\n"
#endif
        : "+r"(iterations)
        :
        : "cc");
}

constexpr std::uint32_t spin_instructions = 3'125'000;
constexpr std::uint32_t spin_ms = spin_instructions * 16 / 1'000'000;
constexpr std::uint32_t one_shot_ms = 20;
static_assert(async::tick_hz == 1000, "the expectations count ticks of 1 ms");

bool within_one(std::uint64_t ticks, std::uint32_t expected) {
    return ticks + 1 >= expected && ticks <= expected + 1;
}

int failures = 0;

volatile bool one_shot_ended = false;
std::uint64_t idle_ticks = 0;

rivet::task<void, rivet::frames<"idle", 128>> one_shot_while_idle() {
    auto d = pause::configure();
    const auto start = async::detail::now_ticks();
    co_await d.delay_ms(one_shot_ms);
    idle_ticks = async::detail::now_ticks() - start;
}

rivet::task<void, rivet::frames<"waiter", 96>> one_shot_waiter() {
    co_await pause::configure().delay_ms(one_shot_ms);
    one_shot_ended = true;
}

// Keeps the core out of WFI until the waiter's one-shot has ended, yielding
// so that the woken waiter runs.
rivet::task<void, rivet::frames<"busy", 128>> busy_until_one_shot_ended() {
    co_await rivet::yield_now{};
    const auto start = async::detail::now_ticks();
    while (!one_shot_ended) {
        spin(1000);
        co_await rivet::yield_now{};
    }
    const auto ticks = async::detail::now_ticks() - start;
    RIVET_INFO("busy: a {} ms one-shot took {} ticks", one_shot_ms,
               static_cast<std::uint32_t>(ticks));
    if (!within_one(ticks, one_shot_ms)) {
        RIVET_ERROR("busy: the one-shot and the runtime's clock disagree");
        ++failures;
    }
}

}  // namespace

int main() {
    time_driver::start();
    const auto before = async::detail::now_ticks();
    spin(spin_instructions / 2);
    const auto spun = async::detail::now_ticks() - before;
    RIVET_INFO("busy: {} instructions ({} ms of virtual time) took {} ticks", spin_instructions,
               spin_ms, static_cast<std::uint32_t>(spun));
    if (!within_one(spun, spin_ms)) {
        RIVET_ERROR("busy: the runtime's clock does not keep virtual time");
        ++failures;
    }

    async::thread_executor executor;
    executor.spawn(one_shot_waiter());
    executor.spawn(busy_until_one_shot_ended());
    executor.run();

    executor.spawn(one_shot_while_idle());
    executor.run();
    RIVET_INFO("idle: a {} ms one-shot took {} ticks", one_shot_ms,
               static_cast<std::uint32_t>(idle_ticks));
    if (within_one(idle_ticks, one_shot_ms)) {
        RIVET_INFO("idle: the clock kept virtual time");
    } else if (within_one(idle_ticks, one_shot_ms / 2)) {
        RIVET_INFO("idle: the clock counted half the ticks (QEMU's icount warp)");
    } else {
        RIVET_ERROR("idle: neither virtual time nor half of it");
        ++failures;
    }

    if (failures != 0) return 1;
    RIVET_INFO("clock rate ok");
    return 0;
}
