// Raw register access for the twins: documented RM0090 addresses through
// volatile pointers, no HAL and no generated headers.
#pragma once

#include <cstdint>
#include <initializer_list>

namespace raw {
inline volatile std::uint32_t& r32(std::uintptr_t address) {
    return *reinterpret_cast<volatile std::uint32_t*>(address);
}
inline volatile std::uint16_t& r16(std::uintptr_t address) {
    return *reinterpret_cast<volatile std::uint16_t*>(address);
}
// The read-back RM0090 asks for after a clock enable: a real load.
inline void read_back(std::uintptr_t address) {
    const std::uint32_t value = r32(address);
    (void)value;
}
constexpr std::uintptr_t rcc_ahb1enr = 0x40023830, rcc_apb1enr = 0x40023840,
                         rcc_apb2enr = 0x40023844;
constexpr std::uintptr_t gpioa = 0x40020000, gpiob = 0x40020400;
constexpr std::uintptr_t moder = 0x0, otyper = 0x4, ospeedr = 0x8, pupdr = 0xC, odr = 0x14,
                         bsrr = 0x18, afrl = 0x20;
constexpr std::uintptr_t usart1 = 0x40011000, usart_sr = 0x0, usart_dr = 0x4, usart_brr = 0x8,
                         usart_cr1 = 0xC, usart_cr2 = 0x10, usart_cr3 = 0x14;
constexpr std::uint16_t sr_txe = 1u << 7, sr_tc = 1u << 6, sr_rxne = 1u << 5;
constexpr std::uint16_t cr1_ue = 1u << 13, cr1_te = 1u << 3, cr1_re = 1u << 2;

// PA10 (the LED) as a low push-pull output: the HAL's order, level first.
inline void led_configure() {
    r32(rcc_ahb1enr) = r32(rcc_ahb1enr) | 1u;
    read_back(rcc_ahb1enr);
    r32(gpioa + bsrr) = 1u << 26;
    r32(gpioa + otyper) = r32(gpioa + otyper) & ~(1u << 10);
    r32(gpioa + ospeedr) = r32(gpioa + ospeedr) & ~(3u << 20);
    r32(gpioa + pupdr) = r32(gpioa + pupdr) & ~(3u << 20);
    r32(gpioa + moder) = (r32(gpioa + moder) & ~(3u << 20)) | 1u << 20;
}

// USART1 on PB6/PB7 (AF7), 115200 Bd from 16 MHz, 8N1: the HAL's sequence.
// Inlined like the HAL's configure(), so that both keep the USART base in a
// register across bench_begin().
[[gnu::always_inline]] inline void usart1_configure() {
    r32(rcc_apb2enr) = r32(rcc_apb2enr) | 1u << 4;
    read_back(rcc_apb2enr);
    r32(rcc_ahb1enr) = r32(rcc_ahb1enr) | 1u << 1;
    read_back(rcc_ahb1enr);
    for (unsigned pin : {6u, 7u}) {
        r32(gpiob + otyper) = r32(gpiob + otyper) & ~(1u << pin);
        r32(gpiob + ospeedr) = (r32(gpiob + ospeedr) & ~(3u << 2 * pin)) | 2u << 2 * pin;
        r32(gpiob + pupdr) = (r32(gpiob + pupdr) & ~(3u << 2 * pin)) | (pin == 7 ? 1u : 0u)
                                                                           << 2 * pin;
        r32(gpiob + afrl) = (r32(gpiob + afrl) & ~(0xFu << 4 * pin)) | 7u << 4 * pin;
        r32(gpiob + moder) = (r32(gpiob + moder) & ~(3u << 2 * pin)) | 2u << 2 * pin;
    }
    if (r16(usart1 + usart_cr1) & cr1_ue) {
        while ((r16(usart1 + usart_sr) & sr_tc) == 0) {
        }
    }
    r16(usart1 + usart_cr1) = 0;
    r16(usart1 + usart_brr) = 139;
    r16(usart1 + usart_cr2) = 0;
    r16(usart1 + usart_cr3) = 0;
    r16(usart1 + usart_cr1) = cr1_ue | cr1_te | cr1_re;
}
}  // namespace raw
