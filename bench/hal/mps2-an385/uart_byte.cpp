// One byte on UART0, HAL (write() of a one-byte span) or raw: wait while
// the transmit buffer is full, then one byte store to DATA.
#include "../markers.hpp"

#if RIVET_BENCH_RAW
#include "raw.hpp"
#else
#include <rivet/bsp/mps2_an385.hpp>

#include <cstdint>
#include <span>
#endif

int main() {
#if RIVET_BENCH_RAW
    raw::uart0_configure();
    bench_begin();
    while (raw::reg(raw::uart0 + raw::uart_state) & raw::state_txbf) {
    }
    raw::reg8(raw::uart0 + raw::uart_data) = 'x';
    return bench_end();
#else
    auto uart = rivet::bsp::mps2_an385::console_uart<>::configure();
    const std::uint8_t byte = 'x';
    bench_begin();
    (void)uart.write(std::span(&byte, 1));
    return bench_end();
#endif
}
