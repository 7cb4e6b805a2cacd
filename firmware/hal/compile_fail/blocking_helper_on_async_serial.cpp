// An async serial port is not a blocking one: a blocking helper refuses it
// (its read() gives an awaitable, not a result), so code that would block
// on a port an async driver owns does not compile.
#include <coroutine>
#include <cstddef>
#include <cstdint>
#include <span>

#include "rivet/hal/async/serial.hpp"
#include "rivet/hal/serial.hpp"

using namespace rivet::hal;

struct async_port {
    using error_type = serial::error_kind;
    struct reading {
        bool await_ready() const noexcept { return true; }
        void await_suspend(std::coroutine_handle<>) const noexcept {}
        result<std::size_t, error_type> await_resume() const noexcept { return std::size_t{1}; }
    };
    reading read(std::span<std::uint8_t>) { return {}; }
};
static_assert(async::serial_read<async_port>);

int main() {
    async_port port;
    std::uint8_t line[16];
#ifdef RIVET_COMPILE_FAIL
    (void)read_line(port, line);
#else
    (void)port.read(line);
#endif
}
