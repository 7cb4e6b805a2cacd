// UART0 through the LM3S6965 HAL and rivet::hal::read_line() only (no
// console library): says "ready", answers each line with its length and the
// line reversed, and exits 0 after "quit". A line too long for the 32-byte
// buffer is answered "too long" for its first 32 bytes; read_line() leaves
// the rest in the UART, so it comes back as the next line, nothing lost.
// tests/integration/lm3s6965_uart.sh types the lines through `rivet run`.
#include <rivet/bsp/lm3s6965evb.hpp>
#include <rivet/hal/serial.hpp>
#include <rivet/runtime/exit.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <span>
#include <string_view>

namespace board = rivet::bsp::lm3s6965evb;
using rivet::hal::serial::error_kind;

namespace {

template <rivet::hal::serial_write Uart>
void say(Uart& uart, std::string_view text) {
    const auto bytes = std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size());
    if (!rivet::hal::write_all(uart, bytes)) rivet::exit(3);
}

}  // namespace

int main() {
    auto uart = board::console_uart<>::configure();
    say(uart, "ready\n");
    std::array<std::uint8_t, 32> buffer{};
    for (;;) {
        const auto length = rivet::hal::read_line(uart, buffer);
        if (!length && length.error().kind() == error_kind::line_too_long) {
            say(uart, "too long\n");
            continue;
        }
        if (!length) return 2;  // a receive error
        const std::string_view line(reinterpret_cast<const char*>(buffer.data()), *length);
        if (line == "quit") break;
        std::reverse(buffer.begin(), buffer.begin() + static_cast<std::ptrdiff_t>(*length));
        const char count[] = {static_cast<char>('0' + *length / 10),
                              static_cast<char>('0' + *length % 10), ' '};
        say(uart, {count, 3});
        say(uart, line);
        say(uart, "\n");
    }
    (void)uart.flush();
    return 0;
}
