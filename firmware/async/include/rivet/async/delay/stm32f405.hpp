// An async delay on an STM32F405 general-purpose timer, TIM2-TIM5
// (rivet/async/delay/timer.hpp): each wait loads the timer and the task
// sleeps until its update interrupt. Ticks are the timer's clock (PSC = 0);
// TIM2 and TIM5 count 2^32 ticks a load, TIM3 and TIM4 2^16 (longer waits
// are split, the interrupt loading the rest).
//
//   using pause = rivet::async::delay::stm32f405<timer::id::tim2, board::timer_clock_hz,
//                                                board::timer_model>;
//   RIVET_BIND_INTERRUPTS(pause::binding, ...);
//   auto d = pause::configure();
//   co_await d.delay_us(250);
//
// Model (rivet::stm32f405::timer::model) says whose counter it drives:
// - silicon: a one-pulse (OPM) from CNT = 0 to ARR = load - 1; URS keeps
//   the set-up's update event from raising UIF.
// - qemu: QEMU 7.2's stm32f2xx_timer schedules each alarm at "now" plus the
//   absolute virtual time at which CNT would reach ARR, so an alarm comes
//   late by the virtual time of the last write to PSC, CNT or EGR.UG (the
//   model's tick offset), and a one-pulse, which writes CNT each time,
//   waits its load plus the time since the machine started. This delay
//   therefore never writes those three: PSC stays 0 (ticks at the model's
//   1 GHz), the offset stays the device's reset time (0 in a QEMU that
//   rivet run starts), and an ARR write fires exactly ARR ticks later,
//   then again every ARR ticks while CEN is set (stop() clears it and moves
//   the next alarm 2^32 ticks away). After a QEMU system_reset (rivet test
//   between cases) every wait is longer by the virtual time of that reset.
#pragma once

#include <cstdint>

#include "rivet/async/delay/timer.hpp"
#include "rivet/stm32f405/rcc.hpp"
#include "rivet/stm32f405/timer.hpp"

namespace rivet::async::delay {

namespace detail {
template <rivet::stm32f405::timer::id T, std::uint32_t ClockHz,
          rivet::stm32f405::timer::model Model>
struct stm32f405_update {
    using traits = rivet::stm32f405::timer::traits<T>;
    static constexpr auto tim = traits::block();
    static constexpr std::uint64_t tick_hz = ClockHz;
    static constexpr std::uint64_t max_load = traits::max_count;
    static constexpr auto irq = traits::irq;
    static constexpr bool silicon = Model == rivet::stm32f405::timer::model::silicon;

    static void configure() {
        namespace bits = rivet::stm32f405::timer::bits;
        rivet::stm32f405::rcc::enable_clock<traits::clock>();
        tim.cr1().write([](auto& r) { r.set_bits(silicon ? bits::cr1_urs : 0); });
        if constexpr (silicon) {
            tim.psc().write([](auto& r) { r.set_bits(0); });
            // PSC is buffered: the update event loads it (URS: no UIF).
            tim.egr().write([](auto& r) { r.set_bits(bits::egr_ug); });
        }
        tim.sr().write([](auto& r) { r.set_bits(0); });
        tim.dier().write([](auto& r) { r.set_bits(bits::dier_uie); });
    }
    static void arm(std::uint32_t load) {
        namespace bits = rivet::stm32f405::timer::bits;
        acknowledge();
        if constexpr (silicon) {
            tim.cnt().write([](auto& r) { r.set_bits(0); });
            // ARR = 0 would block the counter: a 1-tick wait takes 2.
            const std::uint32_t reload = load < 2 ? 1 : load - 1;
            tim.arr().write(
                [reload](auto& r) { r.set_bits(static_cast<decltype(r.bits())>(reload)); });
            tim.cr1().write(
                [](auto& r) { r.set_bits(bits::cr1_urs | bits::cr1_opm | bits::cr1_cen); });
        } else {
            // CEN first: the model's alarm, scheduled by the ARR write, only
            // counts if CEN is set when it fires.
            tim.cr1().write([](auto& r) { r.set_bits(bits::cr1_cen); });
            tim.arr().write([load](auto& r) { r.set_bits(static_cast<decltype(r.bits())>(load)); });
        }
    }
    // SR flags are cleared by writing 0 (the 1s leave the others alone).
    static void acknowledge() {
        tim.sr().write([](auto& r) {
            r.set_bits(static_cast<std::uint16_t>(~rivet::stm32f405::timer::bits::sr_uif));
        });
    }
    static void stop() {
        // On silicon OPM has cleared CEN at the update.
        if constexpr (!silicon) {
            tim.cr1().write([](auto& r) { r.set_bits(0); });
            tim.arr().write([](auto& r) { r.set_bits(static_cast<decltype(r.bits())>(max_load)); });
        }
    }
};
}  // namespace detail

template <rivet::stm32f405::timer::id T, std::uint32_t ClockHz,
          rivet::stm32f405::timer::model Model, unsigned Priority = 0>
using stm32f405 = timer_delay<detail::stm32f405_update<T, ClockHz, Model>, Priority>;

static_assert(rivet::hal::async::delay<stm32f405<rivet::stm32f405::timer::id::tim2, 16'000'000,
                                                 rivet::stm32f405::timer::model::silicon>>);

}  // namespace rivet::async::delay
