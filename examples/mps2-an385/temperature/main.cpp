// The MPS2 AN385 by name: read a TMP105 on the shield 1 SBCon bus
// (bit-banged I2C) through the generic driver (../../common/temperature.hpp), log it, and light
// LED0 when it is above 30 °C. Under QEMU 7.2, plug the sensor in with
//   rivet run mps2-an385-temperature.elf --qemu-arg=-device --qemu-arg=tmp105,address=0x48
// (it always lands on shield 1: the four SBCon buses share the name "i2c").
#include <rivet/bsp/mps2_an385.hpp>
#include <rivet/hal/pins.hpp>
#include <rivet/log/log.hpp>
#include <rivet/runtime/emulated_device.hpp>

#include "temperature.hpp"

namespace board = rivet::bsp::mps2_an385;

// QEMU puts a TMP105 on the board's I2C bus without any flag (id "sensor" for QMP).
RIVET_EMULATED_DEVICE("tmp105,address=0x48,id=sensor");

int main() {
    auto [bus, warm_led] = rivet::hal::take<board::shield1_i2c<>, board::user_led0>();
    const auto temperature = rivet::examples::read_temperature(bus);
    if (!temperature) return 1;
    (void)rivet::hal::set_state(
        warm_led, *temperature > 30'000 ? rivet::hal::pin_state::high : rivet::hal::pin_state::low);
    RIVET_INFO("warm LED {}", warm_led.is_set_high().value() ? "on" : "off");
    return 0;
}
