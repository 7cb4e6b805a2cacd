// Raw twin of examples/lm3s6965evb/blink.cpp: the status LED (PF0) blinked
// three times on SysTick waits of 100 ms at 12 MHz, with the same log.
#include <rivet/log/log.hpp>

#include "raw.hpp"

int main() {
    raw::output_pin(raw::gpiof, 5, 0);
    volatile std::uint32_t& led = raw::reg(raw::gpiof + (1u << 0 << 2));
    for (int i = 0; i < 3; ++i) {
        led = 1;
        RIVET_INFO("LED on (pin high: {})", (led & 1u) != 0);
        raw::wait_clocks(100ull * 12'000);
        led = 0;
        RIVET_INFO("LED off (pin high: {})", (led & 1u) != 0);
        raw::wait_clocks(100ull * 12'000);
    }
    return 0;
}
