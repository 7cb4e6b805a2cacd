// Reset and clock control: clock gating of the peripherals the HAL drives,
// and the bus clocks as compile-time values. Rivet leaves the clock tree at
// its reset state (HSI, 16 MHz, every prescaler 1) unless a firmware sets
// it up itself and says so through its own clock_tree value.
#pragma once

#include <cstdint>

#include "stm32f405/rcc.hpp"

namespace rivet::stm32f405::rcc {

// The clock tree as numbers. APB timers run at the bus clock when its
// prescaler is 1 and at twice the bus clock otherwise (RM0090, "Clocks").
struct clock_tree {
    std::uint32_t sysclk_hz;
    std::uint32_t ahb_prescaler = 1;
    std::uint32_t apb1_prescaler = 1;
    std::uint32_t apb2_prescaler = 1;

    constexpr std::uint32_t hclk_hz() const { return sysclk_hz / ahb_prescaler; }
    constexpr std::uint32_t pclk1_hz() const { return hclk_hz() / apb1_prescaler; }
    constexpr std::uint32_t pclk2_hz() const { return hclk_hz() / apb2_prescaler; }
    constexpr std::uint32_t apb1_timer_hz() const {
        return apb1_prescaler == 1 ? pclk1_hz() : 2 * pclk1_hz();
    }
    constexpr std::uint32_t apb2_timer_hz() const {
        return apb2_prescaler == 1 ? pclk2_hz() : 2 * pclk2_hz();
    }
};

// After reset: the 16 MHz internal RC oscillator, no division anywhere.
inline constexpr clock_tree reset_clocks{16'000'000};

enum class peripheral : unsigned char {
    gpioa,
    gpiob,
    gpioc,
    gpiod,
    gpioe,
    gpiof,
    gpiog,
    gpioh,
    gpioi,
    tim2,
    tim3,
    tim4,
    tim5,
    spi2,
    spi3,
    usart2,
    usart3,
    usart1,
    usart6,
    spi1,
    syscfg,
};

enum class bus : unsigned char { ahb1, apb1, apb2 };

constexpr bus bus_of(peripheral p) {
    if (p <= peripheral::gpioi) return bus::ahb1;
    if (p <= peripheral::usart3) return bus::apb1;
    return bus::apb2;
}

// The enable bit in AHB1ENR, APB1ENR or APB2ENR (RM0090 section 7.3).
constexpr unsigned enable_bit(peripheral p) {
    switch (p) {
        case peripheral::gpioa:
            return 0;
        case peripheral::gpiob:
            return 1;
        case peripheral::gpioc:
            return 2;
        case peripheral::gpiod:
            return 3;
        case peripheral::gpioe:
            return 4;
        case peripheral::gpiof:
            return 5;
        case peripheral::gpiog:
            return 6;
        case peripheral::gpioh:
            return 7;
        case peripheral::gpioi:
            return 8;
        case peripheral::tim2:
            return 0;
        case peripheral::tim3:
            return 1;
        case peripheral::tim4:
            return 2;
        case peripheral::tim5:
            return 3;
        case peripheral::spi2:
            return 14;
        case peripheral::spi3:
            return 15;
        case peripheral::usart2:
            return 17;
        case peripheral::usart3:
            return 18;
        case peripheral::usart1:
            return 4;
        case peripheral::usart6:
            return 5;
        case peripheral::spi1:
            return 12;
        case peripheral::syscfg:
            return 14;
    }
    return 0;
}

// The clock a peripheral counts or shifts with: its bus clock, or the
// doubled timer clock for TIM2-5 behind a divided APB1.
constexpr std::uint32_t kernel_clock_hz(peripheral p, clock_tree clocks = reset_clocks) {
    if (p >= peripheral::tim2 && p <= peripheral::tim5) return clocks.apb1_timer_hz();
    switch (bus_of(p)) {
        case bus::ahb1:
            return clocks.hclk_hz();
        case bus::apb1:
            return clocks.pclk1_hz();
        case bus::apb2:
            return clocks.pclk2_hz();
    }
    return 0;
}

// Turns on the clock of P (idempotent). The reference manual asks for a
// delay of two bus cycles before the first access to a newly clocked
// peripheral (and erratum ES0182 2.1.13 shows what happens without it);
// reading the enable register back is the documented way to wait.
template <peripheral P>
inline void enable_clock() {
    constexpr auto rcc = ::stm32f405::RCC;
    [[maybe_unused]] static constexpr std::uint32_t mask = 1u << enable_bit(P);
    if constexpr (bus_of(P) == bus::ahb1) {
        rcc.ahb1enr().modify([](auto& r) { r.set_bits(r.bits() | mask); });
        (void)rcc.ahb1enr().read();
    } else if constexpr (bus_of(P) == bus::apb1) {
        rcc.apb1enr().modify([](auto& r) { r.set_bits(r.bits() | mask); });
        (void)rcc.apb1enr().read();
    } else {
        rcc.apb2enr().modify([](auto& r) { r.set_bits(r.bits() | mask); });
        (void)rcc.apb2enr().read();
    }
}

}  // namespace rivet::stm32f405::rcc
