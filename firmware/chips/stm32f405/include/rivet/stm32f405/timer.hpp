// TIM2-TIM5, the general-purpose timers: a blocking rivet::hal::delay, a
// periodic update (flag or interrupt) and PWM channels (rivet::hal::
// pwm_channel). The timer clock is a template argument: at reset it is
// rcc::reset_clocks.apb1_timer_hz() (16 MHz); QEMU 7.2's model counts at
// 1 GHz whatever RCC says (see the README).
#pragma once

#include <array>
#include <cstdint>

#include "rivet/cortex_m/nvic.hpp"
#include "rivet/cortex_m/ticks.hpp"
#include "rivet/hal/delay.hpp"
#include "rivet/hal/error.hpp"
#include "rivet/hal/pins.hpp"
#include "rivet/hal/pwm.hpp"
#include "rivet/stm32f405/gpio.hpp"
#include "rivet/stm32f405/interrupts.hpp"
#include "rivet/stm32f405/rcc.hpp"
#include "stm32f405/tim2.hpp"
#include "stm32f405/tim3.hpp"
#include "stm32f405/tim5.hpp"

namespace rivet::stm32f405::timer {

enum class id : unsigned char { tim2, tim3, tim4, tim5 };

// Which counter the timers behave as: the silicon's (RM0090), or QEMU 7.2's
// stm32f2xx_timer, which counts at its own clock and fires every alarm late
// by the time of the last PSC, CNT or EGR.UG write (see the README). What
// depends on update timing (rivet/async/delay/stm32f405.hpp) takes the
// board's choice (rivet::bsp::netduinoplus2::timer_model).
enum class model : unsigned char { silicon, qemu };

template <id T>
struct traits;
template <>
struct traits<id::tim2> {
    static constexpr rcc::peripheral clock = rcc::peripheral::tim2;
    static constexpr std::uint32_t max_count = 0xFFFFFFFF;  // 32-bit counter
    static constexpr stm32f405::irq irq = stm32f405::irq::tim2;
    static constexpr gpio::signal channel[4] = {gpio::signal::tim2_ch1, gpio::signal::tim2_ch2,
                                                gpio::signal::tim2_ch3, gpio::signal::tim2_ch4};
    static constexpr auto block() { return ::stm32f405::TIM2; }
};
template <>
struct traits<id::tim3> {
    static constexpr rcc::peripheral clock = rcc::peripheral::tim3;
    static constexpr std::uint32_t max_count = 0xFFFF;
    static constexpr stm32f405::irq irq = stm32f405::irq::tim3;
    static constexpr gpio::signal channel[4] = {gpio::signal::tim3_ch1, gpio::signal::tim3_ch2,
                                                gpio::signal::tim3_ch3, gpio::signal::tim3_ch4};
    static constexpr auto block() { return ::stm32f405::TIM3; }
};
template <>
struct traits<id::tim4> {
    static constexpr rcc::peripheral clock = rcc::peripheral::tim4;
    static constexpr std::uint32_t max_count = 0xFFFF;
    static constexpr stm32f405::irq irq = stm32f405::irq::tim4;
    static constexpr gpio::signal channel[4] = {gpio::signal::tim4_ch1, gpio::signal::tim4_ch2,
                                                gpio::signal::tim4_ch3, gpio::signal::tim4_ch4};
    static constexpr auto block() { return ::stm32f405::TIM4; }
};
template <>
struct traits<id::tim5> {
    static constexpr rcc::peripheral clock = rcc::peripheral::tim5;
    static constexpr std::uint32_t max_count = 0xFFFFFFFF;
    static constexpr stm32f405::irq irq = stm32f405::irq::tim5;
    static constexpr gpio::signal channel[4] = {gpio::signal::tim5_ch1, gpio::signal::tim5_ch2,
                                                gpio::signal::tim5_ch3, gpio::signal::tim5_ch4};
    static constexpr auto block() { return ::stm32f405::TIM5; }
};

// RM0090 TIMx register bits used below.
namespace bits {
inline constexpr std::uint32_t cr1_cen = 1u << 0, cr1_urs = 1u << 2, cr1_opm = 1u << 3,
                               cr1_arpe = 1u << 7;
inline constexpr std::uint32_t dier_uie = 1u << 0;
inline constexpr std::uint32_t sr_uif = 1u << 0;
inline constexpr std::uint32_t egr_ug = 1u << 0;
inline constexpr std::uint32_t ocm_pwm1 = 6u, ocpe = 1u << 3;
}  // namespace bits

// A prescaler and reload that make `period_ticks` timer-clock cycles: the
// smallest PSC + 1 that divides the period exactly with ARR + 1 <= max_arr
// + 1 (best resolution), else the smallest that fits (the period is then
// rounded down).
struct timebase {
    std::uint32_t psc;  // 0..65535, or 0x10000 when impossible
    std::uint32_t arr;
    bool exact;
};
constexpr timebase timebase_for(std::uint64_t period_ticks, std::uint64_t max_arr) {
    if (period_ticks == 0) return {0x10000, 0, false};
    const std::uint64_t smallest = (period_ticks + max_arr) / (max_arr + 1);  // ceil
    if (smallest > 0x10000) return {0x10000, 0, false};
    for (std::uint64_t divider = smallest; divider <= 0x10000; ++divider) {
        if (period_ticks % divider == 0) {
            return {static_cast<std::uint32_t>(divider - 1),
                    static_cast<std::uint32_t>(period_ticks / divider - 1), true};
        }
    }
    return {static_cast<std::uint32_t>(smallest - 1),
            static_cast<std::uint32_t>(period_ticks / smallest - 1), false};
}

namespace detail {
template <id T>
inline void start_counter(std::uint32_t psc, std::uint32_t arr, bool update_interrupt) {
    constexpr auto tim = traits<T>::block();
    rcc::enable_clock<traits<T>::clock>();
    tim.cr1().write([](auto& r) { r.set_bits(0); });
    tim.psc().write([psc](auto& r) { r.set_bits(static_cast<std::uint16_t>(psc)); });
    tim.arr().write([arr](auto& r) { r.set_bits(static_cast<decltype(r.bits())>(arr)); });
    // PSC is buffered: the update event loads it (and zeroes the counter).
    tim.egr().write([](auto& r) { r.set_bits(bits::egr_ug); });
    tim.sr().write([](auto& r) { r.set_bits(0); });
    tim.dier().write(
        [update_interrupt](auto& r) { r.set_bits(update_interrupt ? bits::dier_uie : 0); });
    tim.cr1().write([](auto& r) { r.set_bits(bits::cr1_cen | bits::cr1_arpe); });
}
}  // namespace detail

// A free-running microsecond counter used as rivet::hal::delay. Waits poll
// CNT and compare elapsed ticks modulo the counter width, so they need no
// interrupt and no update event.
template <id T, std::uint32_t ClockHz>
class delay : public cortex_m::delay_in_ticks<delay<T, ClockHz>, 1'000'000> {
    static_assert(ClockHz % 1'000'000 == 0 && ClockHz >= 1'000'000 &&
                      ClockHz / 1'000'000 <= 0x10000,
                  "the delay timer needs a clock that is a whole number of MHz (1..65536)");
    static constexpr auto tim = traits<T>::block();
    static constexpr std::uint32_t mask = traits<T>::max_count;

public:
    static constexpr std::array<rivet::hal::pin_id, 0> claimed_pins{};

