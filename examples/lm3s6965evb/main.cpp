// The EK-LM3S6965 board by name: blink the status LED, then read a TMP105
// on I2C0 through the generic driver. Under QEMU, plug the sensor in with
//   rivet run lm3s6965evb-blink.elf --qemu-arg=-device --qemu-arg=tmp105,address=0x48
#include <rivet/bsp/lm3s6965evb.hpp>
#include <rivet/drivers/tmp105.hpp>
#include <rivet/hal/i2c.hpp>
#include <rivet/log/log.hpp>

#include <cstdint>

namespace board = rivet::bsp::lm3s6965evb;

namespace {
void wait_a_moment() {
    for (std::uint32_t i = 0; i < 200000; ++i) asm volatile("" ::: "memory");
}
}  // namespace

int main() {
    auto led = board::status_led::configure();
    for (int i = 0; i < 3; ++i) {
        (void)led.set_high();
        RIVET_INFO("LED on");
        wait_a_moment();
        (void)led.set_low();
        RIVET_INFO("LED off");
        wait_a_moment();
    }

    auto bus = board::sensor_bus::configure();
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
