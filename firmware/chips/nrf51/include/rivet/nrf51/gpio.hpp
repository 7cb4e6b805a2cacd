// GPIO pins of the nRF51's single port (P0.0 to P0.31), the pin number fixed
// at compile time: an output pin (rivet::hal::stateful_output_pin), an input
// pin (rivet::hal::input_pin) and a group of outputs written together (an
// LED matrix, a parallel bus).
//
// Levels go through OUTSET and OUTCLR: one store touches only the pins whose
// bits are set, so no read-modify-write can undo what an interrupt did to
// another pin of the port.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include "nrf51/gpio.hpp"
#include "rivet/hal/digital.hpp"
#include "rivet/hal/error.hpp"
#include "rivet/hal/pins.hpp"

namespace rivet::nrf51::gpio {

inline constexpr unsigned pin_count = 32;

// The pin as rivet::hal::take and distinct_pins see it: the nRF51 has port 0 only.
constexpr rivet::hal::pin_id pin_id_of(unsigned pin) {
    return {0, static_cast<std::uint16_t>(pin)};
}

// The bit of a pin in OUT, IN and DIR. Pins out of range give 0 so that the
// static_assert that names the mistake is the only error.
constexpr std::uint32_t mask_of(unsigned pin) {
    return pin < pin_count ? 1u << pin : 0u;
}

enum class pull : unsigned char { none, up, down };

namespace detail {
constexpr ::nrf51::gpio::pin_cnf::pull_v pull_field(pull resistor) {
    switch (resistor) {
        case pull::up:
            return ::nrf51::gpio::pin_cnf::pull_v::pullup;
        case pull::down:
            return ::nrf51::gpio::pin_cnf::pull_v::pulldown;
        case pull::none:
            break;
    }
    return ::nrf51::gpio::pin_cnf::pull_v::disabled;
}

// An output with its input buffer connected, so IN reads back the level on
// the pin (costs a few microamps on silicon; QEMU only updates IN for pins
// whose input buffer is connected).
inline void make_output(unsigned pin) {
    ::nrf51::GPIO.pin_cnf(pin).write([](auto& r) {
        r.dir(::nrf51::gpio::pin_cnf::dir_v::output)
            .input(::nrf51::gpio::pin_cnf::input_v::connect)
            .pull(::nrf51::gpio::pin_cnf::pull_v::disabled)
            .drive(::nrf51::gpio::pin_cnf::drive_v::s0s1)
            .sense(::nrf51::gpio::pin_cnf::sense_v::disabled);
    });
}

inline void make_input(unsigned pin, pull resistor) {
    ::nrf51::GPIO.pin_cnf(pin).write([resistor](auto& r) {
        r.dir(::nrf51::gpio::pin_cnf::dir_v::input)
            .input(::nrf51::gpio::pin_cnf::input_v::connect)
            .pull(pull_field(resistor))
            .drive(::nrf51::gpio::pin_cnf::drive_v::s0s1)
            .sense(::nrf51::gpio::pin_cnf::sense_v::disabled);
    });
}
}  // namespace detail

template <unsigned Pin>
class output_pin {
    static_assert(Pin < pin_count, "the nRF51 has pins P0.0 to P0.31");
    static constexpr std::uint32_t mask = mask_of(Pin);

public:
    using error_type = rivet::hal::infallible;
    static constexpr unsigned pin_number = Pin;
    static constexpr std::array<rivet::hal::pin_id, 1> claimed_pins{pin_id_of(Pin)};

    // OUT holds its level whatever the direction, so the level is set first
    // and the pin starts driving `initial` without a glitch.
    static output_pin configure(rivet::hal::pin_state initial = rivet::hal::pin_state::low) {
        if (initial == rivet::hal::pin_state::high) {
            ::nrf51::GPIO.outset().write(::nrf51::gpio::outset::value{mask});
        } else {
            ::nrf51::GPIO.outclr().write(::nrf51::gpio::outclr::value{mask});
        }
        detail::make_output(Pin);
        return output_pin{};
    }

