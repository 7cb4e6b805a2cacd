// What a task waiting on the console UART costs (bench/async_uart/run.sh).
// Built twice from this file. Interrupt-driven (rivet/async/uart/): the
// stretch from the first instruction of the UART's handler (after its
// bench_begin()) to the awaiting task's first statement, for one byte
// typed while the task waits; then a task receiving 1 KiB with
// read_exact(), and sending 1 KiB with write_all(), the core asleep in WFI
// between interrupts. Polled (RIVET_BENCH_POLLED): the blocking driver's
// read_exact() and write_all() of the same 1 KiB, spinning on the status
// flags. run.sh types the byte and then the kilobyte while the firmware
// waits for each.
#include "../hal/markers.hpp"
#include "parts.hpp"

#include <rivet/async/executor.hpp>
#include <rivet/async/task.hpp>
#include <rivet/async/uart/board.hpp>
#include <rivet/cortex_m/interrupts.hpp>
#include <rivet/hal/pins.hpp>
#include <rivet/hal/serial.hpp>

#include <array>
#include <cstdint>

namespace {
std::array<std::uint8_t, 1024> kilobyte{};
std::uint8_t first[1];
int result = 1;
bool sum_ok() {
    // run.sh sends the bytes 0..255 four times.
    for (std::size_t i = 0; i < kilobyte.size(); ++i)
        if (kilobyte[i] != static_cast<std::uint8_t>(i)) return false;
    return first[0] == 'L';
}
}  // namespace

#if RIVET_BENCH_POLLED
using console = parts::board::console;
// No interrupt bound: the runtime's default vector table.
int main() {
    auto [uart] = rivet::hal::take<console>();
    (void)rivet::hal::read_exact(uart, first);
    bench_begin();
    const bool received = rivet::hal::read_exact(uart, kilobyte).has_value();
    result = bench_end();
    bench_begin();
    const bool sent = rivet::hal::write_all(uart, kilobyte).has_value();
    result += bench_end();
    return received && sent && sum_ok() ? result : 1;
}
#else
using console = rivet::async::uart::serial<parts::board::console>;
namespace {
volatile bool measuring_wake = false;
void on_uart() {
    if (measuring_wake) bench_begin();
    console::on_interrupt();
}

rivet::task<void, rivet::frames<"bench", 192> > receive(console& uart) {
    measuring_wake = true;
    const auto got = co_await uart.read(first);
    result = bench_end();
    measuring_wake = false;
    bench_begin();
    const auto received = co_await uart.read_exact(kilobyte);
    result += bench_end();
    bench_begin();
    const auto sent = co_await uart.write_all(kilobyte);
    result += bench_end();
    if (!got || !received || !sent || !sum_ok()) result = 1;
}
}  // namespace

#if __has_include(<rivet/bsp/mps2_an385.hpp>)
RIVET_BIND_INTERRUPTS(rivet::cortex_m::bind<console::rx_irq, on_uart>,
                      rivet::cortex_m::bind<console::tx_irq, on_uart>);
#else
RIVET_BIND_INTERRUPTS(rivet::cortex_m::bind<console::rx_irq, on_uart>);
#endif

int main() {
    auto [uart] = rivet::hal::take<console>();
    rivet::async::thread_executor executor;
    executor.spawn(receive(uart));
    executor.run();
    return result;
}
#endif
