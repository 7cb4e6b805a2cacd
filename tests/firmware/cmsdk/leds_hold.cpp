// Sets LED0 off and LED1 on (LED register 0x2), says so, and holds the
// pattern until a byte arrives on RTT down channel 0, for
// tests/integration/cmsdk_leds_qmp.sh to read through QMP meanwhile; then
// LED0 on as well (0x3), held until the next byte, and exits 0. Waiting for
// the test rather than for a time keeps it right on a loaded machine.
#include <rivet/bsp/mps2_an385.hpp>
#include <rivet/hal/pins.hpp>
#include <rivet/log/log.hpp>
#include <rivet/log/rtt.hpp>

#include <cstdint>

namespace board = rivet::bsp::mps2_an385;

namespace {
void wait_for_the_host() {
    std::uint8_t byte[1];
    while (rivet::log::rtt::read(byte) == 0) {
    }
}
}  // namespace

int main() {
    auto [led0, led1] = rivet::hal::take<board::user_led0, board::user_led1>();
    (void)led1.set_high();
    RIVET_INFO("holding 0x2");
    wait_for_the_host();
    (void)led0.set_high();
    RIVET_INFO("holding 0x3");
    wait_for_the_host();
    return 0;
}
