// The runtime's async HAL pieces on a board, under -icount where ticks come
// at fixed instruction counts: the tick delay (rivet/async/delay.hpp) waits
// the asked time rounded up to ticks plus one; block_on and the blocking
// adapters (rivet/async/block_on.hpp) drive an async delay and the
// interrupt-driven console UART from main(); a read of the UART raced by
// with_timeout with nothing to read times out after exactly 5 ticks and is
// withdrawn (the next read takes the first byte typed afterwards); a task
// writes a line with write_all and flushes.
#include "board.hpp"

#include <rivet/async/block_on.hpp>
#include <rivet/async/delay.hpp>
#include <rivet/async/executor.hpp>
#include <rivet/async/task.hpp>
#include <rivet/async/uart/board.hpp>
#include <rivet/async/wait.hpp>
#include <rivet/hal/pins.hpp>
#include <rivet/hal/serial.hpp>
#include <rivet/log/log.hpp>

#include <chrono>
#include <cstdint>
#include <span>
#include <string_view>

using namespace std::chrono_literals;
namespace async = rivet::async;
using console = async::uart::serial<board::console>;

#if __has_include(<rivet/bsp/mps2_an385.hpp>) || __has_include(<rivet/bsp/mps2_an505.hpp>)
RIVET_BIND_INTERRUPTS(time_driver::binding, console::rx_binding, console::tx_binding);
#else
RIVET_BIND_INTERRUPTS(time_driver::binding, console::binding);
#endif

namespace {

std::span<const std::uint8_t> bytes_of(std::string_view text) {
    return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
}
std::uint32_t ticks_since(std::uint64_t start) {
    return static_cast<std::uint32_t>(async::detail::now_ticks() - start);
}

rivet::task<void, rivet::frames<"checks", 512>> checks(console& uart) {
    async::delay delay;
    std::uint64_t start = async::detail::now_ticks();
    co_await delay.delay_us(1500);
    const std::uint32_t us_1500 = ticks_since(start);
    start = async::detail::now_ticks();
    co_await delay.delay_ms(10);
    RIVET_INFO("task delays: 1500 us {} ticks, 10 ms {} ticks", us_1500, ticks_since(start));

    std::uint8_t byte[1];
    start = async::detail::now_ticks();
    const auto nothing = co_await async::with_timeout(5ms, uart.read(byte));
    RIVET_INFO("read with nothing to read: timed out {} after {} ticks", !nothing.has_value(),
               ticks_since(start));

    const bool written =
        co_await uart.write_all(bytes_of("written by a task\n")) && co_await uart.flush();
    RIVET_INFO("task write_all and flush: {}", written);
    // The tester types once it has seen that line.
    const auto got = co_await uart.read(byte);
    RIVET_INFO("then read {} byte: {}", got.value_or(0), static_cast<char>(byte[0]));
}

}  // namespace

int main() {
    time_driver::start();
    auto [uart] = rivet::hal::take<console>();

    async::blocking_serial blocking{uart};
    const bool blocking_written = rivet::hal::write_all(blocking, bytes_of("ready\n")).has_value();
    async::delay delay;
    async::blocking_delay sleeping{delay};
    const std::uint64_t start = async::detail::now_ticks();
    sleeping.delay_ms(3);
    RIVET_INFO("blocking adapters: write_all {}, delay_ms(3) {} ticks", blocking_written,
               ticks_since(start));

    async::thread_executor executor;
    executor.spawn(checks(uart));
    executor.run();
    RIVET_INFO("serial and delay ok");
    return 0;
}
