// A counter hammered from three priorities: low (1) increments it 10,000
// times, while SysTick (above every task) pends mid (2) or high (3) at
// points the tick's period and a pseudo-random choice make, and each of
// their runs increments it too (mid 400 times, longer than two tick periods,
// so high preempts it too; high 8). Each increment is a read, a short
// delay and a write, so an interrupt falling between the two
// loses the other's increments. Locked (cx.lock, the SRP ceiling 3), the
// count comes out exact; unlocked, on a plain variable and the same way,
// increments are lost: the race the lock prevents is real. Under -icount,
// so each run is the same.
#include "../async/board.hpp"
#include "../async/trace.hpp"

#include <rivet/cortex_m/interrupts.hpp>
#include <rivet/cortex_m/nvic.hpp>
#include <rivet/log/log.hpp>
#include <rivet/tasks/app.hpp>

#include <cstdint>

namespace tasks = rivet::tasks;
namespace nvic = rivet::cortex_m::nvic;
using irq = board::irq;

namespace {

constexpr irq low_line = irq::RIVET_TEST_LINE0;
constexpr irq mid_line = irq::RIVET_TEST_LINE1;
constexpr irq high_line = irq::RIVET_TEST_LINE2;
constexpr std::uint32_t low_rounds = 10'000, mid_rounds = 400, high_rounds = 8;

volatile bool locked = true;
volatile std::uint32_t racy = 0;  // the unlocked variant's counter
volatile bool in_mid = false;
volatile std::uint32_t high_inside_mid = 0;

// Read, delay, write: the window an interrupt can fall into.
[[gnu::always_inline]] inline std::uint32_t bumped(std::uint32_t value) {
    for (int i = 0; i < 4; ++i) asm volatile("");
    return value + 1;
}

volatile std::uint32_t& reg(std::uintptr_t address) {
    return *reinterpret_cast<volatile std::uint32_t*>(address);
}
constexpr std::uintptr_t syst_csr = 0xE000'E010, syst_rvr = 0xE000'E014, syst_cvr = 0xE000'E018;

// SysTick, above every task: pends mid or high (a 16-bit LFSR decides).
std::uint16_t lfsr = 0xACE1;
void on_tick() {
    const unsigned bit = ((lfsr >> 0) ^ (lfsr >> 2) ^ (lfsr >> 3) ^ (lfsr >> 5)) & 1u;
    lfsr = static_cast<std::uint16_t>((lfsr >> 1) | (bit << 15));
    if ((lfsr & 3u) == 0) {
        nvic::pend<mid_line>();
    } else {
        nvic::pend<high_line>();
    }
}

}  // namespace

struct counter : tasks::shared<std::uint32_t> {};
struct mid_runs : tasks::shared<std::uint32_t> {};   // mid and idle: ceiling 2
struct high_runs : tasks::shared<std::uint32_t> {};  // high and idle: ceiling 3

template <class Context>
void increment(Context cx) {
    if (locked) {
        cx.lock(counter{}, [](std::uint32_t& n) { n = bumped(n); });
    } else {
        racy = bumped(racy);
    }
}

struct low : tasks::hardware_task<low_line, 1, tasks::uses<counter>> {
    static void run(auto cx) {
        for (std::uint32_t i = 0; i < low_rounds; ++i) increment(cx);
    }
};
struct mid : tasks::hardware_task<mid_line, 2, tasks::uses<counter, mid_runs>> {
    static void run(auto cx) {
        cx.lock(mid_runs{}, [](std::uint32_t& n) { ++n; });  // ceiling 2 = its priority: no lock
        in_mid = true;
        for (std::uint32_t i = 0; i < mid_rounds; ++i) increment(cx);
        in_mid = false;
    }
};
struct high : tasks::hardware_task<high_line, 3, tasks::uses<counter, high_runs>> {
    static void run(auto cx) {
        cx.lock(high_runs{}, [](std::uint32_t& n) { ++n; });
        if (in_mid) high_inside_mid = high_inside_mid + 1;
        for (std::uint32_t i = 0; i < high_rounds; ++i) increment(cx);
    }
};

struct idle : tasks::idle_task<tasks::uses<counter, mid_runs, high_runs>> {
    // Runs low (and what the ticks set off) to the end; gives the increments
    // expected from the runs counted.
    static std::uint32_t hammer(auto cx) {
        cx.lock(mid_runs{}, [](std::uint32_t& n) { n = 0; });
        cx.lock(high_runs{}, [](std::uint32_t& n) { n = 0; });
        high_inside_mid = 0;
        reg(syst_rvr) = RIVET_TEST_CORE_CLOCK_HZ / 20'000 - 1;  // 50 us
        reg(syst_cvr) = 0;
        reg(syst_csr) = 0b111;  // processor clock, interrupt, enabled
        nvic::pend<low_line>();  // returns when low has finished
        reg(syst_csr) = 0;
        nvic::clear_pending<mid_line>();
        nvic::clear_pending<high_line>();
        const std::uint32_t m = cx.lock(mid_runs{}, [](std::uint32_t& n) { return n; });
        const std::uint32_t h = cx.lock(high_runs{}, [](std::uint32_t& n) { return n; });
        RIVET_INFO("{} runs of mid, {} of high ({} inside mid)", m, h, high_inside_mid);
        test::check(m > 0 && h > 0 && high_inside_mid > 0, "all three priorities interleaved");
        return low_rounds + m * mid_rounds + h * high_rounds;
    }

    static int run(auto cx) {
        rivet::cortex_m::nvic::set_priority<irq::sys_tick, 0>();

        locked = true;
        const std::uint32_t expected = hammer(cx);
        const std::uint32_t counted = cx.lock(counter{}, [](std::uint32_t& n) { return n; });
        if (counted == expected) {
            RIVET_INFO("locked: exact, {} increments from 3 priorities", counted);
        } else {
            RIVET_ERROR("locked: {} increments counted, {} made", counted, expected);
            ++test::failures;
        }

        locked = false;
        const std::uint32_t made = hammer(cx);
        if (racy < made) {
            RIVET_INFO("unlocked: {} of {} increments lost", made - racy, made);
        } else {
            RIVET_ERROR("unlocked: no increment lost ({} of {}): the test shows no race", racy,
                        made);
            ++test::failures;
        }
        if (test::failures != 0) return 1;
        RIVET_INFO("shared counter ok");
        return 0;
    }
};

using app = tasks::app<irq, tasks::dispatchers<>, low, mid, high, idle>;
static_assert(app::ceiling<counter> == 3 && app::ceiling<mid_runs> == 2);

RIVET_BIND_INTERRUPTS(app::bindings, rivet::cortex_m::bind<irq::sys_tick, on_tick>);

int main() {
    app::start();
    return app::idle();
}
