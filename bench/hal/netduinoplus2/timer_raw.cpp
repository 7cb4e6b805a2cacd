// examples/netduinoplus2/timer.cpp on raw registers: TIM3 update interrupt
// every 10 ms (1 GHz: PSC 159, ARR 62499), TIM4 channel 3 PWM on PB8 (AF2,
// 1 kHz: PSC 15, ARR 62499),
// TIM2 as the clock of the log.
#include <rivet/log/log.hpp>

#include <cstdint>

#include "raw.hpp"

namespace {
constexpr std::uintptr_t tim3 = 0x40000400, tim4 = 0x40000800;
constexpr std::uintptr_t cr1 = 0x00, dier = 0x0C, sr = 0x10, egr = 0x14, ccmr2 = 0x1C, ccer = 0x20,
                         psc = 0x28, arr = 0x2C, ccr3 = 0x3C;
constexpr std::uintptr_t nvic_iser0 = 0xE000E100, nvic_icer0 = 0xE000E180, nvic_icpr0 = 0xE000E280;
volatile std::uint32_t ticks = 0;
}  // namespace

extern "C" void rivet_irq_29() noexcept {
    raw::r16(tim3 + sr) = static_cast<std::uint16_t>(~1u);
    ticks = ticks + 1;
}

int main() {
    // TIM2: the free-running 1 MHz clock the log uses (1 GHz / 1000).
    constexpr std::uintptr_t tim2 = 0x40000000;
    raw::r32(raw::rcc_apb1enr) = raw::r32(raw::rcc_apb1enr) | 1u;
    raw::read_back(raw::rcc_apb1enr);
    raw::r16(tim2 + cr1) = 0;
    raw::r16(tim2 + psc) = 999;
    raw::r32(tim2 + arr) = 0xFFFFFFFF;
    raw::r16(tim2 + egr) = 1;
    raw::r16(tim2 + sr) = 0;
    raw::r16(tim2 + dier) = 0;
    raw::r16(tim2 + cr1) = 0x81;

    raw::r32(raw::rcc_apb1enr) = raw::r32(raw::rcc_apb1enr) | 1u << 1;
    raw::read_back(raw::rcc_apb1enr);
    raw::r16(tim3 + cr1) = 0;
    raw::r16(tim3 + psc) = 159;
    raw::r16(tim3 + arr) = 62499;
    raw::r16(tim3 + egr) = 1;
    raw::r16(tim3 + sr) = 0;
    raw::r16(tim3 + dier) = 1;
    raw::r16(tim3 + cr1) = 0x81;

    raw::r32(raw::rcc_apb1enr) = raw::r32(raw::rcc_apb1enr) | 1u << 2;
    raw::read_back(raw::rcc_apb1enr);
    raw::r32(raw::rcc_ahb1enr) = raw::r32(raw::rcc_ahb1enr) | 1u << 1;
    raw::read_back(raw::rcc_ahb1enr);
    raw::r32(raw::gpiob + raw::otyper) = raw::r32(raw::gpiob + raw::otyper) & ~(1u << 8);
    raw::r32(raw::gpiob + raw::ospeedr) =
        (raw::r32(raw::gpiob + raw::ospeedr) & ~(3u << 16)) | 2u << 16;
    raw::r32(raw::gpiob + raw::pupdr) = raw::r32(raw::gpiob + raw::pupdr) & ~(3u << 16);
    raw::r32(raw::gpiob + 0x24) = (raw::r32(raw::gpiob + 0x24) & ~0xFu) | 2u;  // AFRH8 = AF2
    raw::r32(raw::gpiob + raw::moder) =
        (raw::r32(raw::gpiob + raw::moder) & ~(3u << 16)) | 2u << 16;
    raw::r16(tim4 + cr1) = 0;
    raw::r16(tim4 + psc) = 15;
    raw::r16(tim4 + arr) = 62499;
    raw::r16(tim4 + ccr3) = 0;
    raw::r16(tim4 + ccmr2) = static_cast<std::uint16_t>((raw::r16(tim4 + ccmr2) & ~0xFFu) | 0x68);
    raw::r16(tim4 + ccer) = static_cast<std::uint16_t>(raw::r16(tim4 + ccer) | 1u << 8);
    raw::r16(tim4 + egr) = 1;
    raw::r16(tim4 + cr1) = 0x81;

    raw::r32(nvic_icpr0) = 1u << 29;
    raw::r32(nvic_iser0) = 1u << 29;
    std::uint32_t seen = 0;
    while (seen < 5) {
        if (ticks != seen) {
            seen = ticks;
            RIVET_INFO("tick {} at {} us", seen, static_cast<std::uint32_t>(raw::r32(tim2 + 0x24)));
        }
    }
    raw::r32(nvic_icer0) = 1u << 29;
    asm volatile("dsb\n\tisb" ::: "memory");
    raw::r16(tim3 + cr1) = 0;
    RIVET_INFO("{} ticks or more", 5);

    raw::r16(tim4 + ccr3) = 15625;
    RIVET_INFO("PWM on D5: 1000 Hz, duty 25 % = CCR3 {} of {}",
               static_cast<std::uint32_t>(raw::r16(tim4 + ccr3)), 62500u);
    return 0;
}
