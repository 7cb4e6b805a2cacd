// One nRF51 pin on two GPIOTE channels: the chip allows one channel a pin.
#include "rivet/async/gpio/nrf51.hpp"
using rising = rivet::async::gpio::nrf51_pin<17, 0>;
#ifdef RIVET_COMPILE_FAIL
using falling = rivet::async::gpio::nrf51_pin<17, 1>;
#else
using falling = rivet::async::gpio::nrf51_pin<18, 1>;
#endif
using gpiote = rivet::async::gpio::nrf51_gpiote<rising, falling>;
constexpr auto bound_irq = gpiote::binding::irq;
