// nRF51 inputs that can be awaited (rivet::hal::async::input_pin) through
// GPIOTE: an awaited pin owns one of its four channels, which each wait puts
// in event mode on the pin with the polarity it needs (LoToHi, HiToLo or
// Toggle); the channel's IN event interrupts and the handler wakes the task.
// Levels are sampled from the pin (IN) and, when not there yet, awaited as
// the edge towards them. Between waits the channel is disabled: an enabled
// IN channel keeps the 16 MHz clock running on silicon.
//
// The GPIOTE has one interrupt for every channel: bind it once, naming the
// awaited pins, which is where their channels are checked (four at most,
// one pin each, no pin on two).
//
//   using button_a = rivet::async::gpio::nrf51_pin<17, 0>;   // P0.17 on channel 0
//   using button_b = rivet::async::gpio::nrf51_pin<26, 1>;   // P0.26 on channel 1
//   RIVET_BIND_INTERRUPTS(rivet::async::gpio::nrf51_gpiote<button_a, button_b>::binding, ...);
//   auto a = button_a::configure(rivet::nrf51::gpio::pull::up);
//   co_await a.wait_for_falling_edge();
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include "nrf51/gpiote.hpp"
#include "rivet/async/executor.hpp"
#include "rivet/async/gpio/wait.hpp"
#include "rivet/cortex_m/interrupts.hpp"
#include "rivet/cortex_m/nvic.hpp"
#include "rivet/hal/async/digital.hpp"
#include "rivet/hal/pins.hpp"
#include "rivet/nrf51/gpio.hpp"
#include "rivet/nrf51/interrupts.hpp"

namespace rivet::async::gpio {

inline constexpr unsigned nrf51_gpiote_channels = 4;

// The four channels' waiting tasks and the handler of the GPIOTE
// interrupt: each channel whose IN event is armed and has come is switched
// off and its task woken.
struct nrf51_gpiote_events {
    static constexpr auto gpiote = ::nrf51::GPIOTE;
    static inline std::array<waker, nrf51_gpiote_channels> waiting{};

    // The channel's interrupt off, the channel disabled and its event
    // cleared: nothing of this wait is left to fire later.
    static void release(unsigned channel) {
        gpiote.intenclr().write(::nrf51::gpiote::intenclr::value{1u << channel});
        gpiote.config(channel).write(::nrf51::gpiote::config::value{0u});
        gpiote.events_in(channel).write(::nrf51::gpiote::events_in::value{0u});
    }

    static void on_interrupt() {
        const std::uint32_t armed = gpiote.intenset().read().bits();
        for (unsigned channel = 0; channel < nrf51_gpiote_channels; ++channel) {
            if ((armed & (1u << channel)) == 0) continue;
            if (gpiote.events_in(channel).read().bits() == 0) continue;
            release(channel);
            const waker task = waiting[channel];
            if (task == nullptr) continue;
            waiting[channel] = nullptr;
            wake(task);
        }
    }
};

namespace detail {
// One pin on one GPIOTE channel as a line of waitable_pin
// (rivet/async/gpio/wait.hpp).
template <unsigned Pin, unsigned Channel>
struct nrf51_gpiote_line {
    static constexpr auto gpiote = ::nrf51::GPIOTE;

    static bool level() { return rivet::nrf51::gpio::input_pin<Pin>{}.is_high().value(); }
    static waker& slot() { return nrf51_gpiote_events::waiting[Channel]; }
    // The event cleared after the channel is set up: configuring a channel
    // can raise it, and an edge from before the wait does not count.
    static void arm(rivet::hal::async::pin_event what) {
        using event = rivet::hal::async::pin_event;
        using polarity = ::nrf51::gpiote::config::polarity_v;
        const polarity edge = what == event::any_edge ? polarity::toggle
                              : what == event::high || what == event::rising_edge
                                  ? polarity::lo_to_hi
                                  : polarity::hi_to_lo;
        gpiote.config(Channel).write([edge](auto& r) {
            r.mode(::nrf51::gpiote::config::mode_v::event).psel(Pin).polarity(edge);
        });
        gpiote.events_in(Channel).write(::nrf51::gpiote::events_in::value{0u});
        gpiote.intenset().write(::nrf51::gpiote::intenset::value{1u << Channel});
    }
    static void disarm() { nrf51_gpiote_events::release(Channel); }
};
}  // namespace detail

// P0.Pin awaited on GPIOTE channel Channel.
template <unsigned Pin, unsigned Channel, unsigned Priority = 0>
class nrf51_pin : public waitable_pin<detail::nrf51_gpiote_line<Pin, Channel>> {
    static_assert(Channel < nrf51_gpiote_channels,
                  "the nRF51 GPIOTE has channels 0 to 3: at most four pins can be awaited");
    using input = rivet::nrf51::gpio::input_pin<Pin>;

public:
    static constexpr auto irq = ::nrf51::irq::gpiote;
    static constexpr unsigned pin_number = Pin;
    static constexpr unsigned channel = Channel;
    static constexpr unsigned priority = Priority;
    static constexpr auto claimed_pins = input::claimed_pins;
    // The channel's CONFIG register: two pins given one channel are one
    // peripheral taken twice (rivet::hal::take).
    static constexpr rivet::hal::peripheral_id claimed_peripheral{
        static_cast<std::uint32_t>(::nrf51::GPIOTE.config(Channel).address())};

    // The input's setup, its channel disabled, and the GPIOTE's NVIC line on.
    static nrf51_pin configure(rivet::nrf51::gpio::pull resistor = rivet::nrf51::gpio::pull::none) {
        (void)input::configure(resistor);
        detail::nrf51_gpiote_line<Pin, Channel>::disarm();
        cortex_m::nvic::set_priority<irq, Priority>();
        cortex_m::nvic::clear_pending<irq>();
        cortex_m::nvic::enable<irq>();
        return nrf51_pin{};
    }
};

namespace detail {
template <std::size_t N>
consteval bool all_different(const std::array<unsigned, N>& numbers) {
    for (std::size_t i = 0; i < N; ++i)
        for (std::size_t j = i + 1; j < N; ++j)
            if (numbers[i] == numbers[j]) return false;
    return true;
}
}  // namespace detail

template <class First, class...>
inline constexpr unsigned nrf51_gpiote_priority = First::priority;

// The GPIOTE interrupt for the awaited pins (nrf51_pin types): bind
// `binding` once.
template <class... Pins>
struct nrf51_gpiote {
    static_assert(sizeof...(Pins) >= 1, "nrf51_gpiote: name the awaited pins (nrf51_pin<...>)");
    static_assert(detail::all_different(std::array<unsigned, sizeof...(Pins)>{Pins::channel...}),
                  "two awaited pins on one GPIOTE channel: give each pin its own channel (0 to 3)");
    static_assert(detail::all_different(std::array<unsigned, sizeof...(Pins)>{Pins::pin_number...}),
                  "one pin on two GPIOTE channels: the nRF51 allows one channel a pin");
    static_assert(((Pins::priority == nrf51_gpiote_priority<Pins...>)&&...),
                  "the awaited pins share the GPIOTE interrupt, which has one priority: give "
                  "them the same");

    static constexpr auto irq = ::nrf51::irq::gpiote;
    using binding = cortex_m::bind<irq, nrf51_gpiote_events::on_interrupt>;
};

static_assert(rivet::hal::async::input_pin<nrf51_pin<17, 0>>);

}  // namespace rivet::async::gpio
