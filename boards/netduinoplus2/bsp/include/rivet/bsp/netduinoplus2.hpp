// Board support for the Netduino Plus 2 (STM32F405RG; QEMU's netduinoplus2):
// what is wired to what, by name, as types of the STM32F405 HAL with their
// pins fixed.
//
//   auto [console, led] = rivet::hal::take<board::console_usart<>, board::user_led>();
#pragma once

#include <cstdint>

#include "rivet/board/config.hpp"
#include "rivet/hal/pins.hpp"
#include "rivet/stm32f405/exti.hpp"
#include "rivet/stm32f405/gpio.hpp"
#include "rivet/stm32f405/interrupts.hpp"
#include "rivet/stm32f405/rcc.hpp"
#include "rivet/stm32f405/spi.hpp"
#include "rivet/stm32f405/timer.hpp"
#include "rivet/stm32f405/usart.hpp"

namespace rivet::bsp::netduinoplus2 {

namespace gpio = rivet::stm32f405::gpio;
using gpio::pin_id_of;
using gpio::port;

// The clock the board runs at (boards/netduinoplus2/board.json): the reset
// clock, HSI 16 MHz, with every bus undivided.
inline constexpr rivet::stm32f405::rcc::clock_tree clocks{rivet::board::clock_hz};

// The clock TIM2-5 count at. On the board at reset that is the APB1 timer
// clock (16 MHz). QEMU 7.2 ignores RCC and its netduinoplus2 timers count at
// 1 GHz (the model's default clock-frequency, which the SoC does not set;
// measured), so firmware built for the emulator (the default here) says so;
// define RIVET_NETDUINOPLUS2_SILICON for a real board.
// The counters follow QEMU's model the same way (timer::model: how late its
// alarms come).
#if defined(RIVET_NETDUINOPLUS2_SILICON)
inline constexpr std::uint32_t timer_clock_hz = clocks.apb1_timer_hz();
inline constexpr auto timer_model = rivet::stm32f405::timer::model::silicon;
#else
inline constexpr std::uint32_t timer_clock_hz = 1'000'000'000;
inline constexpr auto timer_model = rivet::stm32f405::timer::model::qemu;
#endif

// Header pins by their Arduino names (the Netduino Plus 2 pin map).
inline constexpr rivet::hal::pin_id d0 = pin_id_of(port::c, 7), d1 = pin_id_of(port::c, 6),
                                    d2 = pin_id_of(port::a, 3), d3 = pin_id_of(port::a, 2),
                                    d4 = pin_id_of(port::b, 12), d5 = pin_id_of(port::b, 8),
                                    d6 = pin_id_of(port::b, 9), d7 = pin_id_of(port::a, 1),
                                    d8 = pin_id_of(port::a, 0), d9 = pin_id_of(port::a, 6),
                                    d10 = pin_id_of(port::b, 10), d11 = pin_id_of(port::b, 15),
                                    d12 = pin_id_of(port::b, 14), d13 = pin_id_of(port::b, 13);
inline constexpr rivet::hal::pin_id a0 = pin_id_of(port::c, 0), a1 = pin_id_of(port::c, 1),
                                    a2 = pin_id_of(port::c, 2), a3 = pin_id_of(port::c, 3),
                                    a4 = pin_id_of(port::c, 4), a5 = pin_id_of(port::c, 5);

// The blue user LED on PA10, lit when driven high.
using user_led = gpio::output_pin<port::a, 10>;
// The white power LED on PC13.
using power_led = gpio::output_pin<port::c, 13>;
// The push button on PB11: pulled low on the board, high while pressed.
using user_button = gpio::input_pin<port::b, 11>;
// The button as an interrupt source: EXTI line 11, on the press.
using user_button_edge =
    rivet::stm32f405::exti::line<user_button, rivet::stm32f405::exti::edge::rising>;

// The console: USART1, QEMU's first serial port. PA9/PA10 (USART1's
// usual pins) are USB VBUS sensing and the LED on this board, so USART1
// uses its other pins, PB6 (TX) and PB7 (RX).
template <std::uint32_t Baud = 115200>
using console_usart =
    rivet::stm32f405::usart::usart<1, pin_id_of(port::b, 6), pin_id_of(port::b, 7),
                                   clocks.pclk2_hz(), Baud>;
// The USART rivet::console writes to and reads from.
using console = console_usart<>;
// The UARTs on the header: USART6 on D1 (TX) / D0 (RX), USART2 on D3 / D2.
template <std::uint32_t Baud = 115200>
using d0_d1_usart = rivet::stm32f405::usart::usart<6, d1, d0, clocks.pclk2_hz(), Baud>;
template <std::uint32_t Baud = 115200>
using d2_d3_usart = rivet::stm32f405::usart::usart<2, d3, d2, clocks.pclk1_hz(), Baud>;

// SPI2 on the header: D13 SCK, D12 MISO, D11 MOSI; D10 is the usual chip
// select (a GPIO output, outside the bus).
template <std::uint32_t MaxSckHz = 1'000'000,
          rivet::stm32f405::spi::mode Mode = rivet::stm32f405::spi::mode::mode0>
using header_spi =
    rivet::stm32f405::spi::controller<2, d13, d12, d11, clocks.pclk1_hz(), MaxSckHz, Mode>;
using header_spi_select = gpio::output_pin<port::b, 10>;

// TIM2 as the board's delay; TIM3 as a periodic tick.
using delay_timer =
    rivet::stm32f405::timer::delay<rivet::stm32f405::timer::id::tim2, timer_clock_hz>;
template <std::uint32_t PeriodUs>
using tick_timer =
    rivet::stm32f405::timer::periodic<rivet::stm32f405::timer::id::tim3, timer_clock_hz, PeriodUs>;
// PWM on D5 (PB8, TIM4 channel 3).
template <std::uint32_t FrequencyHz = 1000>
using d5_pwm = rivet::stm32f405::timer::pwm<rivet::stm32f405::timer::id::tim4, 3, d5,
                                            timer_clock_hz, FrequencyHz>;

static_assert(
    rivet::hal::distinct_pins<console_usart<>, user_led, power_led, user_button, d0_d1_usart<>,
                              d2_d3_usart<>, header_spi<>, header_spi_select, d5_pwm<>>,
    "the Netduino Plus 2 wiring claims a pin twice");

// The chip's interrupts by name (from its SVD), for the NVIC and
// RIVET_BIND_INTERRUPTS; boards/netduinoplus2/board.json must count as many.
using irq = rivet::stm32f405::irq;
static_assert(rivet::cortex_m::interrupt_count_matches<irq, rivet::board::interrupt_count>());

}  // namespace rivet::bsp::netduinoplus2
