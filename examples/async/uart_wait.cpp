// A task that waits on the console UART's receive interrupt while another
// logs on a timer: the handler moves the received bytes into a channel, the
// reader task collects them into lines and answers each; the logger says
// how many lines it has seen every 100 ms. "quit" ends the program. Type at
// it with `rivet run` (its stdin goes to the console UART).
#include "parts.hpp"

#include <rivet/async/executor.hpp>
#include <rivet/async/sync.hpp>
#include <rivet/async/task.hpp>
#include <rivet/async/time.hpp>
#include <rivet/async/time/board.hpp>
#include <rivet/console/console.hpp>
#include <rivet/cortex_m/interrupts.hpp>
#include <rivet/cortex_m/nvic.hpp>
#include <rivet/log/log.hpp>

#include <array>
#include <chrono>
#include <cstdint>
#include <string_view>

using namespace std::chrono_literals;
namespace async = rivet::async;
using time_driver = async::board_time_driver;

namespace {

async::channel<char, 32> received;
void on_receive() {
    // Acknowledged before the receiver is drained, so a byte that lands
    // after the last read raises the interrupt again. Acknowledged after,
    // such a byte (the main loop delivers input while the core runs) had
    // its interrupt cleared, and the CMSDK UART's one-byte receiver, full,
    // took no more: under load mps2-an505-async-uart-wait once read nothing.
    parts::console_rx::clear();
    char c;
    while (rivet::console::try_read(c)) (void)received.try_send(c);
#ifdef UART_WAIT_HOLD_HANDLER
    // The regression build (examples/async/CMakeLists.txt) stays here until
    // the next byte has arrived, or about 2 million loads have passed, so
    // that byte always lands where the race was.
    for (std::uint32_t i = 0; i < 2'000'000 && !parts::console_rx::byte_waiting(); ++i) {
    }
#endif
}

volatile std::uint32_t lines = 0;
volatile bool quit = false;

rivet::task<void, rivet::frames<"reader", 160>> reader() {
    std::array<char, 64> line{};
    std::size_t length = 0;
    for (;;) {
        const char c = co_await received.receive();
        if (c != '\n' && c != '\r') {
            if (length < line.size()) line[length++] = c;
            continue;
        }
        if (length == 0) continue;
        const std::string_view text(line.data(), length);
        length = 0;
        lines = lines + 1;
        if (text == "quit") {
            quit = true;
            RIVET_INFO("bye");
            co_return;
        }
        RIVET_INFO("line {}: {}", static_cast<std::uint32_t>(lines), text);
    }
}

rivet::task<void, rivet::frames<"logger", 128>> logger() {
    async::ticker every{100ms};
    // Once more after "quit" (which may come before this task first runs).
    for (;;) {
        co_await every.next();
        RIVET_INFO("{} lines so far", static_cast<std::uint32_t>(lines));
        if (quit) co_return;
    }
}

}  // namespace

RIVET_BIND_INTERRUPTS(time_driver::binding,
                      rivet::cortex_m::bind<parts::console_rx::irq, on_receive>);

int main() {
    rivet::console::init();
    time_driver::start();
    parts::console_rx::enable();
    rivet::cortex_m::nvic::set_priority<parts::console_rx::irq, 1>();
    rivet::cortex_m::nvic::enable<parts::console_rx::irq>();
    // Bytes that arrived before the receive interrupt was enabled raise no
    // interrupt on some UARTs (the CMSDK's is an edge): take them now.
    rivet::cortex_m::nvic::pend<parts::console_rx::irq>();
    rivet::console::write_line("ready");  // on the console itself, where a tester looks for it
    async::thread_executor executor;
    executor.spawn(reader());
    executor.spawn(logger());
    executor.run();
    return 0;
}
