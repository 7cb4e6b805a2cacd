// write_all() needs a full serial_write: write() and flush().
#include <cstddef>
#include <cstdint>
#include <span>

#include "rivet/hal/serial.hpp"

using namespace rivet::hal;

struct uart {
    using error_type = serial::error_kind;
    result<std::size_t, error_type> write(std::span<const std::uint8_t> bytes) {
        return bytes.size();
    }
#ifndef RIVET_COMPILE_FAIL
    result<void, error_type> flush() {
        return success;
    }
#endif
};

int main() {
    uart port;
    const std::uint8_t text[] = {'h', 'i'};
    (void)write_all(port, text);
}
