// The echo of every board (examples/common/echo.hpp) as a task: it says
// "ready", answers each line with its length in two digits and the line in
// capitals ("05 RIVET"), and on "quit" says "bye" and returns 0; 2 on a
// receive error or a line of 64 characters or more, 3 when writing fails.
// The console UART is the interrupt-driven async port
// (rivet/async/uart/): the task sleeps in read_line() until the receive
// interrupt has collected a whole line, and the core sleeps in WFI.
#include "parts.hpp"

#include <rivet/async/executor.hpp>
#include <rivet/async/task.hpp>
#include <rivet/async/uart/board.hpp>
#include <rivet/cortex_m/interrupts.hpp>
#include <rivet/hal/async/serial.hpp>
#include <rivet/hal/pins.hpp>

#include <array>
#include <cstdint>
#include <span>
#include <string_view>

using console = rivet::async::uart::serial<parts::board::console>;
static_assert(rivet::hal::async::serial_read_line<console> &&
              rivet::hal::async::serial_write_all<console>);

namespace {

int exit_code = 1;

std::span<const std::uint8_t> bytes_of(std::string_view text) {
    return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
}

rivet::task<void, rivet::frames<"echo", 384>> echo(console& uart) {
    exit_code = 3;
    if (!co_await uart.write_all(bytes_of("ready\n"))) co_return;
    // The answer is built in one buffer and written with one write_all:
    // each co_await keeps its operation in the frame.
    std::array<std::uint8_t, 3 + 64 + 1> answer{};
    const auto line = std::span(answer).subspan(3, 64);
    for (;;) {
        const auto length = co_await uart.read_line(line);
        if (!length) {
            exit_code = 2;
            co_return;
        }
        if (std::string_view(reinterpret_cast<const char*>(line.data()), *length) == "quit") break;
        for (auto& c : line.first(*length))
            if (c >= 'a' && c <= 'z') c = static_cast<std::uint8_t>(c - 'a' + 'A');
        answer[0] = static_cast<std::uint8_t>('0' + *length / 10);
        answer[1] = static_cast<std::uint8_t>('0' + *length % 10);
        answer[2] = ' ';
        answer[3 + *length] = '\n';
        if (!co_await uart.write_all(std::span(answer).first(3 + *length + 1))) co_return;
    }
    if (co_await uart.write_all(bytes_of("bye\n")) && co_await uart.flush()) exit_code = 0;
}

}  // namespace

RIVET_BIND_INTERRUPTS(PARTS_SERIAL_BINDINGS(console));

int main() {
    auto [uart] = rivet::hal::take<console>();
    rivet::async::thread_executor executor;
    executor.spawn(echo(uart));
    executor.run();
    return exit_code;
}
