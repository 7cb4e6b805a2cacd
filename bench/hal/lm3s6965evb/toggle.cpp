// One toggle of the status LED (PF0) between the markers: HAL
// (output_pin::toggle) or raw (one load, XOR, one store through the
// one-pin DATA window), built twice.
#include "../markers.hpp"

#if RIVET_BENCH_RAW
#include "raw.hpp"
#else
#include <rivet/bsp/lm3s6965evb.hpp>
#endif

int main() {
#if RIVET_BENCH_RAW
    raw::output_pin(raw::gpiof, 5, 0);
    volatile std::uint32_t& led = raw::reg(raw::gpiof + (1u << 0 << 2));
    bench_begin();
    led = led ^ 1u;
    return bench_end();
#else
    auto led = rivet::bsp::lm3s6965evb::status_led::configure();
    bench_begin();
    (void)led.toggle();
    return bench_end();
#endif
}
