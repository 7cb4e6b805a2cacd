// The console on the UART the board's BSP names (rivet::bsp::<board>::console),
// driven through the HAL serial concepts: the chip HAL configures it, clocks
// and pins included. cmake/Rivet.cmake generates <rivet/console/board_uart.hpp>,
// which names that type.
#include <rivet/console/board_uart.hpp>
#include <rivet/console/console.hpp>

#include <cstdint>
#include <optional>
#include <span>

#include <rivet/hal/serial.hpp>

namespace rivet::console {
namespace {

static_assert(rivet::hal::serial_write<board_uart> && rivet::hal::serial_read_ready<board_uart>,
              "the board's console type must be a rivet::hal serial_write and "
              "serial_read_ready (a chip HAL UART)");

std::optional<board_uart> uart;

board_uart& ready_uart() noexcept {
    if (!uart) init();
    return *uart;
}

}  // namespace

void init() noexcept {
    uart.emplace(board_uart::configure());
}

// The console has nowhere to report a failed write: it drops the text.
void write(std::string_view text) noexcept {
    const auto bytes = std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size());
    (void)rivet::hal::write_all(ready_uart(), bytes);
}

// A byte received with an error (overrun, framing) is dropped by the HAL's
// read(), which clears the error: the console reads on from the next one.
bool try_read(char& c) noexcept {
    board_uart& port = ready_uart();
    const auto ready = port.read_ready();
    if (!ready || !*ready) return false;
    std::uint8_t byte = 0;
    const auto got = port.read(std::span(&byte, 1));
    if (!got || *got == 0) return false;
    c = static_cast<char>(byte);
    return true;
}

char read() noexcept {
    char c = 0;
    while (!try_read(c)) {
    }
    return c;
}

}  // namespace rivet::console
