// The Netduino Plus 2's parts for tasks: the interrupt-driven twin of the
// board support's header SPI (rivet/bsp/netduinoplus2.hpp), on the same pins
// (D13 SCK, D12 MISO, D11 MOSI, D10 chip select). Bind
// header_spi_bus<>::binding (RIVET_BIND_INTERRUPTS); taking it beside the
// blocking header_spi does not compile (rivet::hal::take).
#pragma once

#include <cstdint>

#include "rivet/async/spi/stm32f405.hpp"
#include "rivet/bsp/netduinoplus2.hpp"

namespace rivet::async::netduinoplus2 {

namespace board = rivet::bsp::netduinoplus2;

template <std::uint32_t MaxSckHz = 1'000'000,
          rivet::stm32f405::spi::mode Mode = rivet::stm32f405::spi::mode::mode0>
using header_spi_bus = spi::stm32f405_bus<2, board::d13, board::d12, board::d11,
                                          board::clocks.pclk1_hz(), MaxSckHz, Mode>;
// A chip on the header SPI selected by D10, held low across the task's waits.
using header_spi_device = spi::stm32f405_device<header_spi_bus<>, board::header_spi_select>;
inline header_spi_device configure_header_spi_device() {
    return header_spi_device{header_spi_bus<>::configure(),
                             board::header_spi_select::configure(rivet::hal::pin_state::high)};
}

}  // namespace rivet::async::netduinoplus2
