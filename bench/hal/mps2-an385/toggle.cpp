// One LED toggle, HAL (fpgaio::led<0>::toggle) or raw: both are one load,
// one exclusive-or and one store of the FPGA I/O LED register.
#include "../markers.hpp"

#if RIVET_BENCH_RAW
#include "raw.hpp"
#else
#include <rivet/bsp/mps2_an385.hpp>
#endif

int main() {
#if RIVET_BENCH_RAW
    raw::reg(raw::fpgaio + raw::fpgaio_led) = raw::reg(raw::fpgaio + raw::fpgaio_led) & ~1u;
    bench_begin();
    raw::reg(raw::fpgaio + raw::fpgaio_led) = raw::reg(raw::fpgaio + raw::fpgaio_led) ^ 1u;
    return bench_end();
#else
    auto led = rivet::bsp::mps2_an385::user_led0::configure();
    bench_begin();
    (void)led.toggle();
    return bench_end();
#endif
}
