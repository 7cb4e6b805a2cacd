// A blocking delay on the Cortex-M SysTick timer, the one timer every
// Cortex-M0/M3/M4 has: rivet::cortex_m::systick_delay<ClockHz> satisfies
// rivet::hal::delay on any board, with no chip HAL.
//
//   rivet::cortex_m::systick_delay<rivet::board::clock_hz> delay;
//   rivet::hal::delay_ms(delay, 500);
//
// SysTick counts the processor clock (CLKSOURCE = 1) down from RELOAD, and
// sets COUNTFLAG when it reaches zero. A wait programs RELOAD, clears the
// counter and polls COUNTFLAG, so a wrap is latched in hardware and cannot
// be missed however late the poll comes. RELOAD is 24 bits, so a long wait
// is a series of periods (see wait_clocks).
//
// The delay owns SysTick while it waits and stops it afterwards; code that
// runs an OS tick on SysTick must not use it. TICKINT is kept as found: with
// it set, every period of a wait ends in one SysTick exception, which is how
// the tests count the periods.
#pragma once

#include <cstdint>

#include "rivet/cortex_m/ticks.hpp"
#include "rivet/hal/delay.hpp"

namespace rivet::cortex_m {

namespace systick {
// The SysTick registers (ARMv6-M/ARMv7-M architecture manuals, System
// Control Space): control and status, reload value, current value.
inline constexpr std::uintptr_t csr_address = 0xE000E010;
inline constexpr std::uintptr_t rvr_address = 0xE000E014;
inline constexpr std::uintptr_t cvr_address = 0xE000E018;

inline constexpr std::uint32_t csr_enable = 1u << 0;
inline constexpr std::uint32_t csr_tickint = 1u << 1;
inline constexpr std::uint32_t csr_clksource_processor = 1u << 2;
inline constexpr std::uint32_t csr_countflag = 1u << 16;

// The longest period: RELOAD = 0xFFFFFF counts 2^24 clocks.
inline constexpr std::uint32_t max_period_clocks = 1u << 24;

// A wait longer than 2^24 clocks is a first period of 2^23 clocks plus the
// remainder modulo 2^23 (so 2^23 to 2^24 - 1 clocks), then periods of
// exactly 2^23: no period is short enough for the counter to wrap again
// before it is stopped, and no 64-bit division is needed at run time.
inline constexpr std::uint32_t long_period_clocks = 1u << 23;

// Periods a wait of `clocks` takes.
constexpr std::uint64_t periods_for(std::uint64_t clocks) {
    if (clocks == 0) return 0;
    if (clocks <= max_period_clocks) return 1;
    return clocks / long_period_clocks;
}

namespace detail {
inline volatile std::uint32_t& reg(std::uintptr_t address) {
    return *reinterpret_cast<volatile std::uint32_t*>(address);
}
}  // namespace detail

// Runs `count` periods of `period` clocks (2 to 2^24), counting each by its
// COUNTFLAG.
inline void run_periods(std::uint32_t period, std::uint64_t count) {
    auto& csr = detail::reg(csr_address);
    const std::uint32_t keep = csr & csr_tickint;
    csr = keep;                             // stopped while it is reprogrammed
    detail::reg(rvr_address) = period - 1;  // RELOAD n - 1: a period of n clocks
    detail::reg(cvr_address) = 0;           // any write clears the count and COUNTFLAG
    csr = keep | csr_enable | csr_clksource_processor;
    for (; count > 0; --count) {
        while ((csr & csr_countflag) == 0) {  // reading CSR clears COUNTFLAG
        }
    }
    csr = keep;
}

// Waits at least `clocks` processor clocks (plus the few instructions
// around the polling). RELOAD 0 would stop the counter, so the shortest
// period is 2 clocks.
inline void wait_clocks(std::uint64_t clocks) {
    if (clocks == 0) return;
    if (clocks <= max_period_clocks) {
        run_periods(clocks < 2 ? 2 : static_cast<std::uint32_t>(clocks), 1);
        return;
    }
    const std::uint32_t first =
        static_cast<std::uint32_t>(clocks & (long_period_clocks - 1)) + long_period_clocks;
    run_periods(first, 1);
    run_periods(long_period_clocks, (clocks - first) / long_period_clocks);
}
}  // namespace systick

template <std::uint32_t ClockHz>
class systick_delay : public delay_in_ticks<systick_delay<ClockHz>, ClockHz> {
    static_assert(ClockHz >= 1'000'000, "systick_delay: the clock must be at least 1 MHz");
    static_assert(ClockHz <= 1'000'000'000, "systick_delay: a Cortex-M clock is below 1 GHz");

public:
    static constexpr std::uint32_t clock_hz = ClockHz;

    static systick_delay configure() { return systick_delay{}; }

    // delay_ns/us/ms (delay_in_ticks) round up to whole clocks; up to
    // 2^32 - 1 ms at 1 GHz is below 2^62 clocks, so the product fits.
    static void wait_ticks(std::uint64_t clocks) { systick::wait_clocks(clocks); }
};

static_assert(rivet::hal::delay<systick_delay<12'000'000>>);

}  // namespace rivet::cortex_m
