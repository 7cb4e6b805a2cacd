// A fifth awaited nRF51 pin: the GPIOTE has four channels.
#include "rivet/async/gpio/nrf51.hpp"
using namespace rivet::async::gpio;
#ifdef RIVET_COMPILE_FAIL
using fifth = nrf51_pin<4, 4>;
#else
using fifth = nrf51_pin<4, 3>;
#endif
using gpiote = nrf51_gpiote<nrf51_pin<0, 0>, nrf51_pin<1, 1>, nrf51_pin<2, 2>, fifth>;
constexpr auto bound_irq = gpiote::binding::irq;
