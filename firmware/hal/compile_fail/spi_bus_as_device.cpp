// A driver asks for an spi_device; handing it a bare bus (no chip select)
// is refused, because the driver's traffic would not be framed.
#include <cstdint>
#include <span>

#include "rivet/hal/bus.hpp"

using namespace rivet::hal;

struct bare_bus {
    using error_type = spi::error_kind;
    result<void, error_type> read(std::span<std::uint8_t>) { return success; }
    result<void, error_type> write(std::span<const std::uint8_t>) { return success; }
    result<void, error_type> transfer(std::span<std::uint8_t>, std::span<const std::uint8_t>) {
        return success;
    }
    result<void, error_type> transfer_in_place(std::span<std::uint8_t>) { return success; }
    result<void, error_type> flush() { return success; }
};

struct cs_pin {
    using error_type = infallible;
    result<void, error_type> set_high() { return success; }
    result<void, error_type> set_low() { return success; }
};

template <spi_device D>
void read_id(D& device) {
    std::uint8_t id[2];
    (void)spi::read(device, id);
}

int main() {
    bare_bus bus;
#ifdef RIVET_COMPILE_FAIL
    read_id(bus);
#else
    exclusive_spi_device device{bus, cs_pin{}};
    read_id(device);
#endif
}
