// Durations as ticks of a timer's clock: the one conversion every delay and
// timer of Rivet uses (SysTick and each chip's timers), rounded up so that
// a wait is never shorter than asked.
//
//   ticks_for(16'000'000, 250, per_us)                        // 4000, at run time too
//   period_ticks<ClockHz, PeriodUs, per_us, 2, 0xFFFF'FFFF>()  // checked when compiling
//   class my_delay : public delay_in_ticks<my_delay, ClockHz>  // delay_ns/us/ms
//
// A period known when compiling is checked against what the timer can count:
// too short, too long, or (when the timer needs it) not a whole number of
// ticks does not compile.
#pragma once

#include <cstdint>

namespace rivet::cortex_m {

// Units per second of the durations the HAL takes (delay_ns/us/ms).
inline constexpr std::uint64_t per_ns = 1'000'000'000;
inline constexpr std::uint64_t per_us = 1'000'000;
inline constexpr std::uint64_t per_ms = 1'000;

// Ticks of a tick_hz clock in `amount` units of 1/units_per_second s,
// rounded up. When the clock is a whole number of ticks per unit (every
// board's clock per us and ms) it is one multiply, with no 64-bit division
// at run time. amount * tick_hz must fit 64 bits (a 32-bit amount at up to
// 4 GHz does).
constexpr std::uint64_t ticks_for(std::uint64_t tick_hz, std::uint64_t amount,
                                  std::uint64_t units_per_second) {
    if (tick_hz % units_per_second == 0) return amount * (tick_hz / units_per_second);
    return (amount * tick_hz + units_per_second - 1) / units_per_second;
}

// Whether `amount` units make a whole number of ticks.
constexpr bool whole_ticks(std::uint64_t tick_hz, std::uint64_t amount,
                           std::uint64_t units_per_second) {
    return amount * tick_hz % units_per_second == 0;
}

enum class rounding : unsigned char {
    up,     // the period is at least what was asked
    exact,  // the period must be a whole number of ticks
};

// The ticks of a period known when compiling, which the timer can count only
// from MinTicks to MaxTicks.
template <std::uint64_t TickHz, std::uint64_t Amount, std::uint64_t UnitsPerSecond,
          std::uint64_t MinTicks, std::uint64_t MaxTicks, rounding Rounding = rounding::up>
consteval std::uint64_t period_ticks() {
    static_assert(TickHz > 0 && UnitsPerSecond > 0, "a tick rate and a unit must not be 0");
    static_assert(Rounding == rounding::up || whole_ticks(TickHz, Amount, UnitsPerSecond),
                  "this period is not a whole number of ticks of the timer's clock");
    constexpr std::uint64_t ticks = ticks_for(TickHz, Amount, UnitsPerSecond);
    static_assert(ticks >= MinTicks,
                  "this period is too short for the timer: fewer ticks than it can count");
    static_assert(ticks <= MaxTicks,
                  "this period is too long for the timer: more ticks than its counter holds");
    return ticks;
}

// rivet::hal::delay's three waits for a timer that can wait a number of its
// ticks, Derived::wait_ticks(std::uint64_t): each converts with ticks_for
// (rounded up), so every delay of Rivet rounds the same way.
template <class Derived, std::uint64_t TickHz>
class delay_in_ticks {
public:
    void delay_ns(std::uint32_t ns) { Derived::wait_ticks(ticks_for(TickHz, ns, per_ns)); }
    void delay_us(std::uint32_t us) { Derived::wait_ticks(ticks_for(TickHz, us, per_us)); }
    void delay_ms(std::uint32_t ms) { Derived::wait_ticks(ticks_for(TickHz, ms, per_ms)); }
};

}  // namespace rivet::cortex_m
