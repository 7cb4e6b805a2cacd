#include <rivet/bsp/lm3s6965evb.hpp>
#include <rivet/hal/pins.hpp>
#include <rivet/log/log.hpp>

namespace board = rivet::bsp::lm3s6965evb;

int main() {
    auto [led, console] = rivet::hal::take<board::status_led, board::console_uart<>>();
    (void)console;
    if (!led.set_high() || !led.is_set_high().value()) return 1;
    RIVET_INFO("LED on, console at {} Bd", 115200);
    return 0;
}
