// USART, timer and EXTI set-up sequences through the recorder, against
// RM0090: USART1 at 0x40011000 (SR +0, DR +4, BRR +8, CR1 +0xC, CR2 +0x10,
// CR3 +0x14), TIM3 at 0x40000400, EXTI at 0x40013C00, SYSCFG at 0x40013800.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <rivet/registers/recording.hpp>
#include <rivet/stm32f405/exti.hpp>
#include <rivet/stm32f405/gpio.hpp>
#include <rivet/stm32f405/timer.hpp>
#include <rivet/stm32f405/usart.hpp>

#include <array>
#include <cstdint>

namespace {

using namespace rivet::stm32f405;
using rivet::registers::testing::access;
using rivet::registers::testing::load;
using rivet::registers::testing::recorder;
using rivet::registers::testing::store;
using ::testing::ElementsAre;

constexpr std::uintptr_t usart1 = 0x40011000, sr = 0x0, dr = 0x4, brr = 0x8, cr1 = 0xC, cr2 = 0x10,
                         cr3 = 0x14;
using console = usart::usart<1, gpio::pin_id_of(gpio::port::b, 6),
                             gpio::pin_id_of(gpio::port::b, 7), 16'000'000, 115200>;

std::vector<access> accesses_within(const recorder& regs, std::uintptr_t base,
                                    std::uintptr_t size) {
    std::vector<access> out;
    for (const access& a : regs.log()) {
        if (a.address >= base && a.address < base + size) out.push_back(a);
    }
    return out;
}

TEST(stm32f405_usart, configure_waits_for_the_console_then_programs_eight_n_one) {
    recorder regs;
    regs.set(usart1 + cr1, 0x200c);  // the console left it enabled
    regs.set(usart1 + sr, 0x00c0);   // TXE, TC
    (void)console::configure();
    EXPECT_THAT(
        accesses_within(regs, usart1, 0x400),
        ElementsAre(load(usart1 + cr1, 2, 0x200c), load(usart1 + sr, 2, 0x00c0),
                    store(usart1 + cr1, 2, 0x0),  // UE off
                    store(usart1 + brr, 2, 139),  // 16 MHz / 115200
                    store(usart1 + cr2, 2, 0x0),  // one stop bit
                    store(usart1 + cr3, 2, 0x0), store(usart1 + cr1, 2, 0x200c)));  // UE, TE, RE
    EXPECT_EQ(regs.value(0x40023844), 1u << 4);                                     // USART1EN
    EXPECT_EQ(regs.value(0x40020420), 0x77000000u);                                 // PB6, PB7 AF7
    EXPECT_EQ(regs.value(0x4002040C), 1u << 14);                                    // PB7 pull-up
}

TEST(stm32f405_usart, write_waits_for_txe_and_read_checks_errors) {
    recorder regs;
    auto serial = console::configure();
    regs.clear_log();
    int polls = 0;
    // TXE reads clear twice, then set and stays set.
    regs.on_load(usart1 + sr, [&polls](std::uint32_t) { return ++polls > 2 ? 0x00c0u : 0x0u; });
    const std::array<std::uint8_t, 2> bytes{'o', 'k'};
    auto written = serial.write(bytes);
    ASSERT_TRUE(written);
    EXPECT_EQ(written.value(), 2u);
    EXPECT_THAT(regs.stores(), ElementsAre(store(usart1 + dr, 2, 'o'), store(usart1 + dr, 2, 'k')));

    // flush() waits for TC.
    regs.clear_log();
    regs.set(usart1 + sr, 0);
    regs.reads_as_set(usart1 + sr, 0x0040);
    EXPECT_TRUE(serial.flush());
    EXPECT_THAT(regs.log(), ElementsAre(load(usart1 + sr, 2, 0x0040)));

    regs.on_load(usart1 + sr, [](std::uint32_t) { return 0x0028u; });  // RXNE + ORE
    regs.set(usart1 + dr, 'x');
    std::array<std::uint8_t, 4> into{};
    auto got = serial.read(into);
    ASSERT_FALSE(got);
    EXPECT_EQ(got.error(), rivet::hal::serial::error_kind::overrun);
}

TEST(stm32f405_timer, periodic_computes_prescaler_and_reload) {
    using tick = timer::periodic<timer::id::tim3, 16'000'000, 10'000>;  // 160000 ticks
    static_assert(tick::prescaler == 3 && tick::reload == 39999);
    recorder regs;
    (void)tick::configure();
    constexpr std::uintptr_t tim3 = 0x40000400;
    EXPECT_THAT(accesses_within(regs, tim3, 0x400),
                ElementsAre(store(tim3 + 0x00, 2, 0x0),     // CR1: stopped
                            store(tim3 + 0x28, 2, 3),       // PSC: 16 MHz / 4
                            store(tim3 + 0x2C, 2, 39999),   // ARR (16-bit on TIM3)
                            store(tim3 + 0x14, 2, 0x1),     // EGR.UG loads PSC
                            store(tim3 + 0x10, 2, 0x0),     // SR cleared
                            store(tim3 + 0x0C, 2, 0x1),     // DIER.UIE
                            store(tim3 + 0x00, 2, 0x81)));  // CR1: ARPE, CEN
    EXPECT_EQ(regs.value(0x40023840), 1u << 1);             // TIM3EN
}

TEST(stm32f405_timer, delay_waits_at_least_the_ticks_asked) {
    using delay = timer::delay<timer::id::tim2, 16'000'000>;
    recorder regs;
    auto d = delay::configure();
    constexpr std::uintptr_t cnt = 0x40000024;
    EXPECT_EQ(regs.value(0x40000028), 15u);          // PSC: 1 MHz
    EXPECT_EQ(regs.value(0x4000002C), 0xFFFFFFFFu);  // ARR: free-running, 32 bits
    std::uint32_t now = 0xFFFFFFF0;                  // wraps during the wait
    regs.on_load(cnt, [&now](std::uint32_t) { return now++; });
    d.delay_us(100);
    // First read at 0xFFFFFFF0, last at 101 ticks later.
    EXPECT_EQ(now - 0xFFFFFFF0u, 102u);
}

TEST(stm32f405_exti, routes_the_port_and_selects_the_edge) {
    recorder regs;
    using line = exti::line<gpio::input_pin<gpio::port::c, 5>, exti::edge::both>;
    (void)line::configure();
    EXPECT_EQ(regs.value(0x4001380C), 2u << 4);  // EXTICR2: EXTI5 = port C
    EXPECT_EQ(regs.value(0x40013C08), 1u << 5);  // RTSR
    EXPECT_EQ(regs.value(0x40013C0C), 1u << 5);  // FTSR
    EXPECT_EQ(regs.value(0x40013C00), 1u << 5);  // IMR
    EXPECT_THAT(regs.accesses_to(0x40013C14),
                ElementsAre(store(0x40013C14, 4, 1u << 5)));  // PR: w1c
    EXPECT_EQ(regs.value(0x40023844), 1u << 14);              // SYSCFGEN
    static_assert(line::irq == irq::exti9_5 && exti::irq_of(0) == irq::exti0 &&
                  exti::irq_of(15) == irq::exti15_10);
}

}  // namespace