    static delay configure() {
        detail::start_counter<T>(ClockHz / 1'000'000 - 1, mask, false);
        return delay{};
    }

    // delay_ns/us/ms (delay_in_ticks) wait this many microseconds, in
    // chunks of half the counter so that the modular difference stays
    // unambiguous.
    static void wait_ticks(std::uint64_t us) {
        constexpr std::uint32_t chunk = mask == 0xFFFF ? 0x7FFF : 0x7FFFFFFF;
        while (us > chunk) {
            wait_once(chunk);
            us -= chunk;
        }
        wait_once(static_cast<std::uint32_t>(us));
    }

    // Microseconds since configure(), modulo the counter width.
    static std::uint32_t now_us() {
        return static_cast<std::uint32_t>(tim.cnt().read().bits()) & mask;
    }

private:
    // The tick in progress when the wait starts counts for nothing, so one
    // more tick than asked is waited for: never shorter than asked.
    static void wait_once(std::uint32_t ticks) {
        if (ticks == 0) return;
        const std::uint32_t start = now_us();
        while (((now_us() - start) & mask) <= ticks) {
        }
    }
};

// A counter that overflows every PeriodUs microseconds and sets the update
// flag (UIF) each time; with enable_interrupt() it also raises the timer's
// interrupt `irq` (tim2..tim5).
template <id T, std::uint32_t ClockHz, std::uint32_t PeriodUs>
class periodic {
    // Up to 2^16 prescaler steps of a full counter.
    static constexpr std::uint64_t period_ticks =
        cortex_m::period_ticks<ClockHz, PeriodUs, cortex_m::per_us, 1,
                               (std::uint64_t{traits<T>::max_count} + 1) * 0x10000,
                               cortex_m::rounding::exact>();
    static constexpr timebase base = timebase_for(period_ticks, traits<T>::max_count);
    static_assert(base.psc <= 0xFFFF, "this period cannot be made with this timer and clock");
    static_assert(base.exact, "this period is not a whole number of timer ticks");
    static constexpr auto tim = traits<T>::block();

public:
    static constexpr stm32f405::irq irq = traits<T>::irq;
    static constexpr std::uint32_t prescaler = base.psc;
    static constexpr std::uint32_t reload = base.arr;
    static constexpr std::array<rivet::hal::pin_id, 0> claimed_pins{};

    // UIE is set even for polling: QEMU 7.2 only raises UIF when it is, and
    // on silicon it has no effect while the NVIC line stays disabled.
    static periodic configure() {
        detail::start_counter<T>(base.psc, base.arr, true);
        return periodic{};
    }

