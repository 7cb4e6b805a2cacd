// Sets LED0 off and LED1 on (LED register 0x2), says so, and holds the
// pattern for 1 s for tests/integration/cmsdk_leds_qmp.sh to read through
// QMP; then LED0 on as well (0x3), held 1 s, and exits 0.
#include <rivet/bsp/mps2_an385.hpp>
#include <rivet/hal/delay.hpp>
#include <rivet/hal/pins.hpp>
#include <rivet/log/log.hpp>

namespace board = rivet::bsp::mps2_an385;

int main() {
    auto [led0, led1, delay] =
        rivet::hal::take<board::user_led0, board::user_led1, board::delay_timer>();
    (void)led1.set_high();
    RIVET_INFO("holding 0x2");
    rivet::hal::delay_ms(delay, 1000);
    (void)led0.set_high();
    RIVET_INFO("holding 0x3");
    rivet::hal::delay_ms(delay, 1000);
    return 0;
}
