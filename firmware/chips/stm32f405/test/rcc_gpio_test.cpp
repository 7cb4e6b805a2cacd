// RCC clock enables and GPIO configuration, access by access, against
// RM0090 (STM32F405 reference manual): RCC_AHB1ENR at 0x40023830 (GPIOxEN
// bit x, reset 0x00100000), GPIOx at 0x40020000 + 0x400 * x with MODER +0,
// OTYPER +4, OSPEEDR +8, PUPDR +0xC, IDR +0x10, ODR +0x14, BSRR +0x18,
// AFRL +0x20, AFRH +0x24; two bits per pin in MODER/OSPEEDR/PUPDR, four in
// AFR; BSRR bit n sets pin n, bit n + 16 resets it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <rivet/registers/recording.hpp>
#include <rivet/stm32f405/gpio.hpp>
#include <rivet/stm32f405/rcc.hpp>

namespace {

using namespace rivet::stm32f405;
using rivet::registers::testing::load;
using rivet::registers::testing::recorder;
using rivet::registers::testing::store;
using ::testing::ElementsAre;

constexpr std::uintptr_t ahb1enr = 0x40023830, apb1enr = 0x40023840, apb2enr = 0x40023844;
constexpr std::uintptr_t gpioa = 0x40020000, gpiob = 0x40020400, gpioc = 0x40020800;
constexpr std::uintptr_t moder = 0x0, otyper = 0x4, ospeedr = 0x8, pupdr = 0xC, idr = 0x10,
                         odr = 0x14, bsrr = 0x18, afrl = 0x20, afrh = 0x24;

// The reset values RM0090 gives (the debug pins on PA13-15, PB3-4).
void reset_values(recorder& regs) {
    regs.set(ahb1enr, 0x00100000);
    regs.set(gpioa + moder, 0xA8000000);
    regs.set(gpioa + ospeedr, 0x0C000000);
    regs.set(gpioa + pupdr, 0x64000000);
    regs.set(gpiob + moder, 0x00000280);
    regs.set(gpiob + ospeedr, 0x000000C0);
    regs.set(gpiob + pupdr, 0x00000100);
}

TEST(stm32f405_rcc, enabling_a_clock_sets_its_bit_then_reads_the_register_back) {
    recorder regs;
    reset_values(regs);
    rcc::enable_clock<rcc::peripheral::gpioc>();
    EXPECT_THAT(regs.log(), ElementsAre(load(ahb1enr, 4, 0x00100000), store(ahb1enr, 4, 0x00100004),
                                        load(ahb1enr, 4, 0x00100004)));
}

TEST(stm32f405_rcc, each_peripheral_has_its_bus_and_bit) {
    recorder regs;
    rcc::enable_clock<rcc::peripheral::usart1>();  // APB2ENR bit 4
    rcc::enable_clock<rcc::peripheral::usart6>();  // APB2ENR bit 5
    rcc::enable_clock<rcc::peripheral::spi1>();    // APB2ENR bit 12
    rcc::enable_clock<rcc::peripheral::syscfg>();  // APB2ENR bit 14
    rcc::enable_clock<rcc::peripheral::tim2>();    // APB1ENR bit 0
    rcc::enable_clock<rcc::peripheral::tim5>();    // APB1ENR bit 3
    rcc::enable_clock<rcc::peripheral::spi2>();    // APB1ENR bit 14
    rcc::enable_clock<rcc::peripheral::usart3>();  // APB1ENR bit 18
    EXPECT_EQ(regs.value(apb2enr), 0x5030u);
    EXPECT_EQ(regs.value(apb1enr), 0x44009u);
    // Every enable is followed by a read-back of the same register.
    const auto& log = regs.log();
    ASSERT_EQ(log.size(), 24u);
    for (std::size_t i = 0; i < log.size(); i += 3) {
        EXPECT_EQ(log[i + 1].what, rivet::registers::testing::access::kind::store);
        EXPECT_EQ(log[i + 2].what, rivet::registers::testing::access::kind::load);
        EXPECT_EQ(log[i + 2].address, log[i + 1].address);
    }
}

TEST(stm32f405_rcc, bus_clocks_at_reset) {
    static_assert(rcc::reset_clocks.pclk1_hz() == 16'000'000);
    static_assert(rcc::kernel_clock_hz(rcc::peripheral::tim3) == 16'000'000);
    constexpr rcc::clock_tree fast{168'000'000, 1, 4, 2};
    static_assert(fast.pclk1_hz() == 42'000'000 && fast.apb1_timer_hz() == 84'000'000);
    static_assert(rcc::kernel_clock_hz(rcc::peripheral::usart1, fast) == 84'000'000);
    static_assert(rcc::kernel_clock_hz(rcc::peripheral::tim2, fast) == 84'000'000);
}

TEST(stm32f405_gpio, output_pin_sets_its_level_before_becoming_an_output) {
    recorder regs;
    reset_values(regs);
    (void)gpio::output_pin<gpio::port::a, 10>::configure(rivet::hal::pin_state::high);
    EXPECT_THAT(
        regs.stores(),
        ElementsAre(store(ahb1enr, 4, 0x00100001), store(gpioa + bsrr, 4, 1u << 10),  // level first
                    store(gpioa + otyper, 4, 0x0),                                    // push-pull
                    store(gpioa + ospeedr, 4, 0x0C000000),  // low speed (00)
                    store(gpioa + pupdr, 4, 0x64000000),    // no pull (00)
                    store(gpioa + moder, 4, 0xA8100000)));  // MODER10 = 01 last
}

TEST(stm32f405_gpio, output_pin_drives_through_bsrr) {
    recorder regs;
    auto led = gpio::output_pin<gpio::port::c, 13>::configure();
    regs.clear_log();
    (void)led.set_high();
    (void)led.set_low();
    EXPECT_THAT(regs.log(),
                ElementsAre(store(gpioc + bsrr, 4, 1u << 13), store(gpioc + bsrr, 4, 1u << 29)));

    regs.clear_log();
    regs.set(gpioc + odr, 1u << 13);
    EXPECT_TRUE(led.is_set_high().value());
    (void)led.toggle();  // ODR says high: reset it
    EXPECT_THAT(regs.log(),
                ElementsAre(load(gpioc + odr, 4, 1u << 13), load(gpioc + odr, 4, 1u << 13),
                            store(gpioc + bsrr, 4, 1u << 29)));
}

TEST(stm32f405_gpio, open_drain_fast_output) {
    recorder regs;
    (void)gpio::output_pin<gpio::port::b, 9, gpio::output_type::open_drain,
                           gpio::speed::high>::configure();
    EXPECT_EQ(regs.value(gpiob + otyper), 1u << 9);
    EXPECT_EQ(regs.value(gpiob + ospeedr), 3u << 18);
    EXPECT_EQ(regs.value(gpiob + moder), 1u << 18);
    EXPECT_EQ(regs.value(gpiob + bsrr), 1u << 25);  // low
}

TEST(stm32f405_gpio, input_pin_with_pull_down) {
    recorder regs;
    reset_values(regs);
    auto button = gpio::input_pin<gpio::port::b, 11>::configure(gpio::pull::down);
    EXPECT_THAT(regs.stores(), ElementsAre(store(ahb1enr, 4, 0x00100002),
                                           store(gpiob + pupdr, 4, 0x00800100),    // PUPDR11 = 10
                                           store(gpiob + moder, 4, 0x00000280)));  // MODER11 = 00
    regs.clear_log();
    regs.set(gpiob + idr, 1u << 11);
    EXPECT_TRUE(button.is_high().value());
    regs.set(gpiob + idr, ~(1u << 11));
    EXPECT_TRUE(button.is_low().value());
    EXPECT_THAT(regs.log(),
                ElementsAre(load(gpiob + idr, 4, 1u << 11), load(gpiob + idr, 4, ~(1u << 11))));
}

TEST(stm32f405_gpio, alternate_pin_selects_the_function_before_the_mode) {
    recorder regs;
    reset_values(regs);
    // PB6 = USART1_TX is AF7 (datasheet alternate function map).
    gpio::alternate_pin<gpio::pin_id_of(gpio::port::b, 6), gpio::signal::usart1_tx>::configure();
    EXPECT_THAT(regs.stores(),
                ElementsAre(store(ahb1enr, 4, 0x00100002), store(gpiob + otyper, 4, 0x0),
                            store(gpiob + ospeedr, 4, 0x000020C0),  // OSPEEDR6 = 10
                            store(gpiob + pupdr, 4, 0x00000100),
                            store(gpiob + afrl, 4, 0x07000000),     // AFRL6 = 7
                            store(gpiob + moder, 4, 0x00002280)));  // MODER6 = 10
}

TEST(stm32f405_gpio, high_pins_use_afrh) {
    recorder regs;
    // PB13 = SPI2_SCK (AF5), PA15 = TIM2_CH1 (AF1).
    gpio::alternate_pin<gpio::pin_id_of(gpio::port::b, 13), gpio::signal::spi2_sck>::configure();
    gpio::alternate_pin<gpio::pin_id_of(gpio::port::a, 15), gpio::signal::tim2_ch1>::configure();
    EXPECT_EQ(regs.value(gpiob + afrh), 5u << 20);
    EXPECT_EQ(regs.value(gpioa + afrh), 1u << 28);
    EXPECT_TRUE(regs.accesses_to(gpiob + afrl).empty());
}

TEST(stm32f405_gpio, alternate_function_map) {
    using gpio::pin_id_of;
    using gpio::port;
    using gpio::signal;
    static_assert(gpio::alternate_function(pin_id_of(port::a, 9), signal::usart1_tx) == 7);
    static_assert(gpio::alternate_function(pin_id_of(port::c, 6), signal::usart6_tx) == 8);
    static_assert(gpio::alternate_function(pin_id_of(port::c, 10), signal::spi3_sck) == 6);
    static_assert(gpio::alternate_function(pin_id_of(port::c, 10), signal::usart3_tx) == 7);
    static_assert(gpio::alternate_function(pin_id_of(port::b, 8), signal::tim4_ch3) == 2);
    static_assert(gpio::alternate_function(pin_id_of(port::a, 0), signal::tim2_ch1) == 1);
    static_assert(gpio::alternate_function(pin_id_of(port::a, 0), signal::tim5_ch1) == 2);
    static_assert(!gpio::pin_has_signal(pin_id_of(port::a, 0), signal::usart1_tx));
    static_assert(!gpio::pin_has_signal(pin_id_of(port::b, 6), signal::usart2_tx));
}

}  // namespace
