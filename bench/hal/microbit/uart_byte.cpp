// One byte on the micro:bit's console UART, HAL and raw (RIVET_BENCH_RAW).
// The nRF51 UART has no "room in the FIFO" flag: both sides clear TXDRDY,
// write TXD and wait for TXDRDY (the byte taken by the transmitter).
#include "../markers.hpp"

#if RIVET_BENCH_RAW
#include "raw.hpp"

int main() {
    raw::uart_setup();
    bench_begin();
    raw::uart_put('x');
    return bench_end();
}
#else
#include <rivet/bsp/microbit.hpp>

#include <cstdint>

int main() {
    auto uart = rivet::bsp::microbit::console_uart<>::configure();
    static constexpr std::uint8_t byte[] = {'x'};
    bench_begin();
    (void)uart.write(byte);
    return bench_end();
}
#endif
