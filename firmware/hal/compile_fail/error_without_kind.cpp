// An error type must map to the interface's standard kinds: a bus whose
// error has no kind() is not an spi_bus.
#include <cstdint>
#include <span>

#include "rivet/hal/spi.hpp"

using namespace rivet::hal;

struct my_error {
    int code;
#ifndef RIVET_COMPILE_FAIL
    spi::error_kind kind() const {
        return spi::error_kind::other;
    }
#endif
};

struct my_bus {
    using error_type = my_error;
    result<void, my_error> read(std::span<std::uint8_t>) { return success; }
    result<void, my_error> write(std::span<const std::uint8_t>) { return success; }
    result<void, my_error> transfer(std::span<std::uint8_t>, std::span<const std::uint8_t>) {
        return success;
    }
    result<void, my_error> transfer_in_place(std::span<std::uint8_t>) { return success; }
    result<void, my_error> flush() { return success; }
};

template <spi_bus B>
void use(B&) {}

int main() {
    my_bus bus;
    use(bus);
}
