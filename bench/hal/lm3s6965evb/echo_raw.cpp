// Raw twin of examples/lm3s6965evb/echo.cpp (examples/common/echo.hpp):
// UART0 set up by hand, "ready", then each line as "NN LINE" upper-cased,
// "bye" and 0 on "quit", 2 on a receive error or a line of 64 characters.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "raw.hpp"

namespace {

// Like uart::write through write_all: wait for room, then fill the FIFO.
void say(const char* text, std::size_t size) {
    std::size_t taken = 0;
    while (taken < size) {
        while (raw::reg(raw::uart0 + raw::uart_fr) & raw::fr_txff) {
        }
        while (taken < size && !(raw::reg(raw::uart0 + raw::uart_fr) & raw::fr_txff)) {
            raw::reg(raw::uart0 + raw::uart_dr) = static_cast<std::uint8_t>(text[taken++]);
        }
    }
}

constexpr char upper(char c) {
    return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

}  // namespace

int main() {
    raw::console_uart();
    say("ready\n", 6);
    char line[64];
    std::size_t length = 0;
    for (;;) {
        while (raw::reg(raw::uart0 + raw::uart_fr) & raw::fr_rxfe) {
        }
        while (!(raw::reg(raw::uart0 + raw::uart_fr) & raw::fr_rxfe)) {
            const std::uint32_t received = raw::reg(raw::uart0 + raw::uart_dr);
            if (received & 0xF00u) return 2;  // FE, PE, BE or OE
            const char c = static_cast<char>(received & 0xFF);
            if (c == '\r') continue;
            if (c != '\n') {
                if (length == sizeof line) return 2;  // read_line's line_too_long
                line[length++] = c;
                continue;
            }
            if (std::string_view(line, length) == "quit") {
                say("bye\n", 4);
                while (raw::reg(raw::uart0 + raw::uart_fr) & raw::fr_busy) {
                }
                return 0;
            }
            for (std::size_t i = 0; i < length; ++i) line[i] = upper(line[i]);
            const char count[] = {static_cast<char>('0' + length / 10),
                                  static_cast<char>('0' + length % 10), ' '};
            say(count, 3);
            say(line, length);
            say("\n", 1);
            length = 0;
        }
    }
}
