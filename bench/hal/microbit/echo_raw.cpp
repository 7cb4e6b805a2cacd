// microbit-echo without the HAL: the same UART set-up, the same 1 ms wait
// on TIMER0 (see examples/microbit/echo.cpp for why), and the same answers.
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
    raw::timer_setup();
    raw::timer_wait_us(1000);
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
            if (length < line.size()) line[length++] = c;
            continue;
        }
        if (std::string_view(line.data(), length) == "quit") {
            say("bye\n");
            return 0;
        }
        std::array<char, 80> answer{};
        std::size_t n = 0;
        for (const char* p = "echo: "; *p != '\0'; ++p) answer[n++] = *p;
        for (std::size_t j = 0; j < length; ++j) {
            const char d = line[j];
            answer[n++] = d >= 'a' && d <= 'z' ? static_cast<char>(d - 'a' + 'A') : d;
        }
        answer[n++] = ' ';
        answer[n++] = '(';
        answer[n++] = static_cast<char>('0' + length / 10 % 10);
        answer[n++] = static_cast<char>('0' + length % 10);
        answer[n++] = ')';
        answer[n++] = '\n';
        say(std::string_view(answer.data(), n));
        length = 0;
    }
}
