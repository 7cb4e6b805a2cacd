// The console UART through the CMSDK HAL only (serial_read/serial_write,
// no console library): says "ready", then answers each line in capitals
// with its length, and exits 0 after "quit".
// tests/integration/cmsdk_echo.sh types at it through `rivet run`.
#include <rivet/bsp/mps2_an385.hpp>
#include <rivet/hal/serial.hpp>
#include <rivet/runtime/exit.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace board = rivet::bsp::mps2_an385;

namespace {

template <rivet::hal::serial_write Uart>
void say(Uart& uart, std::string_view text) {
    const auto bytes = std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size());
    if (!rivet::hal::write_all(uart, bytes)) rivet::exit(3);
}

char upper(char c) {
    return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

}  // namespace

int main() {
    // QEMU 7.2's CMSDK UART model does not tell QEMU when the guest has
    // read the receive buffer; `rivet run` wakes QEMU while typed bytes
    // wait (host/probe), so no timer is needed here to keep input flowing.
    auto uart = board::console_uart<>::configure();
    say(uart, "ready\n");
    std::array<char, 64> line{};
    std::size_t length = 0;
    for (;;) {
        std::uint8_t received[8];
        auto count = uart.read(received);
        if (!count) return 2;  // a receive overrun
        for (std::size_t i = 0; i < count.value(); ++i) {
            const char c = static_cast<char>(received[i]);
            if (c == '\r') continue;
            if (c != '\n') {
                if (length < line.size()) line[length++] = c;
                continue;
            }
            const std::string_view text(line.data(), length);
            if (text == "quit") {
                say(uart, "bye\n");
                (void)uart.flush();
                return 0;
            }
            std::array<char, 80> answer{};
            std::size_t n = 0;
            for (std::size_t j = 0; j < length; ++j) answer[n++] = upper(line[j]);
            answer[n++] = ' ';
            answer[n++] = '(';
            answer[n++] = static_cast<char>('0' + length / 10 % 10);
            answer[n++] = static_cast<char>('0' + length % 10);
            answer[n++] = ')';
            answer[n++] = '\n';
            say(uart, std::string_view(answer.data(), n));
            length = 0;
        }
    }
}
