// Board support for the EK-LM3S6965 evaluation board (QEMU's lm3s6965evb):
// what is wired to what, by name. Everything is a type from the LM3S6965
// HAL with its pins fixed, so using the board costs no more than the HAL.
//
//   namespace board = rivet::bsp::lm3s6965evb;
//   auto [led, sensors] = rivet::hal::take<board::status_led, board::sensor_bus>();
#pragma once

#include <cstdint>

#include "rivet/board/config.hpp"
#include "rivet/cortex_m/systick.hpp"
#include "rivet/hal/bus.hpp"
#include "rivet/hal/pins.hpp"
#include "rivet/lm3s6965/gpio.hpp"
#include "rivet/lm3s6965/i2c.hpp"
#include "rivet/lm3s6965/interrupts.hpp"
#include "rivet/lm3s6965/ssi.hpp"
#include "rivet/lm3s6965/timer.hpp"
#include "rivet/lm3s6965/uart.hpp"

namespace rivet::bsp::lm3s6965evb {

namespace gpio = rivet::lm3s6965::gpio;

// The system clock the board runs at (boards/lm3s6965evb/board.json).
inline constexpr std::uint32_t clock_hz = rivet::board::clock_hz;

// UART0 on PA0/PA1: the virtual COM port of the debug USB (QEMU's serial0).
template <std::uint32_t Baud = 115200>
using console_uart = rivet::lm3s6965::uart::uart<0, clock_hz, Baud>;
// The UART rivet::console writes to and reads from.
using console = console_uart<>;

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
using i2c0 = rivet::lm3s6965::i2c::controller<0, clock_hz, SclHz, Restart>;
// The bus for the board's sensors at 100 kHz. Rivet runs this board under
// QEMU, whose I2C model drops repeated STARTs, so a change of direction is
// STOP + START here; on an EK-LM3S6965 use i2c0<> (repeated START).
using sensor_bus = i2c0<100'000, rivet::lm3s6965::i2c::restart::stop_then_start>;

// Timers. `delay` is the core's SysTick (no pins, no chip timer taken);
// `timer_delay` a 32-bit one-shot on TIMER2 for code that keeps SysTick for
// something else. TIMER0 and TIMER1 are left free: their halves drive the
// CCP pins (rivet::lm3s6965::timer::pwm).
using delay = rivet::cortex_m::systick_delay<clock_hz>;
using timer_delay = rivet::lm3s6965::timer::one_shot_delay<2, clock_hz>;

// The OLED: an SSD0323 controller (128 x 64 pixels, 16 grey levels) on
// SSI0 (PA2 clock, PA5 data out; it sends nothing back), with its
// data/command line on PC7 (low: command, high: data). The SSD0323 samples
// on the rising clock edge and takes a clock cycle of 250 ns or more.
//
// Chip selects: the board wires the OLED's (active low) to PA3, SSI0Fss,
// and the microSD card's to PD0. QEMU 7.2 wires PD0 alone to both: high
// selects the OLED, low the SD card (its model comment says so), and PA3
// goes nowhere. So the OLED's select is PA3, framed by
// rivet::hal::exclusive_spi_device as on the silicon, and configure_oled()
// drives PD0 high once: the SD card is left deselected on the board, and
// QEMU's OLED selected.
template <std::uint32_t BitRate = 4'000'000>
using oled_bus =
    rivet::lm3s6965::ssi::controller<clock_hz, BitRate, rivet::lm3s6965::ssi::mode::mode3>;
using oled_chip_select = gpio::output_pin<gpio::port::a, 3>;
using oled_data_command = gpio::output_pin<gpio::port::c, 7>;
using sd_card_chip_select = gpio::output_pin<gpio::port::d, 0>;
inline constexpr unsigned oled_width = 128;
inline constexpr unsigned oled_height = 64;
using oled_device = rivet::hal::exclusive_spi_device<oled_bus<>, oled_chip_select>;

// What rivet::drivers::ssd0323 takes: the device and the D/C pin.
struct oled_parts {
    oled_device device;
    oled_data_command data_command;
};
inline oled_parts configure_oled() {
    (void)sd_card_chip_select::configure(rivet::hal::pin_state::high);
    return {oled_device{oled_bus<>::configure(),
                        oled_chip_select::configure(rivet::hal::pin_state::high)},
            oled_data_command::configure(rivet::hal::pin_state::low)};
}

// The board's own wiring claims no pin twice.
static_assert(rivet::hal::distinct_pins<console_uart<>, status_led, select_button, up_button,
                                        down_button, left_button, right_button, i2c0<>, oled_bus<>,
                                        oled_chip_select, oled_data_command, sd_card_chip_select>,
              "lm3s6965evb: two board functions on one pin");

// The chip's interrupts by name (from its SVD), for the NVIC and
// RIVET_BIND_INTERRUPTS; boards/lm3s6965evb/board.json must count as many.
using irq = rivet::lm3s6965::irq;
static_assert(rivet::cortex_m::interrupt_count_matches<irq, rivet::board::interrupt_count>());

}  // namespace rivet::bsp::lm3s6965evb
