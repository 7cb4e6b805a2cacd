// The console UART (UART0, the debug USB's virtual COM port) through the
// HAL: says "ready", then answers each line with the line upper-cased, and
// exits 0 on a line "quit". Try it with `rivet run lm3s6965evb-echo.elf`
// and type (stdin goes to the console UART).
#include <rivet/bsp/lm3s6965evb.hpp>
#include <rivet/hal/serial.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace board = rivet::bsp::lm3s6965evb;

namespace {

template <rivet::hal::serial_write Uart>
bool say(Uart& uart, std::string_view text) {
    const auto bytes = std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size());
    return static_cast<bool>(rivet::hal::write_all(uart, bytes));
}

constexpr char upper(char c) {
    return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

}  // namespace

int main() {
    auto [console] = rivet::hal::take<board::console_uart<>>();
    if (!say(console, std::string_view("ready\n"))) return 3;
    std::array<char, 81> line{};  // 80 characters and the newline
    std::size_t length = 0;
    for (;;) {
        std::uint8_t received[16];
        auto count = console.read(received);
        if (!count) return 2;  // a framing, parity or overrun error
        for (std::size_t i = 0; i < count.value(); ++i) {
            const char c = static_cast<char>(received[i]);
            if (c == '\r') continue;
            if (c != '\n') {
                // A longer line is cut at 80 characters.
                if (length < line.size() - 1) line[length++] = upper(c);
                continue;
            }
            if (std::string_view(line.data(), length) == "QUIT") {
                (void)console.flush();
                return 0;
            }
            line[length++] = '\n';
            if (!say(console, std::string_view(line.data(), length))) return 3;
            length = 0;
        }
    }
}
