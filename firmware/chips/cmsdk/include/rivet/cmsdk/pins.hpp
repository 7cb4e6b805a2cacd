// Pin numbering for rivet::hal::take and distinct_pins on the MPS2 AN385.
// The lines these peripherals drive are not GPIO pins of a port: the FPGA
// wires the LEDs, the buttons and each UART's RX/TX straight to the block
// that owns them. They still must not be handed out twice, so each gets a
// made-up port number well clear of the CMSDK GPIO ports (0 to 3, which
// the HAL does not drive):
//   port 16: FPGA I/O LEDs, number = LED index (LED0 = 0)
//   port 17: FPGA I/O buttons, number = button index
//   port 24 + n: SBCon n (I2C), number 0 = SCL, 1 = SDA
//   port 32 + n: UARTn, number 0 = RX, 1 = TX
#pragma once

#include <cstdint>

#include "rivet/hal/pins.hpp"

namespace rivet::cmsdk::pins {

inline constexpr std::uint16_t fpgaio_led_port = 16;
inline constexpr std::uint16_t fpgaio_button_port = 17;
inline constexpr std::uint16_t first_sbcon_port = 24;
inline constexpr std::uint16_t first_uart_port = 32;

constexpr rivet::hal::pin_id led(unsigned index) {
    return {fpgaio_led_port, static_cast<std::uint16_t>(index)};
}
constexpr rivet::hal::pin_id button(unsigned index) {
    return {fpgaio_button_port, static_cast<std::uint16_t>(index)};
}
constexpr rivet::hal::pin_id sbcon_scl(unsigned bus) {
    return {static_cast<std::uint16_t>(first_sbcon_port + bus), 0};
}
constexpr rivet::hal::pin_id sbcon_sda(unsigned bus) {
    return {static_cast<std::uint16_t>(first_sbcon_port + bus), 1};
}
constexpr rivet::hal::pin_id uart_rx(unsigned uart) {
    return {static_cast<std::uint16_t>(first_uart_port + uart), 0};
}
constexpr rivet::hal::pin_id uart_tx(unsigned uart) {
    return {static_cast<std::uint16_t>(first_uart_port + uart), 1};
}

}  // namespace rivet::cmsdk::pins
