// Waiting for a level or an edge on an input pin without polling it: the
// async twin of rivet::hal::input_pin. co_await on each wait gives
// result<void, E>, E being the pin's error type (digital::error_kind kinds).
//
//   co_await button.wait_for_falling_edge();   // pressed (closes to ground)
#pragma once

#include "rivet/hal/async/basics.hpp"
#include "rivet/hal/digital.hpp"
#include "rivet/hal/error.hpp"

namespace rivet::hal::async {

// An input pin that can also be awaited. Implementor guarantees:
// - wait_for_high()/wait_for_low() complete at once (without suspending the
//   task) when the pin already has that level, otherwise at the first
//   moment it is seen at it;
// - wait_for_rising_edge()/falling/any complete on an edge that happens
//   after the wait began; edges before it (while nobody waited) are not
//   remembered;
// - the core is not busy while the task waits: an interrupt ends the wait;
// - one task waits on a pin at a time: a wait started while another is
//   pending on the same pin fails with kind `other` and leaves the first
//   one waiting.
template <class P>
concept input_pin = hal::input_pin<P> && requires(P& pin) {
    { pin.wait_for_high() } -> awaits_result<void, error_type_t<P>>;
    { pin.wait_for_low() } -> awaits_result<void, error_type_t<P>>;
    { pin.wait_for_rising_edge() } -> awaits_result<void, error_type_t<P>>;
    { pin.wait_for_falling_edge() } -> awaits_result<void, error_type_t<P>>;
    { pin.wait_for_any_edge() } -> awaits_result<void, error_type_t<P>>;
};

// What a wait waits for, for implementations that share one awaiter.
enum class pin_event : unsigned char { high, low, rising_edge, falling_edge, any_edge };

}  // namespace rivet::hal::async
