// What the async examples use of each board: two interrupt lines nothing
// else raises, for interrupt executors (spare::low, spare::high), and two
// LEDs, as far as the board has them, which the blinky tasks drive by
// number. lm3s6965evb: the status LED (PF0) and nothing;
// netduinoplus2: the user LED (PA10) and the power LED (PC13); mps2-an385:
// the FPGA's LED0 and LED1; microbit: the display's (0, 0) and (4, 4)
// (the matrix shows LEDs of one row at a time, so only the last one set).
#pragma once

#include <rivet/async/time/board.hpp>
#include <rivet/hal/pins.hpp>

#include <tuple>

namespace parts {

#if __has_include(<rivet/bsp/lm3s6965evb.hpp>)
namespace board = rivet::bsp::lm3s6965evb;
namespace spare {
inline constexpr auto low = board::irq::comp0;
inline constexpr auto high = board::irq::comp1;
}  // namespace spare
inline auto pins() {
    return std::tuple{board::status_led::configure()};
}
inline void set(unsigned which, bool on) {
    if (which == 0) (void)(on ? board::status_led{}.set_high() : board::status_led{}.set_low());
}
#elif __has_include(<rivet/bsp/netduinoplus2.hpp>)
namespace board = rivet::bsp::netduinoplus2;
namespace spare {
inline constexpr auto low = board::irq::dma1_stream0;
inline constexpr auto high = board::irq::dma1_stream1;
}  // namespace spare
inline void set(unsigned which, bool on) {
    if (which == 0) (void)(on ? board::user_led{}.set_high() : board::user_led{}.set_low());
    if (which == 1) (void)(on ? board::power_led{}.set_high() : board::power_led{}.set_low());
}
inline auto pins() {
    return std::tuple{board::user_led::configure(), board::power_led::configure()};
}
#elif __has_include(<rivet/bsp/mps2_an385.hpp>)
namespace board = rivet::bsp::mps2_an385;
namespace spare {
inline constexpr auto low = board::irq::gpio0_6;
inline constexpr auto high = board::irq::gpio0_7;
}  // namespace spare
inline void set(unsigned which, bool on) {
    if (which == 0) (void)(on ? board::user_led0{}.set_high() : board::user_led0{}.set_low());
    if (which == 1) (void)(on ? board::user_led1{}.set_high() : board::user_led1{}.set_low());
}
inline auto pins() {
    return std::tuple{board::user_led0::configure(), board::user_led1::configure()};
}
#elif __has_include(<rivet/bsp/microbit.hpp>)
namespace board = rivet::bsp::microbit;
namespace spare {
inline constexpr auto low = board::irq::swi0;
inline constexpr auto high = board::irq::swi1;
}  // namespace spare
inline void set(unsigned which, bool on) {
    board::led_matrix display{};
    if (on) {
        display.light(which == 0 ? 0 : 4, which == 0 ? 0 : 4);
    } else {
        display.clear();
    }
}
inline auto pins() {
    return std::tuple{board::led_matrix::configure()};
}
#endif

}  // namespace parts
