// 16 MHz / 256 = 62.5 kHz is the slowest SCK SPI1 can make.
#include "rivet/stm32f405/spi.hpp"
using namespace rivet::stm32f405;
using gpio::pin_id_of;
using gpio::port;
#ifdef RIVET_COMPILE_FAIL
using bus = spi::controller<1, pin_id_of(port::a, 5), pin_id_of(port::a, 6), pin_id_of(port::a, 7),
                            16'000'000, 50'000>;
#else
using bus = spi::controller<1, pin_id_of(port::a, 5), pin_id_of(port::a, 6), pin_id_of(port::a, 7),
                            16'000'000, 62'500>;
#endif
static_assert(rivet::hal::spi_bus<bus>);
static_assert(bus::sck_hz == 62'500);
