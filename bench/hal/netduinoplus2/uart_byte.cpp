// One byte on the console USART, waiting for TXE first, HAL or raw.
#include "../markers.hpp"
#if RIVET_BENCH_RAW
#include "raw.hpp"
int main() {
    raw::usart1_configure();
    bench_begin();
    while ((raw::r16(raw::usart1 + raw::usart_sr) & raw::sr_txe) == 0) {
    }
    raw::r16(raw::usart1 + raw::usart_dr) = 'x';
    return bench_end();
}
#else
#include <rivet/bsp/netduinoplus2.hpp>

#include <cstdint>
#include <span>
int main() {
    auto serial = rivet::bsp::netduinoplus2::console_usart<>::configure();
    static constexpr std::uint8_t byte[1] = {'x'};
    bench_begin();
    (void)serial.write(std::span(byte));
    return bench_end();
}
#endif
