// Raw twin of examples/lm3s6965evb/echo.cpp: UART0 set up by hand, "ready",
// then each line upper-cased, 0 on "quit".
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
    char line[81];
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
                if (length < sizeof line - 1) line[length++] = upper(c);
                continue;
            }
            if (std::string_view(line, length) == "QUIT") {
                while (raw::reg(raw::uart0 + raw::uart_fr) & raw::fr_busy) {
                }
                return 0;
            }
            line[length++] = '\n';
            say(line, length);
            length = 0;
        }
    }
}
