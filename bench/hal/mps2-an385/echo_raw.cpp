// examples/mps2-an385/echo (examples/common/echo.hpp) with raw register
// accesses: the same answers on UART0, "NN LINE" upper-cased and "bye" on
// "quit", byte by byte through the one-byte buffers.
#include <rivet/runtime/exit.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "raw.hpp"

namespace {

void put(char c) {
    while (raw::reg(raw::uart0 + raw::uart_state) & raw::state_txbf) {
    }
    raw::reg8(raw::uart0 + raw::uart_data) = static_cast<std::uint8_t>(c);
}

void say(std::string_view text) {
    for (char c : text) put(c);
}

// Returns false on a receive overrun (and clears it).
bool get(char& c) {
    for (;;) {
        const std::uint32_t state = raw::reg(raw::uart0 + raw::uart_state);
        if (state & raw::state_rxov) {
            raw::reg(raw::uart0 + raw::uart_state) = raw::state_rxov;
            return false;
        }
        if (state & raw::state_rxbf) break;
    }
    c = static_cast<char>(raw::reg8(raw::uart0 + raw::uart_data));
    return true;
}

char upper(char c) {
    return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

}  // namespace

int main() {
    raw::uart0_configure();
    say("ready\n");
    std::array<char, 64> line{};
    std::size_t length = 0;
    for (;;) {
        char c = 0;
        if (!get(c)) return 2;
        if (c == '\r') continue;
        if (c != '\n') {
            if (length == line.size()) return 2;  // read_line's line_too_long
            line[length++] = c;
            continue;
        }
        const std::string_view text(line.data(), length);
        if (text == "quit") {
            say("bye\n");
            while (raw::reg(raw::uart0 + raw::uart_state) & raw::state_txbf) {
            }
            return 0;
        }
        put(static_cast<char>('0' + length / 10));
        put(static_cast<char>('0' + length % 10));
        put(' ');
        for (std::size_t j = 0; j < length; ++j) put(upper(line[j]));
        put('\n');
        length = 0;
    }
}