    rivet::hal::result<void, error_type> set_high() {
        ::nrf51::GPIO.outset().write(::nrf51::gpio::outset::value{mask});
        return rivet::hal::success;
    }
    rivet::hal::result<void, error_type> set_low() {
        ::nrf51::GPIO.outclr().write(::nrf51::gpio::outclr::value{mask});
        return rivet::hal::success;
    }
    // OUT: the level the pin was set to.
    rivet::hal::result<bool, error_type> is_set_high() const {
        return (::nrf51::GPIO.out().read().bits() & mask) != 0;
    }
    rivet::hal::result<bool, error_type> is_set_low() const {
        return (::nrf51::GPIO.out().read().bits() & mask) == 0;
    }
    // One load of OUT, then one store to OUTCLR or OUTSET of this pin only.
    rivet::hal::result<void, error_type> toggle() {
        if (::nrf51::GPIO.out().read().bits() & mask) {
            ::nrf51::GPIO.outclr().write(::nrf51::gpio::outclr::value{mask});
        } else {
            ::nrf51::GPIO.outset().write(::nrf51::gpio::outset::value{mask});
        }
        return rivet::hal::success;
    }
    // IN: the level sampled on the pin (the same as OUT unless something
    // outside overdrives it).
    bool reads_high() const { return (::nrf51::GPIO.in().read().bits() & mask) != 0; }
};

template <unsigned Pin>
class input_pin {
    static_assert(Pin < pin_count, "the nRF51 has pins P0.0 to P0.31");
    static constexpr std::uint32_t mask = mask_of(Pin);

public:
    using error_type = rivet::hal::infallible;
    static constexpr unsigned pin_number = Pin;
    static constexpr std::array<rivet::hal::pin_id, 1> claimed_pins{pin_id_of(Pin)};

    static input_pin configure(pull resistor = pull::none) {
        detail::make_input(Pin, resistor);
        return input_pin{};
    }

    rivet::hal::result<bool, error_type> is_high() {
        return (::nrf51::GPIO.in().read().bits() & mask) != 0;
    }
    rivet::hal::result<bool, error_type> is_low() {
        return (::nrf51::GPIO.in().read().bits() & mask) == 0;
    }
};

// Several outputs driven together: write() changes any of them in two
// stores (OUTSET, then OUTCLR), whatever the pins. An LED matrix uses it
// to switch rows and columns at once.
template <unsigned... Pins>
class output_group {
    static_assert(sizeof...(Pins) > 0, "an output group needs at least one pin");
    static_assert(((Pins < pin_count) && ...), "the nRF51 has pins P0.0 to P0.31");

public:
    using error_type = rivet::hal::infallible;
    static constexpr std::size_t size = sizeof...(Pins);
    static constexpr std::array<unsigned, size> pins{Pins...};
    static constexpr std::uint32_t mask = (mask_of(Pins) | ...);
    static constexpr std::array<rivet::hal::pin_id, size> claimed_pins{pin_id_of(Pins)...};
    static_assert(
        [] {
            for (std::size_t i = 0; i < size; ++i)
                for (std::size_t j = i + 1; j < size; ++j)
                    if (pins[i] == pins[j]) return false;
            return true;
        }(),
        "a pin is listed twice in the output group");

    // Bit i of `levels` is the i-th pin of the group.
    static output_group configure(std::uint32_t levels = 0) {
        output_group group;
        group.write(levels);
        (detail::make_output(Pins), ...);
        return group;
    }

    // Pins listed in ascending order without gaps (an LED matrix's rows)
    // map levels to port bits with one shift instead of a loop.
    static constexpr bool contiguous = [] {
        for (std::size_t i = 1; i < size; ++i) {
            if (pins[i] != pins[0] + i) return false;
        }
        return true;
    }();
    static constexpr std::uint32_t level_mask = size >= 32 ? 0xffff'ffffu : (1u << size) - 1;

    // The port bits (OUTSET/OUTCLR layout) for group levels.
    static constexpr std::uint32_t port_bits(std::uint32_t levels) {
        if constexpr (contiguous) {
            return (levels & level_mask) << pins[0];
        } else {
            std::uint32_t bits = 0;
            for (std::size_t i = 0; i < size; ++i) {
                if (levels & (1u << i)) bits |= mask_of(pins[i]);
            }
            return bits;
        }
    }

    void write(std::uint32_t levels) { write_port(port_bits(levels)); }
    // The same from port bits; bits outside the group are ignored.
    void write_port(std::uint32_t high_bits) {
        ::nrf51::GPIO.outset().write(::nrf51::gpio::outset::value{high_bits & mask});
        ::nrf51::GPIO.outclr().write(::nrf51::gpio::outclr::value{~high_bits & mask});
    }
    // What the group was set to, bit i for the i-th pin.
    std::uint32_t read() const {
        const std::uint32_t out = ::nrf51::GPIO.out().read().bits();
        if constexpr (contiguous) {
            return (out >> pins[0]) & level_mask;
        } else {
            std::uint32_t levels = 0;
            for (std::size_t i = 0; i < size; ++i) {
                if (out & mask_of(pins[i])) levels |= 1u << i;
            }
            return levels;
        }
    }
};

static_assert(rivet::hal::stateful_output_pin<output_pin<0>>);
static_assert(rivet::hal::input_pin<input_pin<1>>);

}  // namespace rivet::nrf51::gpio
