// A result that nobody looks at is a warning, so an error under -Werror:
// a failed SPI write cannot be dropped silently.
#include <cstdint>

#include "rivet/hal/spi.hpp"

using namespace rivet::hal;

struct device {
    using error_type = spi::error_kind;
    result<void, error_type> transaction(std::span<spi::operation>) { return success; }
};

int main() {
    device display;
    const std::uint8_t bytes[] = {0x2c};
#ifdef RIVET_COMPILE_FAIL
    spi::write(display, bytes);
#else
    if (!spi::write(display, bytes)) return 1;
#endif
    return 0;
}
