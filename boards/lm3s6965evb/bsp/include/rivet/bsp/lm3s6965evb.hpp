// Board support for the EK-LM3S6965 evaluation board (QEMU's lm3s6965evb):
// what is wired to what, by name. Everything is a type from the LM3S6965
// HAL with its pins fixed, so using the board costs no more than the HAL.
//
//   auto led = rivet::bsp::lm3s6965evb::status_led::configure();
//   auto bus = rivet::bsp::lm3s6965evb::sensor_bus::configure();
#pragma once

#include <cstdint>

#include "rivet/board/config.hpp"
#include "rivet/lm3s6965/gpio.hpp"
#include "rivet/lm3s6965/i2c.hpp"
#include "rivet/lm3s6965/uart.hpp"

namespace rivet::bsp::lm3s6965evb {

namespace gpio = rivet::lm3s6965::gpio;

// The system clock the board runs at (boards/lm3s6965evb/board.json).
inline constexpr std::uint32_t clock_hz = rivet::board::clock_hz;

// UART0 on PA0/PA1: the virtual COM port of the debug USB (QEMU's serial0).
template <std::uint32_t Baud = 115200>
using console_uart = rivet::lm3s6965::uart::uart<0, clock_hz, Baud>;

// The green "status" LED, PF0, lit when driven high.
using status_led = gpio::output_pin<gpio::port::f, 0>;

// The navigation switches; each closes to ground, so configure with
// gpio::pull::up and read "pressed" as low.
using select_button = gpio::input_pin<gpio::port::f, 1>;
using up_button = gpio::input_pin<gpio::port::e, 0>;
using down_button = gpio::input_pin<gpio::port::e, 1>;
using left_button = gpio::input_pin<gpio::port::e, 2>;
using right_button = gpio::input_pin<gpio::port::e, 3>;

// I2C0 on PB2 (SCL) and PB3 (SDA). Under QEMU a TMP105 can be plugged in
// with `-device tmp105,address=0x48`.
template <std::uint32_t SclHz = 100'000,
          rivet::lm3s6965::i2c::restart Restart = rivet::lm3s6965::i2c::restart::repeated_start>
using i2c0 = rivet::lm3s6965::i2c::master<0, clock_hz, SclHz, Restart>;
// The bus for the board's sensors at 100 kHz. Rivet runs this board under
// QEMU, whose I2C model drops repeated STARTs, so a change of direction is
// STOP + START here; on an EK-LM3S6965 use i2c0<> (repeated START).
using sensor_bus = i2c0<100'000, rivet::lm3s6965::i2c::restart::stop_then_start>;

}  // namespace rivet::bsp::lm3s6965evb
