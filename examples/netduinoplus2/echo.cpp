// Echo on the console USART through the STM32F405 HAL: says "ready", then
// answers each line in upper case with its length, and exits 0 after
// "quit". tests/integration/stm32f405_echo.sh types at it.
#include <rivet/bsp/netduinoplus2.hpp>
#include <rivet/hal/serial.hpp>
#include <rivet/runtime/exit.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace board = rivet::bsp::netduinoplus2;

namespace {
template <rivet::hal::serial_write Uart>
void say(Uart& uart, std::string_view text) {
    const auto bytes = std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size());
    if (!rivet::hal::write_all(uart, bytes)) rivet::exit(3);
}
}  // namespace

int main() {
    auto uart = board::console_usart<>::configure();
    say(uart, "ready\n");
    std::array<char, 64> line{};
    std::size_t length = 0;
    for (;;) {
        std::uint8_t received[8];
        auto count = uart.read(received);
        if (!count) return 2;
        for (std::size_t i = 0; i < count.value(); ++i) {
            const char c = static_cast<char>(received[i]);
            if (c == '\r') continue;
            if (c != '\n') {
                if (length < line.size()) line[length++] = c;
                continue;
            }
            if (std::string_view(line.data(), length) == "quit") {
                say(uart, "bye\n");
                (void)uart.flush();
                return 0;
            }
            std::array<char, 80> answer{};
            std::size_t n = 0;
            answer[n++] = static_cast<char>('0' + length / 10 % 10);
            answer[n++] = static_cast<char>('0' + length % 10);
            answer[n++] = ' ';
            for (std::size_t j = 0; j < length; ++j) {
                const char ch = line[j];
                answer[n++] = ch >= 'a' && ch <= 'z' ? static_cast<char>(ch - 'a' + 'A') : ch;
            }
            answer[n++] = '\n';
            say(uart, std::string_view(answer.data(), n));
            length = 0;
        }
    }
}
