// The same 4,102 bytes as spi.cpp's SSD0323 frame (a 6-byte command, then
// 4 KiB) on netduinoplus2's SPI2 (the header SPI, chip select D10), under
// one selection, measured by bench/async_bus/run.sh between bench_begin()
// and bench_end(), built three ways as i2c.cpp: blocking (the polled
// controller, chip select driven around it), async (a device transaction
// awaited by a task on the interrupt-driven bus, the whole co_await), wake
// (from the first instruction of SPI2's last handler run to the task's next
// statement).
#include "../hal/markers.hpp"

#include <rivet/bsp/netduinoplus2.hpp>

#include <array>
#include <cstdint>

namespace {
constexpr std::array<std::uint8_t, 6> window{0x15, 0x00, 0x3f, 0x75, 0x00, 0x3f};
std::array<std::uint8_t, 4096> pixels{};
namespace board = rivet::bsp::netduinoplus2;
}  // namespace

#ifdef RIVET_BENCH_BLOCKING
int main() {
    auto [bus, select] = rivet::hal::take<board::header_spi<>, board::header_spi_select>();
    (void)select.set_high();
    pixels.fill(0x99);
    bench_begin();
    (void)select.set_low();
    bool ok = static_cast<bool>(bus.write(window));
    ok = static_cast<bool>(bus.write(pixels)) && ok;
    ok = static_cast<bool>(bus.flush()) && ok;
    (void)select.set_high();
    asm volatile("" ::"r"(ok));
    return bench_end();
}
#else
#include <rivet/async/board/netduinoplus2.hpp>
#include <rivet/async/executor.hpp>
#include <rivet/async/task.hpp>
#include <rivet/cortex_m/interrupts.hpp>
#include <rivet/hal/async/spi.hpp>

namespace {
namespace parts = rivet::async::netduinoplus2;
using operation = rivet::hal::spi::operation;

void on_spi() {
#ifdef RIVET_BENCH_WAKE
    bench_begin();
#endif
    parts::header_spi_bus<>::on_interrupt();
}

int measured = 1;
rivet::task<void, rivet::frames<"bench", 256> > send() {
    auto device = parts::configure_header_spi_device();
    pixels.fill(0x99);
#ifndef RIVET_BENCH_WAKE
    bench_begin();
#endif
    // A named array: GCC 12 rejects a braced list of them across co_await
    // ("array used as initializer").
    const operation frame[] = {operation::write(window), operation::write(pixels)};
    const auto r = co_await rivet::hal::async::spi::transaction_of(device, frame);
    measured = bench_end();
    asm volatile("" ::"r"(static_cast<bool>(r)));
}
}  // namespace

RIVET_BIND_INTERRUPTS(rivet::cortex_m::bind<parts::header_spi_bus<>::irq, on_spi>);

int main() {
    rivet::async::thread_executor executor;
    executor.spawn(send());
    executor.run();
    return measured;
}
#endif
