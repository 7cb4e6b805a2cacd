// One toggle of the micro:bit's LED matrix row 1 pin (P0.13), HAL and raw
// (RIVET_BENCH_RAW). Both read OUT and then write the pin's bit to OUTCLR or
// OUTSET, so no other pin of the port can be disturbed.
#include "../markers.hpp"

#if RIVET_BENCH_RAW
#include "raw.hpp"

int main() {
    raw::reg(raw::gpio_outclr) = 1u << 13;
    raw::reg(raw::gpio_pin_cnf(13)) = raw::pin_cnf_output;
    bench_begin();
    if (raw::reg(raw::gpio_out) & (1u << 13)) {
        raw::reg(raw::gpio_outclr) = 1u << 13;
    } else {
        raw::reg(raw::gpio_outset) = 1u << 13;
    }
    return bench_end();
}
#else
#include <rivet/nrf51/gpio.hpp>

int main() {
    auto pin = rivet::nrf51::gpio::output_pin<13>::configure();
    bench_begin();
    (void)pin.toggle();
    return bench_end();
}
#endif
