// TIMER0..2 as a rivet::hal::delay (delay_ns/us/ms) and as a compare-event
// timer (periodic ticks, one-shot compares, a free-running count).
//
// The timer counts the 16 MHz clock divided by 2^Prescaler (0..9; the
// default 4 gives 1 MHz, a microsecond a tick). TIMER0 counts 32 bits,
// TIMER1 and TIMER2 only 16 (nRF51 Product Specification), so waits longer
// than the counter are made of several compares.
//
// One timer does one job at a time: a delay uses CC[0] and restarts the
// counter, so do not delay on a timer that runs a periodic tick. CC[3] is
// where now() captures the count.
#pragma once

#include <cstddef>
#include <cstdint>

#include "nrf51/timer0.hpp"
#include "rivet/cortex_m/ticks.hpp"
#include "rivet/hal/delay.hpp"
#include "rivet/nrf51/interrupts.hpp"

namespace rivet::nrf51::timer {

inline constexpr std::uint32_t base_clock_hz = 16'000'000;

template <unsigned Index, unsigned Prescaler = 4>
class timer
    : public cortex_m::delay_in_ticks<timer<Index, Prescaler>, (base_clock_hz >> Prescaler)> {
    static_assert(Index < 3, "the nRF51 has TIMER0, TIMER1 and TIMER2");
    static_assert(Prescaler <= 9, "the nRF51 TIMER prescaler is 0 to 9");

    static constexpr ::nrf51::timer0::block block = Index == 0   ? ::nrf51::TIMER0
                                                    : Index == 1 ? ::nrf51::TIMER1
                                                                 : ::nrf51::TIMER2;
    static constexpr bool wide = Index == 0;

public:
    static constexpr std::uint32_t tick_hz = base_clock_hz >> Prescaler;
    // The COMPARE events' interrupt (set INTENSET to raise it).
    static constexpr nrf51::irq irq = Index == 0   ? nrf51::irq::timer0
                                      : Index == 1 ? nrf51::irq::timer1
                                                   : nrf51::irq::timer2;
    static constexpr unsigned counter_bits = wide ? 32 : 16;
    // The longest single compare (the counter wraps after this many ticks).
    static constexpr std::uint32_t max_ticks = wide ? 0xffff'ffffu : 0xffffu;

    // Stopped, cleared, timer mode, no shortcuts, no interrupts.
    static timer configure() {
        block.tasks_stop().write(::nrf51::timer0::tasks_stop::value{1});
        block.mode().write([](auto& r) { r.mode(::nrf51::timer0::mode::mode_v::timer); });
        block.bitmode().write([](auto& r) {
            r.bitmode(wide ? ::nrf51::timer0::bitmode::bitmode_v::_32bit
                           : ::nrf51::timer0::bitmode::bitmode_v::_16bit);
        });
        block.prescaler().write([](auto& r) { r.prescaler(Prescaler); });
        block.shorts().write(::nrf51::timer0::shorts::value{0});
        block.intenclr().write(::nrf51::timer0::intenclr::value{0xf0000u});
        block.tasks_clear().write(::nrf51::timer0::tasks_clear::value{1});
        clear_all_events();
        return timer{};
    }

    // rivet::hal::delay's waits (delay_in_ticks) come here, rounded up to
    // whole ticks. The counter is started from 0 for each wait.
    static void wait_ticks(std::uint64_t ticks) {
        while (ticks > max_ticks) {
            wait_once(max_ticks);
            ticks -= max_ticks;
        }
        if (ticks != 0) wait_once(static_cast<std::uint32_t>(ticks));
    }

    // A tick every `period` ticks: COMPARE[0] fires and the COMPARE0_CLEAR
    // shortcut restarts the count in hardware, so the period does not drift
    // with the time software takes to notice.
    void start_periodic(std::uint32_t period) {
        block.tasks_stop().write(::nrf51::timer0::tasks_stop::value{1});
        block.tasks_clear().write(::nrf51::timer0::tasks_clear::value{1});
        block.template cc<0>().write(::nrf51::timer0::cc::value{period});
        block.shorts().write(
            [](auto& r) { r.compare0_clear(::nrf51::timer0::shorts::compare0_clear_v::enabled); });
        clear_event<0>();
        block.tasks_start().write(::nrf51::timer0::tasks_start::value{1});
    }
    // Whether a period ended since the last call (and forget it).
    bool period_elapsed() { return take_event<0>(); }
    // Blocks until the end of the current period.
    void wait_period() {
        while (!take_event<0>()) {
        }
    }

    // A free-running count from 0, for now(); compares set with
    // set_compare() fire as the count passes them.
    void start() {
        block.tasks_stop().write(::nrf51::timer0::tasks_stop::value{1});
        block.shorts().write(::nrf51::timer0::shorts::value{0});
        block.tasks_clear().write(::nrf51::timer0::tasks_clear::value{1});
        block.tasks_start().write(::nrf51::timer0::tasks_start::value{1});
    }
    void stop() {
        block.tasks_stop().write(::nrf51::timer0::tasks_stop::value{1});
        block.shorts().write(::nrf51::timer0::shorts::value{0});
    }
    // The count, captured into CC[3] (the counter itself is not readable).
    std::uint32_t now() {
        block.template tasks_capture<3>().write(::nrf51::timer0::tasks_capture::value{1});
        return block.template cc<3>().read().bits();
    }

    // COMPARE[Channel] fires when the count reaches `ticks`.
    template <unsigned Channel>
    void set_compare(std::uint32_t ticks) {
        static_assert(Channel < 3, "CC[0..2] are for compares; CC[3] holds now()'s capture");
        clear_event<Channel>();
        block.template cc<Channel>().write(::nrf51::timer0::cc::value{ticks});
    }
    // Whether COMPARE[Channel] fired since it was last taken (and forget it).
    template <unsigned Channel>
    bool take_event() {
        static_assert(Channel < 4, "the nRF51 TIMER has CC[0] to CC[3]");
        if (block.template events_compare<Channel>().read().bits() == 0) return false;
        clear_event<Channel>();
        return true;
    }

private:
    template <unsigned Channel>
    static void clear_event() {
        block.template events_compare<Channel>().write(::nrf51::timer0::events_compare::value{0});
    }
    static void clear_all_events() {
        clear_event<0>();
        clear_event<1>();
        clear_event<2>();
        clear_event<3>();
    }

    // One compare: count from 0 to `ticks` (1..max_ticks), then stop.
    static void wait_once(std::uint32_t ticks) {
        block.tasks_stop().write(::nrf51::timer0::tasks_stop::value{1});
        block.tasks_clear().write(::nrf51::timer0::tasks_clear::value{1});
        block.template cc<0>().write(::nrf51::timer0::cc::value{ticks});
        clear_event<0>();
        block.tasks_start().write(::nrf51::timer0::tasks_start::value{1});
        while (block.template events_compare<0>().read().bits() == 0) {
        }
        block.tasks_stop().write(::nrf51::timer0::tasks_stop::value{1});
        clear_event<0>();
    }
};

static_assert(rivet::hal::delay<timer<0>>);

}  // namespace rivet::nrf51::timer