    static bool update_pending() { return (tim.sr().read().bits() & bits::sr_uif) != 0; }
    // SR flags are cleared by writing 0; the 1s written elsewhere leave
    // the other flags alone.
    static void clear_update() {
        tim.sr().write([](auto& r) { r.set_bits(static_cast<std::uint16_t>(~bits::sr_uif)); });
    }
    // Waits for the next update, then clears it.
    static void wait() {
        while (!update_pending()) {
        }
        clear_update();
    }
    // A stale update pending in the NVIC is dropped first.
    static void enable_interrupt() {
        cortex_m::nvic::clear_pending<irq>();
        cortex_m::nvic::enable<irq>();
    }
    static void disable_interrupt() { cortex_m::nvic::disable<irq>(); }
    static void stop() {
        tim.cr1().write([](auto& r) { r.set_bits(0); });
    }
};

// PWM mode 1 on channel `Channel` (1..4) of a timer at FrequencyHz, output
// on `Pin` (which must carry that channel). Duty cycles run 0..ARR+1.
template <id T, unsigned Channel, rivet::hal::pin_id Pin, std::uint32_t ClockHz,
          std::uint32_t FrequencyHz>
class pwm {
    static_assert(Channel >= 1 && Channel <= 4, "TIM2-TIM5 have channels 1 to 4");
    static_assert(gpio::pin_has_signal(Pin, traits<T>::channel[Channel - 1]),
                  "this pin does not carry that timer channel");
    static_assert(FrequencyHz > 0 && FrequencyHz <= ClockHz / 2, "PWM frequency out of range");
    // The duty cycle is a uint16_t, so ARR + 1 must fit one.
    static constexpr timebase base = timebase_for(ClockHz / FrequencyHz, 0xFFFE);
    static_assert(base.psc <= 0xFFFF, "this PWM frequency is too low for this clock");
    static constexpr auto tim = traits<T>::block();

public:
    using error_type = rivet::hal::infallible;
    static constexpr std::uint32_t prescaler = base.psc;
    static constexpr std::uint32_t reload = base.arr;
    static constexpr std::array<rivet::hal::pin_id, 1> claimed_pins{Pin};

    static pwm configure() {
        rcc::enable_clock<traits<T>::clock>();
        gpio::alternate_pin<Pin, traits<T>::channel[Channel - 1]>::configure();
        tim.cr1().write([](auto& r) { r.set_bits(0); });
        tim.psc().write([](auto& r) { r.set_bits(static_cast<std::uint16_t>(base.psc)); });
        tim.arr().write([](auto& r) { r.set_bits(static_cast<decltype(r.bits())>(base.arr)); });
        ccr().write([](auto& r) { r.set_bits(0); });
        // OCxM = PWM mode 1, OCxPE (CCR preloaded: a new duty starts with
        // the next period, never a runt pulse).
        [[maybe_unused]] static constexpr unsigned shift = (Channel - 1) % 2 * 8;
        [[maybe_unused]] static constexpr std::uint16_t field = 0xFFu << shift;
        [[maybe_unused]] static constexpr std::uint16_t value = (bits::ocm_pwm1 << 4 | bits::ocpe)
                                                                << shift;
        if constexpr (Channel <= 2) {
            tim.ccmr1_output().modify([](auto& r) { r.set_bits((r.bits() & ~field) | value); });
        } else {
            tim.ccmr2_output().modify([](auto& r) { r.set_bits((r.bits() & ~field) | value); });
        }
        tim.ccer().modify([](auto& r) { r.set_bits(r.bits() | 1u << (4 * (Channel - 1))); });
        tim.egr().write([](auto& r) { r.set_bits(bits::egr_ug); });
        tim.cr1().write([](auto& r) { r.set_bits(bits::cr1_cen | bits::cr1_arpe); });
        return pwm{};
    }

    std::uint16_t max_duty_cycle() const { return static_cast<std::uint16_t>(base.arr + 1); }
    rivet::hal::result<void, error_type> set_duty_cycle(std::uint16_t duty) {
        const std::uint32_t clamped = duty > base.arr + 1 ? base.arr + 1 : duty;
        ccr().write([clamped](auto& r) { r.set_bits(static_cast<decltype(r.bits())>(clamped)); });
        return rivet::hal::success;
    }
    // CCRx as the timer holds it (for tests).
    static std::uint32_t compare_value() { return static_cast<std::uint32_t>(ccr().read().bits()); }

private:
    static constexpr auto ccr() {
        if constexpr (Channel == 1)
            return tim.ccr1();
        else if constexpr (Channel == 2)
            return tim.ccr2();
        else if constexpr (Channel == 3)
            return tim.ccr3();
        else
            return tim.ccr4();
    }
};

static_assert(rivet::hal::delay<delay<id::tim2, 16'000'000>>);
static_assert(
    rivet::hal::pwm_channel<pwm<id::tim3, 1, gpio::pin_id_of(gpio::port::a, 6), 16'000'000, 1000>>);

}  // namespace rivet::stm32f405::timer
