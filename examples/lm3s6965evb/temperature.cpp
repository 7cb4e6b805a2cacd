// A TMP105 temperature sensor on the board's I2C0 (PB2/PB3), read through
// the generic driver. Under QEMU plug the sensor in with
//   rivet run lm3s6965evb-temperature.elf --qemu-arg=-device --qemu-arg=tmp105,address=0x48
#include <rivet/bsp/lm3s6965evb.hpp>
#include <rivet/drivers/tmp105.hpp>
#include <rivet/hal/i2c.hpp>
#include <rivet/log/log.hpp>

namespace board = rivet::bsp::lm3s6965evb;

int main() {
    auto [bus] = rivet::hal::take<board::sensor_bus>();
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
    return 0;
}
