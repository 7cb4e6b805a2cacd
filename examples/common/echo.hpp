// The echo example of every board, written once against the HAL's serial
// concepts: it says "ready", answers each line with its length in two
// digits and the line in capitals ("05 RIVET"), and on "quit" says "bye"
// and returns 0. A board's echo takes its console UART from its BSP and
// hands it over; the same code then runs on each chip HAL. It returns 2
// on a receive error or a line of 64 characters or more, 3 when writing
// fails. tests/integration/example_echo.sh types at every board's echo.
#pragma once

#include <rivet/hal/serial.hpp>

#include <array>
#include <cstdint>
#include <span>
#include <string_view>

namespace rivet::examples {

template <rivet::hal::serial_write Uart>
bool say(Uart& uart, std::string_view text) {
    const auto bytes = std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size());
    return rivet::hal::write_all(uart, bytes).has_value();
}

template <class Uart>
requires rivet::hal::serial_read<Uart> && rivet::hal::serial_write<Uart>
int echo(Uart& console) {
    if (!say(console, "ready\n")) return 3;
    std::array<std::uint8_t, 64> buffer{};
    for (;;) {
        const auto length = rivet::hal::read_line(console, buffer);
        if (!length) return 2;
        const std::string_view line(reinterpret_cast<const char*>(buffer.data()), *length);
        if (line == "quit") break;
        for (auto& c : std::span(buffer).first(*length))
            if (c >= 'a' && c <= 'z') c = static_cast<std::uint8_t>(c - 'a' + 'A');
        const char count[] = {static_cast<char>('0' + *length / 10),
                              static_cast<char>('0' + *length % 10), ' '};
        if (!say(console, {count, 3}) || !say(console, line) || !say(console, "\n")) return 3;
    }
    return say(console, "bye\n") && console.flush() ? 0 : 3;
}

}  // namespace rivet::examples
