// The lm3s6965evb's parts for tasks: the interrupt-driven twins of the
// board support's sensor bus, OLED and navigation switches
// (rivet/bsp/lm3s6965evb.hpp), on the same pins. Each needs its interrupt
// bound (RIVET_BIND_INTERRUPTS(rivet::async::lm3s6965evb::sensor_bus::binding, ...)),
// and taking one beside its blocking twin does not compile (rivet::hal::take).
#pragma once

#include <cstdint>

#include "rivet/async/gpio/lm3s6965.hpp"
#include "rivet/async/i2c/lm3s6965.hpp"
#include "rivet/async/spi/lm3s6965.hpp"
#include "rivet/bsp/lm3s6965evb.hpp"

namespace rivet::async::lm3s6965evb {

namespace board = rivet::bsp::lm3s6965evb;

// I2C0, STOP + START on a change of direction as the blocking sensor_bus
// (QEMU's model drops repeated STARTs).
using sensor_bus = i2c::lm3s6965_controller<0, board::clock_hz, 100'000,
                                            rivet::lm3s6965::i2c::restart::stop_then_start>;

// The OLED on SSI0 (see board::oled_bus), chip select held by the
// interrupt handler across the task's waits.
template <std::uint32_t BitRate = 4'000'000>
using oled_bus = spi::lm3s6965_bus<board::clock_hz, BitRate, rivet::lm3s6965::ssi::mode::mode3>;
using oled_device = spi::lm3s6965_device<oled_bus<>, board::oled_chip_select>;
struct oled_parts {
    oled_device device;
    board::oled_data_command data_command;
};
inline oled_parts configure_oled() {
    (void)board::sd_card_chip_select::configure(rivet::hal::pin_state::high);
    return {oled_device{oled_bus<>::configure(),
                        board::oled_chip_select::configure(rivet::hal::pin_state::high)},
            board::oled_data_command::configure(rivet::hal::pin_state::low)};
}

// The navigation switches, awaitable; a port's interrupt serves all its
// pins: bind buttons_e::binding (up, down, left, right) and
// buttons_f::binding (select). Under QEMU they are the arrow keys and left
// Ctrl (QMP send-key).
using select_button = gpio::lm3s6965_pin<rivet::lm3s6965::gpio::port::f, 1>;
using up_button = gpio::lm3s6965_pin<rivet::lm3s6965::gpio::port::e, 0>;
using down_button = gpio::lm3s6965_pin<rivet::lm3s6965::gpio::port::e, 1>;
using left_button = gpio::lm3s6965_pin<rivet::lm3s6965::gpio::port::e, 2>;
using right_button = gpio::lm3s6965_pin<rivet::lm3s6965::gpio::port::e, 3>;
using buttons_e = gpio::lm3s6965_port<rivet::lm3s6965::gpio::port::e>;
using buttons_f = gpio::lm3s6965_port<rivet::lm3s6965::gpio::port::f>;

}  // namespace rivet::async::lm3s6965evb
