// examples/netduinoplus2/blink.cpp on raw registers: PA10 through BSRR,
// TIM2 as a free-running 1 MHz counter (1 GHz / 1000, QEMU's timer clock).
#include <rivet/log/log.hpp>

#include <cstdint>

#include "raw.hpp"

namespace {
constexpr std::uintptr_t tim2 = 0x40000000, cr1 = 0x00, dier = 0x0C, sr = 0x10, egr = 0x14,
                         cnt = 0x24, psc = 0x28, arr = 0x2C;

void timer_configure() {
    raw::r32(raw::rcc_apb1enr) = raw::r32(raw::rcc_apb1enr) | 1u;
    raw::read_back(raw::rcc_apb1enr);
    raw::r16(tim2 + cr1) = 0;
    raw::r16(tim2 + psc) = 999;
    raw::r32(tim2 + arr) = 0xFFFFFFFF;
    raw::r16(tim2 + egr) = 1;
    raw::r16(tim2 + sr) = 0;
    raw::r16(tim2 + dier) = 0;
    raw::r16(tim2 + cr1) = 0x81;
}
std::uint32_t now_us() {
    return raw::r32(tim2 + cnt);
}
void wait_us(std::uint32_t us) {
    const std::uint32_t start = now_us();
    while (now_us() - start <= us) {
    }
}
}  // namespace

int main() {
    raw::led_configure();
    timer_configure();
    constexpr std::uint32_t half_period_ms = 50;
    for (int i = 0; i < 3; ++i) {
        raw::r32(raw::gpioa + raw::bsrr) = 1u << 10;
        RIVET_INFO("LED on");
        const std::uint32_t on_at = now_us();
        for (std::uint32_t ms = 0; ms < half_period_ms; ++ms) wait_us(1000);
        raw::r32(raw::gpioa + raw::bsrr) = 1u << 26;
        const std::uint32_t lit_us = now_us() - on_at;
        RIVET_INFO("LED off after {} us", lit_us);
        if (lit_us < half_period_ms * 1000) return 1;
        for (std::uint32_t ms = 0; ms < half_period_ms; ++ms) wait_us(1000);
    }
    RIVET_INFO("3 blinks, each delay long enough");
    return 0;
}
