// Two awaited nRF51 pins asking for different priorities of the one GPIOTE
// interrupt: whichever is configured last would set it for both.
#include "rivet/async/gpio/nrf51.hpp"
using button_a = rivet::async::gpio::nrf51_pin<17, 0, 1>;
#ifdef RIVET_COMPILE_FAIL
using button_b = rivet::async::gpio::nrf51_pin<26, 1, 2>;
#else
using button_b = rivet::async::gpio::nrf51_pin<26, 1, 1>;
#endif
constexpr auto bound_irq = rivet::async::gpio::nrf51_gpiote<button_a, button_b>::binding::irq;
