// An I2C bus whose errors map to SPI kinds is rejected: generic code could
// not ask it about "no acknowledge".
#include <span>

#include "rivet/hal/i2c.hpp"
#include "rivet/hal/spi.hpp"

using namespace rivet::hal;

struct sensor_bus {
#ifdef RIVET_COMPILE_FAIL
    using error_type = spi::error_kind;
#else
    using error_type = i2c::error_kind;
#endif
    result<void, error_type> transaction(i2c::address, std::span<i2c::operation>) {
        return success;
    }
};

int main() {
    sensor_bus bus;
    const std::uint8_t bytes[] = {1};
    (void)i2c::write(bus, i2c::address{0x48}, bytes);
}
