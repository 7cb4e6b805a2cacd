// examples/netduinoplus2/echo.cpp (examples/common/echo.hpp) on raw
// registers, USART1 SR/DR polled: "NN LINE" upper-cased, "bye" on "quit".
#include <rivet/runtime/exit.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "raw.hpp"

namespace {
void say(std::string_view text) {
    for (char c : text) {
        while ((raw::r16(raw::usart1 + raw::usart_sr) & raw::sr_txe) == 0) {
        }
        raw::r16(raw::usart1 + raw::usart_dr) = static_cast<std::uint8_t>(c);
    }
}
}  // namespace

int main() {
    raw::usart1_configure();
    say("ready\n");
    std::array<char, 64> line{};
    std::size_t length = 0;
    for (;;) {
        std::uint16_t status;
        while (((status = raw::r16(raw::usart1 + raw::usart_sr)) & raw::sr_rxne) == 0) {
        }
        const char c = static_cast<char>(raw::r16(raw::usart1 + raw::usart_dr) & 0xFF);
        if (status & 0x0F) return 2;  // ORE, NF, FE, PE
        if (c == '\r') continue;
        if (c != '\n') {
            if (length == line.size()) return 2;  // read_line's line_too_long
            line[length++] = c;
            continue;
        }
        if (std::string_view(line.data(), length) == "quit") {
            say("bye\n");
            while ((raw::r16(raw::usart1 + raw::usart_sr) & raw::sr_tc) == 0) {
            }
            return 0;
        }
        for (std::size_t j = 0; j < length; ++j) {
            if (line[j] >= 'a' && line[j] <= 'z') line[j] = static_cast<char>(line[j] - 'a' + 'A');
        }
        const char count[] = {static_cast<char>('0' + length / 10),
                              static_cast<char>('0' + length % 10), ' '};
        say(std::string_view(count, 3));
        say(std::string_view(line.data(), length));
        say("\n");
        length = 0;
    }
}
