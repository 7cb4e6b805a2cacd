// The console UART through the nRF51 HAL: says "ready", then answers each
// line typed into `rivet run` with the line in upper case and its length,
// and exits 0 after "quit". tests/integration/nrf51_echo.sh types at it.
#include <rivet/bsp/microbit.hpp>
#include <rivet/hal/serial.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace board = rivet::bsp::microbit;

namespace {
template <rivet::hal::serial_write Uart>
bool say(Uart& uart, std::string_view text) {
    const auto bytes = std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size());
    return rivet::hal::write_all(uart, bytes).has_value();
}
}  // namespace

int main() {
    // QEMU 7.2's nRF51 UART does not tell QEMU when STARTRX makes room for
    // input; `rivet run` wakes QEMU while typed bytes wait (host/probe).
    auto uart = board::console_uart<>::configure();
    if (!say(uart, "ready\n")) return 3;
    std::array<char, 64> line{};
    std::size_t length = 0;
    for (;;) {
        std::uint8_t received[8];
        auto count = uart.read(received);
        if (!count) return 2;  // a receive error
        for (std::size_t i = 0; i < *count; ++i) {
            const char c = static_cast<char>(received[i]);
            if (c == '\r') continue;
            if (c != '\n') {
                if (length < line.size()) line[length++] = c;
                continue;
            }
            if (std::string_view(line.data(), length) == "quit") {
                say(uart, "bye\n");
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
            if (!say(uart, std::string_view(answer.data(), n))) return 3;
            length = 0;
        }
    }
}
