// One toggle of the user LED (PA10), HAL or raw. Both read ODR and store
// the set or the reset bit to BSRR: the same work.
#include "../markers.hpp"
#if RIVET_BENCH_RAW
#include "raw.hpp"
int main() {
    raw::led_configure();
    bench_begin();
    raw::r32(raw::gpioa + raw::bsrr) =
        (raw::r32(raw::gpioa + raw::odr) & 1u << 10) != 0 ? 1u << 26 : 1u << 10;
    return bench_end();
}
#else
#include <rivet/bsp/netduinoplus2.hpp>
int main() {
    auto led = rivet::bsp::netduinoplus2::user_led::configure();
    bench_begin();
    (void)led.toggle();
    return bench_end();
}
#endif
