// Two awaited nRF51 pins given one GPIOTE channel: the second pin's waits
// would reconfigure the first one's channel.
#include "rivet/async/gpio/nrf51.hpp"
using button_a = rivet::async::gpio::nrf51_pin<17, 0>;
#ifdef RIVET_COMPILE_FAIL
using button_b = rivet::async::gpio::nrf51_pin<26, 0>;
#else
using button_b = rivet::async::gpio::nrf51_pin<26, 1>;
#endif
using gpiote = rivet::async::gpio::nrf51_gpiote<button_a, button_b>;
constexpr auto bound_irq = gpiote::binding::irq;
