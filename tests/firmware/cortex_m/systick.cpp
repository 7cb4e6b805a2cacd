// The SysTick delay on a real (emulated) core. QEMU runs without -icount,
// so how long a wait takes in host time is loose; what is exact is how many
// SysTick periods a wait is made of (one exception each, TICKINT set), and
// that a wait never ends before the time asked has passed on the host
// clock (SYS_ELAPSED; QEMU's virtual clock, which drives SysTick, never
// runs ahead of it).
//
// The delay is built for the core clock QEMU really runs (the test's
// RIVET_TEST_CORE_CLOCK_HZ); where the board's clock_hz differs, the test
// says so, since every delay built on clock_hz is then off by that ratio.
#include <rivet/board/config.hpp>
#include <rivet/cortex_m/systick.hpp>
#include <rivet/hal/delay.hpp>
#include <rivet/log/log.hpp>
#include <rivet/runtime/semihosting.hpp>

#include <cstdint>

namespace {

volatile std::uint32_t periods = 0;

constexpr std::uint32_t clock = RIVET_TEST_CORE_CLOCK_HZ;
using delay_type = rivet::cortex_m::systick_delay<clock>;
static_assert(rivet::hal::delay<delay_type>);

// Host nanoseconds since QEMU started (semihosting SYS_ELAPSED, 0x30).
std::uint64_t host_ns() {
    std::uint32_t block[2] = {0, 0};
    (void)rivet::semihosting::call(0x30, block);
    return (std::uint64_t{block[1]} << 32) | block[0];
}

void enable_tick_exception() {
    auto& csr = *reinterpret_cast<volatile std::uint32_t*>(rivet::cortex_m::systick::csr_address);
    csr = rivet::cortex_m::systick::csr_tickint;
}

std::uint32_t take_periods() {
    asm volatile("dsb\n isb" ::: "memory");
    const std::uint32_t n = periods;
    periods = 0;
    return n;
}

int failures = 0;

void expect_periods(const char* what, std::uint32_t seen, std::uint32_t wanted) {
    if (seen != wanted) {
        RIVET_ERROR("{}: {} SysTick periods, expected {}", what, seen, wanted);
        ++failures;
    } else {
        RIVET_INFO("{}: {} periods", what, seen);
    }
}

void expect_at_least(const char* what, std::uint64_t took_ns, std::uint64_t asked_ns) {
    if (took_ns < asked_ns) {
        RIVET_ERROR("{}: took {} us, asked {} us", what, static_cast<std::uint32_t>(took_ns / 1000),
                    static_cast<std::uint32_t>(asked_ns / 1000));
        ++failures;
    } else {
        RIVET_INFO("{}: at least as long as asked", what);
    }
}

}  // namespace

extern "C" void rivet_systick_handler() noexcept {
    periods = periods + 1;
}

int main() {
    namespace systick = rivet::cortex_m::systick;
    // The clock arithmetic: rounding up, and the split into 2^24-clock periods.
    static_assert(rivet::cortex_m::ticks_for(12'000'000, 1, 1'000'000'000) == 1);
    static_assert(rivet::cortex_m::ticks_for(12'000'000, 1000, 1'000'000) == 12'000);
    static_assert(systick::periods_for(1u << 24) == 1);
    static_assert(systick::periods_for((1u << 24) + 1) == 2);
    static_assert(systick::periods_for(1u << 25) == 4);

    if constexpr (rivet::board::clock_hz != clock) {
        RIVET_WARN("board clock_hz is {} Hz but QEMU runs the core at {} Hz",
                   rivet::board::clock_hz, clock);
    }
    delay_type delay = delay_type::configure();
    enable_tick_exception();

    rivet::hal::delay_ns(delay, 0);
    expect_periods("0 ns", take_periods(), 0);

    // One period of 2 clocks: the counter may wrap again before it is
    // stopped, so only "at least one" is certain.
    rivet::hal::delay_ns(delay, 1);
    const std::uint32_t short_wait = take_periods();
    if (short_wait < 1) {
        RIVET_ERROR("1 ns: no SysTick period");
        ++failures;
    }

    std::uint64_t start = host_ns();
    rivet::hal::delay_ms(delay, 100);
    expect_at_least("100 ms", host_ns() - start, 100'000'000);
    expect_periods("100 ms", take_periods(),
                   static_cast<std::uint32_t>(systick::periods_for(clock / 10)));

    start = host_ns();
    rivet::hal::delay_us(delay, 20'000);
    expect_at_least("20000 us", host_ns() - start, 20'000'000);
    expect_periods("20000 us", take_periods(), 1);

    // Longer than one 24-bit period: a full period, then the remainder.
    constexpr std::uint32_t long_ms =
        static_cast<std::uint32_t>((std::uint64_t{1} << 24) * 1000 / clock) + 1;
    static_assert(systick::periods_for(rivet::cortex_m::ticks_for(clock, long_ms, 1000)) == 2);
    start = host_ns();
    rivet::hal::delay_ms(delay, long_ms);
    expect_at_least("long wait", host_ns() - start, std::uint64_t{long_ms} * 1'000'000);
    expect_periods("long wait", take_periods(), 2);

    // The delay leaves SysTick stopped: no period ends after it returned.
    for (int i = 0; i < 100000; ++i) {
        asm volatile("" ::: "memory");
    }
    expect_periods("after the waits", take_periods(), 0);

    if (failures == 0) RIVET_INFO("systick delay ok");
    return failures;
}
