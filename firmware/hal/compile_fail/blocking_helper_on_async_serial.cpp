// An async serial port is not a blocking one: a blocking helper refuses it
// (its read() gives an awaitable, not a result), so code that would block
// on a port an async driver owns does not compile.
#include <cstdint>

#include "rivet/hal/fakes/async_serial.hpp"
#include "rivet/hal/serial.hpp"

int main() {
    rivet::hal::fakes::async_serial_loopback port;
    std::uint8_t line[16];
#ifdef RIVET_COMPILE_FAIL
    (void)rivet::hal::read_line(port, line);
#else
    (void)port.read(line);
#endif
}
