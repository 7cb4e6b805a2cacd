// One byte written to the console UART (UART0) between the markers,
// waiting for room in the transmit FIFO first: HAL (uart::write of one
// byte) or raw, built twice.
//
// Both execute the same instructions: wait while TXFF, one store. (The
// HAL's write queues the first byte right after the wait, without asking FR
// again; only the bytes after it are checked against TXFF.)
#include "../markers.hpp"

#include <cstdint>

#if RIVET_BENCH_RAW
#include "raw.hpp"
#else
#include <rivet/bsp/lm3s6965evb.hpp>

#include <span>
#endif

int main() {
#if RIVET_BENCH_RAW
    raw::console_uart();
    bench_begin();
    while (raw::reg(raw::uart0 + raw::uart_fr) & raw::fr_txff) {
    }
    raw::reg(raw::uart0 + raw::uart_dr) = 'x';
    return bench_end();
#else
    auto uart = rivet::bsp::lm3s6965evb::console_uart<>::configure();
    const std::uint8_t byte = 'x';
    bench_begin();
    (void)uart.write(std::span(&byte, 1));
    return bench_end();
#endif
}
