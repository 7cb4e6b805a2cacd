// microbit-echo (examples/common/echo.hpp) without the HAL: the same UART
// set-up and the same answers, "NN LINE" upper-cased and "bye" on "quit".
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "raw.hpp"

namespace {
void say(std::string_view text) {
    for (const char c : text) raw::uart_put(static_cast<std::uint8_t>(c));
}
}  // namespace

int main() {
    raw::uart_setup();
    say("ready\n");
    std::array<char, 64> line{};
    std::size_t length = 0;
    for (;;) {
        while (raw::reg(raw::uart_rxdrdy) == 0 && raw::reg(raw::uart_error) == 0) {
        }
        if (raw::reg(raw::uart_error) != 0) {
            raw::reg(raw::uart_errorsrc) = raw::reg(raw::uart_errorsrc);
            raw::reg(raw::uart_error) = 0;
            return 2;
        }
        raw::reg(raw::uart_rxdrdy) = 0;
        const char c = static_cast<char>(raw::reg(raw::uart_rxd) & 0xff);
        if (c == '\r') continue;
        if (c != '\n') {
            if (length == line.size()) return 2;  // read_line's line_too_long
            line[length++] = c;
            continue;
        }
        if (std::string_view(line.data(), length) == "quit") {
            say("bye\n");
            return 0;
        }
        const char count[] = {static_cast<char>('0' + length / 10),
                              static_cast<char>('0' + length % 10), ' '};
        say(std::string_view(count, 3));
        for (std::size_t j = 0; j < length; ++j) {
            const char d = line[j];
            raw::uart_put(static_cast<std::uint8_t>(d >= 'a' && d <= 'z' ? d - 'a' + 'A' : d));
        }
        say("\n");
        length = 0;
    }
}
