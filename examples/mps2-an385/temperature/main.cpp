// The MPS2 AN385 by name: read a TMP105 on the shield 1 SBCon bus
// (bit-banged I2C) through the generic driver, log it, and light LED0 when
// it is above 30 °C. Under QEMU 7.2, plug the sensor in with
//   rivet run mps2-an385-temperature.elf --qemu-arg=-device --qemu-arg=tmp105,address=0x48
// (it always lands on shield 1: the four SBCon buses share the name "i2c").
#include <rivet/bsp/mps2_an385.hpp>
#include <rivet/drivers/tmp105.hpp>
#include <rivet/hal/i2c.hpp>
#include <rivet/hal/pins.hpp>
#include <rivet/log/log.hpp>

namespace board = rivet::bsp::mps2_an385;

int main() {
    auto [bus, warm_led] = rivet::hal::take<board::shield1_i2c<>, board::user_led0>();
    rivet::drivers::tmp105 sensor{bus};
    if (auto configured = sensor.init(); !configured) {
        if (rivet::hal::i2c::is_no_acknowledge(configured.error())) {
            RIVET_WARN("no TMP105 at {:#x}", sensor.address().bits());
        } else {
            RIVET_ERROR("I2C error {}", static_cast<int>(configured.error()));
        }
        return 1;
    }
    auto temperature = sensor.read_millicelsius();
    if (!temperature) {
        RIVET_ERROR("TMP105 read failed");
        return 1;
    }
    RIVET_INFO("temperature {} mC", temperature.value());
    (void)rivet::hal::set_state(warm_led, temperature.value() > 30'000
                                              ? rivet::hal::pin_state::high
                                              : rivet::hal::pin_state::low);
    RIVET_INFO("warm LED {}", warm_led.is_set_high().value() ? "on" : "off");
    return 0;
}
