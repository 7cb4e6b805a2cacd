// The general-purpose timers TIMER0..TIMER3 (GPTM):
//
// - one_shot_delay<index, clock_hz>: timer A and B joined into one 32-bit
//   one-shot down-counter, as a rivet::hal::delay;
// - periodic<index, clock_hz, period_us>: a 32-bit periodic timer whose
//   time-out is a flag to poll (`elapsed()`) or an interrupt
//   (`enable_interrupt()`: the timer's interrupt `irq`, timer0a..timer3a);
// - pwm<index, half, clock_hz, frequency_hz>: one 16-bit half in PWM mode
//   driving its CCP pin, as a rivet::hal::pwm_channel.
//
// The timer counts the system clock; periods, loads and the PWM frequency
// are computed when compiling, and one the timer cannot make does not
// compile. A timer block is either one 32-bit timer or two 16-bit halves:
// using one block both ways at once is not checked.
#pragma once

#include <array>
#include <cstdint>

#include "lm3s6965/timer0.hpp"
#include "rivet/cortex_m/nvic.hpp"
#include "rivet/cortex_m/ticks.hpp"
#include "rivet/hal/delay.hpp"
#include "rivet/hal/error.hpp"
#include "rivet/hal/pins.hpp"
#include "rivet/hal/pwm.hpp"
#include "rivet/lm3s6965/gpio.hpp"
#include "rivet/lm3s6965/interrupts.hpp"
#include "rivet/lm3s6965/sysctl.hpp"

namespace rivet::lm3s6965::timer {

namespace regs = ::lm3s6965::timer0;

template <unsigned Index>
constexpr regs::block block_of() {
    static_assert(Index < 4, "the LM3S6965 has TIMER0 to TIMER3");
    if constexpr (Index == 0)
        return ::lm3s6965::TIMER0;
    else if constexpr (Index == 1)
        return ::lm3s6965::TIMER1;
    else if constexpr (Index == 2)
        return ::lm3s6965::TIMER2;
    else
        return ::lm3s6965::TIMER3;
}

template <unsigned Index>
constexpr sysctl::peripheral clock_of() {
    return static_cast<sysctl::peripheral>(static_cast<unsigned>(sysctl::peripheral::timer0) +
                                           Index);
}

enum class half : unsigned char { a, b };

// The interrupt of a timer half, by its name in the SVD.
constexpr irq irq_of(unsigned index, half h) {
    constexpr irq a[] = {irq::timer0a, irq::timer1a, irq::timer2a, irq::timer3a};
    constexpr irq b[] = {irq::timer0b, irq::timer1b, irq::timer2b, irq::timer3b};
    return h == half::a ? a[index] : b[index];
}

namespace detail {
// Stops the timer and makes it one 32-bit timer in `mode`.
template <unsigned Index>
void setup_32bit(regs::tamr::tamr_v mode) {
    sysctl::enable_clock<clock_of<Index>()>();
    constexpr auto block = block_of<Index>();
    block.ctl().write([](auto& r) { r.taen(false).tben(false); });
    block.cfg().write([](auto& r) { r.cfg(regs::cfg::cfg_v::timer32); });
    block.tamr().write([mode](auto& r) { r.tamr(mode); });
    block.imr().write([](auto&) {});
    block.icr().write([](auto& r) { r.tatocint(true); });
}
}  // namespace detail

// A blocking delay on a 32-bit one-shot timer: each wait loads TAILR, starts
// the timer and polls the raw time-out flag (the hardware clears TAEN at the
// time-out). Waits longer than 2^32 - 1 clocks are split.
template <unsigned Index, std::uint32_t ClockHz>
class one_shot_delay : public cortex_m::delay_in_ticks<one_shot_delay<Index, ClockHz>, ClockHz> {
    static_assert(Index < 4, "the LM3S6965 has TIMER0 to TIMER3");
    static_assert(ClockHz >= 1'000'000, "the LM3S6965 timer delay needs a clock of at least 1 MHz");
    static constexpr auto block = block_of<Index>();

public:
    static constexpr std::uint32_t clock_hz = ClockHz;

    static one_shot_delay configure() {
        detail::setup_32bit<Index>(regs::tamr::tamr_v::one_shot);
        return one_shot_delay{};
    }

