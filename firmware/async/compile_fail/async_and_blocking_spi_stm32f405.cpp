// SPI2 owned by the interrupt-driven bus cannot also be taken as the
// blocking controller, even on other pins of that SPI.
#include "rivet/async/spi/stm32f405.hpp"
#include "rivet/hal/pins.hpp"
#include "rivet/stm32f405/spi.hpp"
using namespace rivet::stm32f405;
using header =
    rivet::async::spi::stm32f405_bus<2, gpio::pin_id_of(gpio::port::b, 13),
                                     gpio::pin_id_of(gpio::port::b, 14),
                                     gpio::pin_id_of(gpio::port::b, 15), 16'000'000, 1'000'000>;
#ifdef RIVET_COMPILE_FAIL
using other =
    spi::controller<2, gpio::pin_id_of(gpio::port::b, 10), gpio::pin_id_of(gpio::port::c, 2),
                    gpio::pin_id_of(gpio::port::c, 3), 16'000'000, 1'000'000>;
#else
using other =
    spi::controller<1, gpio::pin_id_of(gpio::port::a, 5), gpio::pin_id_of(gpio::port::a, 6),
                    gpio::pin_id_of(gpio::port::a, 7), 16'000'000, 1'000'000>;
#endif
void take_them() {
    auto [bus, second] = rivet::hal::take<header, other>();
    (void)bus;
    (void)second;
}
