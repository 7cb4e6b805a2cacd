// One byte written to the console UART (UART0) between the markers,
// waiting for room in the transmit FIFO first: HAL (uart::write of one
// byte) or raw, built twice.
//
// The HAL executes 3 instructions more (10 against 7 with GCC 12 -Os):
// uart::write waits while TXFF is set, then re-reads FR before queuing each
// byte, the first one included (ldr, lsls, itt). The re-check is needed
// for the bytes after the first, not for the first, which the wait has
// just made room for; a write loop that queues the first byte right after
// the wait (do { DR = byte; } while (more && !TXFF)) would make the two
// equal. The raw side does the minimum: wait while TXFF, one store.
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
    bench_end();
#else
    auto uart = rivet::bsp::lm3s6965evb::console_uart<>::configure();
    const std::uint8_t byte = 'x';
    bench_begin();
    (void)uart.write(std::span(&byte, 1));
    bench_end();
#endif
    return 0;
}
