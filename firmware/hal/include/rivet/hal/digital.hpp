// Digital pins as concepts: an output you drive, an input you sample, and an
// output that remembers what it was set to. Levels are electrical (high/low);
// what "active" means for a given LED or chip select is the driver's business.
#pragma once

#include "rivet/hal/error.hpp"

namespace rivet::hal {

namespace digital {
// Pins rarely fail; when one does (an I/O expander behind I2C) the cause
// belongs to the transport, so there is one standard kind.
enum class error_kind : unsigned char { other };
}  // namespace digital

enum class pin_state : bool { low = false, high = true };

// Drives a pin. After set_high() succeeds the pin drives high until the next
// set_low() (and the other way round); an implementor must not glitch the
// level when asked to set the level it already has.
template <class P>
concept output_pin = error_for<error_type_t<P>, digital::error_kind> && requires(P& pin) {
    { pin.set_high() } -> result_of<void, error_type_t<P>>;
    { pin.set_low() } -> result_of<void, error_type_t<P>>;
};

// Samples a pin. Takes a mutable pin because sampling may touch hardware
// state (an expander's cached port, a debouncer). is_low() is always
// !is_high() of the same sample.
template <class P>
concept input_pin = error_for<error_type_t<P>, digital::error_kind> && requires(P& pin) {
    { pin.is_high() } -> result_of<bool, error_type_t<P>>;
    { pin.is_low() } -> result_of<bool, error_type_t<P>>;
};

// An output that can report the level it was last set to (not a sample of
// the wire) and toggle it.
template <class P>
concept stateful_output_pin = output_pin<P> && requires(P& pin) {
    { pin.is_set_high() } -> result_of<bool, error_type_t<P>>;
    { pin.is_set_low() } -> result_of<bool, error_type_t<P>>;
    { pin.toggle() } -> result_of<void, error_type_t<P>>;
};

// Sets a pin from a value rather than choosing the method.
template <output_pin P>
constexpr result<void, error_type_t<P>> set_state(P& pin, pin_state state) {
    return state == pin_state::high ? pin.set_high() : pin.set_low();
}

}  // namespace rivet::hal
