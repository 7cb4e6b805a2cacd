// A TMP105 temperature sensor on the board's I2C0 (PB2/PB3), read through
// the generic driver (../common/temperature.hpp). Under QEMU plug the sensor in with
//   rivet run lm3s6965evb-temperature.elf --qemu-arg=-device --qemu-arg=tmp105,address=0x48
#include <rivet/bsp/lm3s6965evb.hpp>
#include <rivet/runtime/emulated_device.hpp>

#include "temperature.hpp"

namespace board = rivet::bsp::lm3s6965evb;

// QEMU puts a TMP105 on the board's I2C bus without any flag (id "sensor" for QMP).
RIVET_EMULATED_DEVICE("tmp105,address=0x48,id=sensor");

int main() {
    auto [bus] = rivet::hal::take<board::sensor_bus>();
    return rivet::examples::read_temperature(bus) ? 0 : 1;
}