    // delay_ns/us/ms (delay_in_ticks) wait this many clocks.
    static void wait_ticks(std::uint64_t clocks) {
        while (clocks > 0) {
            const std::uint32_t load =
                clocks > 0xFFFF'FFFFu ? 0xFFFF'FFFFu : static_cast<std::uint32_t>(clocks);
            block.ctl().write([](auto& r) { r.taen(false); });
            block.icr().write([](auto& r) { r.tatocint(true); });
            block.tailr().write(regs::tailr::value{load});
            block.ctl().write([](auto& r) { r.taen(true); });
            while (!block.ris().read().tatoris()) {
            }
            block.icr().write([](auto& r) { r.tatocint(true); });
            clocks -= load;
        }
    }
};

// A 32-bit periodic timer: it times out every PeriodUs microseconds and
// reloads itself. The time-out latches in RIS until cleared, so a poll that
// comes late sees it, but several missed periods count as one.
template <unsigned Index, std::uint32_t ClockHz, std::uint32_t PeriodUs>
class periodic {
    static_assert(Index < 4, "the LM3S6965 has TIMER0 to TIMER3");
    // A 32-bit load of 2 to 2^32 - 1 clocks.
    static constexpr std::uint64_t period_clocks =
        cortex_m::period_ticks<ClockHz, PeriodUs, cortex_m::per_us, 2, 0xFFFF'FFFFu>();
    static constexpr auto block = block_of<Index>();

public:
    static constexpr std::uint32_t load = static_cast<std::uint32_t>(period_clocks);
    // The interrupt of the time-out (timer A of the block).
    static constexpr lm3s6965::irq irq = irq_of(Index, half::a);

    // Starts counting: the first time-out comes one period from now.
    static periodic configure() {
        detail::setup_32bit<Index>(regs::tamr::tamr_v::periodic);
        block.tailr().write(regs::tailr::value{load});
        block.ctl().write([](auto& r) { r.taen(true); });
        return periodic{};
    }

    // True once for each time-out noticed (and clears it).
    bool elapsed() {
        if (!block.ris().read().tatoris()) return false;
        clear();
        return true;
    }

    // Blocks until the next time-out (or returns at once if one is pending).
    void wait() {
        while (!block.ris().read().tatoris()) {
        }
        clear();
    }

    // Lets the time-out raise `irq`; the handler must call clear(), and the
    // interrupt must be enabled in the NVIC (rivet::cortex_m::nvic::enable<irq>()).
    void enable_interrupt() {
        block.imr().write([](auto& r) { r.tatoim(true); });
    }
    void disable_interrupt() {
        block.imr().write([](auto&) {});
    }
    static void clear() {
        block.icr().write([](auto& r) { r.tatocint(true); });
    }

    void stop() {
        block.ctl().write([](auto& r) { r.taen(false); });
    }
};

// One 16-bit half of TIMER0 or TIMER1 in PWM mode on its CCP pin: CCP0 is
// timer 0 A (PD4), CCP1 timer 0 B (PD7), CCP2 timer 1 A (PD5), CCP3 timer 1
// B (PC6). TIMER2 and TIMER3 have no CCP pin on this part.
//
// The half counts down from TnILR = period - 1 and reloads; the pin goes
// high at the reload and low when the count reaches TnMATCHR, so a duty d
// (1 <= d < max) is MATCH = ILR - d: d clocks high per period. max is ILR.
// A PWM edge at both ends would leave a one-clock glitch, so fully off and
// fully on hand the pin back to GPIO driving a steady low or high.
// In PWM mode the prescaler is not used: the period is 2 to 65535 clocks.
template <unsigned Index, half Half, std::uint32_t ClockHz, std::uint32_t FrequencyHz,
          std::uint32_t MaxErrorPpm = 10'000>
class pwm {
    static_assert(Index < 2, "on the LM3S6965 only TIMER0 and TIMER1 have CCP pins (CCP0 to CCP3)");
    static_assert(FrequencyHz > 0, "the PWM frequency must not be 0");
    static constexpr std::uint32_t period = (ClockHz + FrequencyHz / 2) / FrequencyHz;
    static_assert(period >= 2 && period <= 65535,
                  "this PWM frequency cannot be made from this clock: a 16-bit timer period "
                  "is 2 to 65535 clocks");
    static constexpr std::uint64_t actual_hz = ClockHz / period;
    static_assert((actual_hz > FrequencyHz ? actual_hz - FrequencyHz : FrequencyHz - actual_hz) *
                          1'000'000 <=
                      std::uint64_t{MaxErrorPpm} * FrequencyHz,
                  "PWM frequency out of tolerance: this clock cannot make it within MaxErrorPpm");

