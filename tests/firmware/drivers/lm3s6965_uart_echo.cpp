// UART0 through the LM3S6965 HAL only (rivet::hal::serial_read/serial_write,
// no console library): says "ready", then answers each line with its
// length and the line reversed, and exits 0 after "quit".
// tests/integration/lm3s6965_uart.sh types the lines through `rivet run`.
#include <rivet/bsp/lm3s6965evb.hpp>
#include <rivet/hal/serial.hpp>
#include <rivet/runtime/exit.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace board = rivet::bsp::lm3s6965evb;

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
    std::array<char, 64> line{};
    std::size_t length = 0;
    for (;;) {
        std::uint8_t received[8];
        auto count = uart.read(received);
        if (!count) return 2;  // a receive error
        for (std::size_t i = 0; i < count.value(); ++i) {
            const char c = static_cast<char>(received[i]);
            if (c == '\r') continue;
            if (c != '\n') {
                if (length < line.size()) line[length++] = c;
                continue;
            }
            const std::string_view text(line.data(), length);
            if (text == "quit") {
                (void)uart.flush();
                return 0;
            }
            std::array<char, 80> answer{};
            std::size_t n = 0;
            answer[n++] = static_cast<char>('0' + length / 10 % 10);
            answer[n++] = static_cast<char>('0' + length % 10);
            answer[n++] = ' ';
            for (std::size_t j = length; j > 0; --j) answer[n++] = line[j - 1];
            answer[n++] = '\n';
            say(uart, std::string_view(answer.data(), n));
            length = 0;
        }
    }
}
