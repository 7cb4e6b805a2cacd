// The MPS2 AN385 by name: walk the two FPGA user LEDs on and off, paced by
// TIMER0, logging each change and the time taken (../common/fpga_blink.hpp,
// shared with the other MPS2 board).
#include <rivet/bsp/mps2_an385.hpp>
#include <rivet/hal/pins.hpp>

#include "fpga_blink.hpp"

namespace board = rivet::bsp::mps2_an385;

int main() {
    auto [led0, led1, timer] =
        rivet::hal::take<board::user_led0, board::user_led1, board::delay_timer>();
    return rivet::examples::walk_fpga_leds(led0, led1, timer);
}