    static constexpr auto block = block_of<Index>();
    static constexpr unsigned ccp = Index * 2 + (Half == half::b ? 1 : 0);
    static constexpr gpio::port pin_port = ccp == 3 ? gpio::port::c : gpio::port::d;
    static constexpr unsigned pin_number = ccp == 0 ? 4 : ccp == 1 ? 7 : ccp == 2 ? 5 : 6;
    static constexpr gpio::signal pin_signal = ccp == 0   ? gpio::signal::ccp0
                                               : ccp == 1 ? gpio::signal::ccp1
                                               : ccp == 2 ? gpio::signal::ccp2
                                                          : gpio::signal::ccp3;

public:
    using error_type = rivet::hal::pwm::error_kind;
    using pin = gpio::alternate_pin<pin_port, pin_number, pin_signal>;
    static constexpr std::array<rivet::hal::pin_id, 1> claimed_pins{
        gpio::pin_id_of(pin_port, pin_number)};
    static constexpr std::uint16_t load = static_cast<std::uint16_t>(period - 1);
    static constexpr std::uint32_t frequency_hz = static_cast<std::uint32_t>(actual_hz);

    // Clocks the timer and the port, sets the half up for PWM and starts it
    // fully off (the pin a GPIO output driving low).
    static pwm configure() {
        sysctl::enable_clock<clock_of<Index>()>();
        pin::configure();
        constexpr auto port = gpio::block_of(pin_port);
        port.dir().modify(
            [](auto& r) { r.pin(pin_number, ::lm3s6965::gpioa::dir::pin_v::output); });
        set_gpio_level(false);
        select_timer(false);
        if constexpr (Half == half::a) {
            block.ctl().modify([](auto& r) { r.taen(false); });
            block.cfg().write([](auto& r) { r.cfg(regs::cfg::cfg_v::timer16); });
            block.tamr().write([](auto& r) {
                r.tamr(regs::tamr::tamr_v::periodic).taams(regs::tamr::taams_v::pwm);
            });
            block.tailr().write(regs::tailr::value{load});
            block.tamatchr().write(regs::tamatchr::value{load});
            block.ctl().modify([](auto& r) { r.tapwml(false).taen(true); });
        } else {
            block.ctl().modify([](auto& r) { r.tben(false); });
            block.cfg().write([](auto& r) { r.cfg(regs::cfg::cfg_v::timer16); });
            block.tbmr().write([](auto& r) {
                r.tbmr(regs::tbmr::tbmr_v::periodic).tbams(regs::tbmr::tbams_v::pwm);
            });
            block.tbilr().write(regs::tbilr::value{load});
            block.tbmatchr().write(regs::tbmatchr::value{load});
            block.ctl().modify([](auto& r) { r.tbpwml(false).tben(true); });
        }
        return pwm{};
    }

    std::uint16_t max_duty_cycle() const { return load; }

    rivet::hal::result<void, error_type> set_duty_cycle(std::uint16_t duty) {
        if (duty == 0 || duty >= load) {
            set_gpio_level(duty != 0);
            select_timer(false);
        } else {
            const std::uint32_t match = load - duty;
            if constexpr (Half == half::a) {
                block.tamatchr().write(regs::tamatchr::value{match});
            } else {
                block.tbmatchr().write(regs::tbmatchr::value{match});
            }
            select_timer(true);
        }
        return rivet::hal::success;
    }

private:
    static void set_gpio_level(bool high) {
        const auto data = gpio::detail::masked_data<pin_port, pin_number>();
        data.write(::lm3s6965::gpioa::data::value{high ? 1u << pin_number : 0u});
    }
    static void select_timer(bool timer) {
        gpio::block_of(pin_port).afsel().modify([timer](auto& r) {
            r.pin(pin_number, timer ? ::lm3s6965::gpioa::afsel::pin_v::peripheral
                                    : ::lm3s6965::gpioa::afsel::pin_v::gpio);
        });
    }
};

static_assert(rivet::hal::delay<one_shot_delay<0, 12'000'000>>);
static_assert(rivet::hal::pwm_channel<pwm<0, half::a, 12'000'000, 1000>>);

}  // namespace rivet::lm3s6965::timer
